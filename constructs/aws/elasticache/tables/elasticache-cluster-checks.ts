/**
 * The checks of an ElastiCache replication group's settings, shared by the config rule
 * (lib/kinds/elasticache-cluster/elasticache-cluster-rules.ts) and the ElasticacheReplicationGroup construct, so a
 * message is worded once. Paths are config field names.
 */
import { identifierProblem } from '../../../common/identifiers';
import type { PathProblem } from '../../../common/path-problem';
import { CACHE_NODE_TYPE_NAMES, CACHE_NODE_TYPES, isCacheNodeType } from './elasticache-node-types';
import { ELASTICACHE_ENGINE_TABLE, ELASTICACHE_ENGINES, ELASTICACHE_LIMITS, type ElasticacheEngine } from './elasticache-engine-table';

export type CacheUse = 'cache' | 'store';

export interface ElasticacheClusterSettings {
  /** `<environment>-<name>`: the replication group id. */
  readonly replicationGroupId: string;
  readonly engine: ElasticacheEngine;
  readonly version: string;
  readonly nodeType: string;
  /** Cluster mode enabled: data split over `shards` node groups. */
  readonly clusterMode: boolean;
  readonly shards: number;
  readonly replicasPerShard: number;
  /** Multi-AZ with automatic failover. */
  readonly multiAz: boolean;
  readonly snapshotRetentionDays: number;
  readonly notifyKeyspaceEvents?: string;
  readonly secondaryRegions: readonly string[];
}

/**
 * Keyspace notification classes ("Redis keyspace notifications", redis.io docs; the same letters in Valkey): K and E
 * choose the channels, the others the events. `n` (new key) is left out: not listed for ElastiCache's
 * notify-keyspace-events parameter as far as we could check.
 */
export const KEYSPACE_EVENT_CLASSES = 'KEg$lshzxetmdA';

function keyspaceEventsProblem(value: string): string | undefined {
  const unknown = [...new Set([...value].filter((c) => !KEYSPACE_EVENT_CLASSES.includes(c)))];
  if (unknown.length > 0) return `has unknown event classes ${unknown.map((c) => `'${c}'`).join(', ')}; allowed: ${KEYSPACE_EVENT_CLASSES}`;
  if (!value.includes('K') && !value.includes('E')) return 'names no channel, so nothing is published: it must contain K (keyspace) or E (keyevent)';
  if (value.replace(/[KE]/g, '') === '') return 'names a channel but no event class, so nothing is published';
  return undefined;
}

export function elasticacheClusterProblems(s: ElasticacheClusterSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  const limits = ELASTICACHE_LIMITS;
  const idProblem = identifierProblem(s.replicationGroupId, limits.replicationGroupIdMaxLength);
  if (idProblem) {
    problems.push({
      path: ['name'],
      value: s.replicationGroupId,
      message: `the replication group id '${s.replicationGroupId}' (<environment>-<name>) ${idProblem}; ElastiCache allows at most ${limits.replicationGroupIdMaxLength}`,
      fix: 'shorten the database (or environment) name',
    });
  }
  const engine = ELASTICACHE_ENGINE_TABLE[s.engine];
  if (!engine) {
    problems.push({
      path: ['engine'],
      value: s.engine,
      message: `must be one of ${ELASTICACHE_ENGINES.join(', ')}`,
      fix: "use 'valkey' (the default) or 'redis'",
    });
  } else if (!engine.versions.includes(s.version)) {
    problems.push({
      path: ['version'],
      value: s.version,
      message: `is not a ${engine.displayName} version we create; versions: ${engine.versions.join(', ')}`,
      fix: `choose one of ${engine.versions.join(', ')} (default ${engine.defaultVersion})`,
    });
  }
  if (!isCacheNodeType(s.nodeType)) {
    problems.push({
      path: ['nodeType'],
      value: s.nodeType,
      message: `is not a node type of the catalog; node types: ${CACHE_NODE_TYPE_NAMES.join(', ')}`,
      fix: 'choose a listed node type (constructs/aws/elasticache/tables/elasticache-node-types.ts)',
    });
  }
  if (!s.clusterMode && s.shards !== 1) {
    problems.push({
      path: ['shards'],
      value: s.shards,
      message: 'must be 1 with cluster mode disabled (one primary and its replicas hold all the data)',
      fix: 'set clusterMode: true to split the data over shards, or remove shards',
    });
  } else if (s.shards < 1 || s.shards > limits.maxShards) {
    problems.push({
      path: ['shards'],
      value: s.shards,
      message: `must be from 1 to ${limits.maxShards} (ElastiCache's limit of node groups per cluster)`,
      fix: `choose from 1 to ${limits.maxShards}`,
    });
  }
  if (s.replicasPerShard < 0 || s.replicasPerShard > limits.maxReplicasPerShard) {
    problems.push({
      path: ['replicasPerShard'],
      value: s.replicasPerShard,
      message: `must be from 0 to ${limits.maxReplicasPerShard} (ElastiCache's limit of replicas per shard)`,
      fix: `choose from 0 to ${limits.maxReplicasPerShard}`,
    });
  } else if (s.multiAz && s.replicasPerShard < 1) {
    problems.push({
      path: ['replicasPerShard'],
      value: s.replicasPerShard,
      message: 'must be at least 1 with highAvailability: Multi-AZ fails over to a replica in another zone',
      fix: 'set replicasPerShard to 1 or more, or highAvailability: false',
    });
  }
  if (s.snapshotRetentionDays < 0 || s.snapshotRetentionDays > limits.maxSnapshotRetentionDays) {
    problems.push({
      path: ['snapshotRetentionDays'],
      value: s.snapshotRetentionDays,
      message: `must be from 0 (no automatic snapshots) to ${limits.maxSnapshotRetentionDays} days (ElastiCache limit)`,
      fix: `choose from 0 to ${limits.maxSnapshotRetentionDays}`,
    });
  }
  if (s.notifyKeyspaceEvents !== undefined) {
    const problem = keyspaceEventsProblem(s.notifyKeyspaceEvents);
    if (problem)
      problems.push({
        path: ['notifyKeyspaceEvents'],
        value: s.notifyKeyspaceEvents,
        message: problem,
        fix: "e.g. 'Ex' for expired-key events; remove the field to publish none",
      });
  }
  if (s.secondaryRegions.length > limits.maxSecondaryRegions) {
    problems.push({
      path: ['secondaryRegions'],
      value: s.secondaryRegions,
      message: `lists ${s.secondaryRegions.length} regions; a Global Datastore has at most ${limits.maxSecondaryRegions} secondary clusters`,
      fix: `keep at most ${limits.maxSecondaryRegions} secondary regions`,
    });
  }
  if (s.secondaryRegions.length > 0 && isCacheNodeType(s.nodeType) && CACHE_NODE_TYPES[s.nodeType].burstable) {
    problems.push({
      path: ['nodeType'],
      value: s.nodeType,
      message: 'is a burstable (T) node type, which Global Datastores do not support (M5, R5 and newer only)',
      fix: 'choose an m7g or r7g node type, or remove secondaryRegions',
    });
  }
  return problems;
}
