/**
 * ElastiCache engines we create replication groups with: Valkey (the default) and Redis OSS. Versions are the ones
 * cfn-lint 1.51.0 accepts for `AWS::ElastiCache::CacheCluster` EngineVersion
 * (cfnlint/data/schemas/extensions/aws_elasticache_cachecluster/engine_version.json: valkey 7.2, 8.0, 8.1, 8.2, 9.0;
 * redis 4.0.10, 5.0.6, 6.0, 6.2, 7.0, 7.1), narrowed to what this project's settings need:
 * - Redis OSS before 7.0 is left out: TransitEncryptionMode (`required`, which we always set) exists from Redis OSS
 *   7.0 on ("Enabling in-transit encryption on an existing cluster", ElastiCache user guide).
 * - Valkey 9.0 is left out: we could not verify its parameter group family name offline (valkey7 and valkey8 are the
 *   families ElastiCache lists for 7.2 and 8.x); add it with its family once checked.
 */

export type ElasticacheEngine = 'valkey' | 'redis';

export interface ElasticacheEngineRow {
  /** The name people know it by. */
  readonly displayName: string;
  readonly versions: readonly string[];
  /** A config without `version` gets this one. */
  readonly defaultVersion: string;
  /** The cache parameter group family of a version (`valkey8`, `redis7`); changing it replaces the parameter group. */
  readonly parameterGroupFamily: (version: string) => string;
}

export const ELASTICACHE_ENGINE_TABLE: Readonly<Record<ElasticacheEngine, ElasticacheEngineRow>> = {
  valkey: {
    displayName: 'Valkey',
    versions: ['7.2', '8.0', '8.1', '8.2'],
    defaultVersion: '8.2',
    parameterGroupFamily: (version) => `valkey${version.split('.')[0]}`,
  },
  redis: {
    displayName: 'Redis OSS',
    versions: ['7.0', '7.1'],
    defaultVersion: '7.1',
    parameterGroupFamily: (version) => `redis${version.split('.')[0]}`,
  },
};

export const ELASTICACHE_ENGINES = Object.keys(ELASTICACHE_ENGINE_TABLE) as readonly ElasticacheEngine[];

/** Where a value comes from, for the limits below. */
export const ELASTICACHE_LIMITS = {
  /**
   * Cluster mode disabled: one primary and up to 5 replicas (NumCacheClusters 1–6), and in cluster mode 0–5 replicas
   * per shard (ReplicasPerNodeGroup): cfn-lint's patch
   * cfnlint/data/schemas/patches/extensions/all/aws_elasticache_replicationgroup/manual.json.
   */
  maxReplicasPerShard: 5,
  /**
   * Cluster mode enabled: up to 500 shards (NumNodeGroups) per replication group ("Scaling clusters in Valkey or
   * Redis OSS (cluster mode enabled)", ElastiCache user guide; the default quota is 90 nodes per cluster, raised on
   * request). Not in cfn-lint's data; taken from the user guide.
   */
  maxShards: 500,
  /** ReplicationGroupId: 1–40 characters, a letter first, letters, digits and hyphens ("CreateReplicationGroup", ElastiCache API Reference). */
  replicationGroupIdMaxLength: 40,
  /** Automatic snapshots are kept up to 35 days (SnapshotRetentionLimit; ElastiCache user guide, "Scheduling automatic backups"). */
  maxSnapshotRetentionDays: 35,
  /** A Global Datastore has a primary and up to two secondary clusters ("Replication across AWS Regions using global datastores"). */
  maxSecondaryRegions: 2,
  /** 1–65535 (Port of CreateReplicationGroup); 6379 is the engines' default port. */
  defaultPort: 6379,
} as const;
