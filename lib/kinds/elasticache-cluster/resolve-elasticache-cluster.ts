/** Tier defaults for an ElastiCache replication group (the node type's, by tier, is applied by the plan's settings). */
import type { ElasticacheClusterConfig, Tier, TierDefaults } from '../../../config/schema';
import type { CacheNodeType } from '../../../constructs/aws/elasticache/tables/elasticache-node-types';
import { ELASTICACHE_ENGINE_TABLE } from '../../../constructs/aws/elasticache/tables/elasticache-engine-table';
import type { ResolvedCommon, ResolvedElasticacheCluster } from '../../config/resolved-environment';

/** Burstable nodes where a lost cache costs little; a memory-optimized node in production (Global Datastore capable). */
export const DEFAULT_CACHE_NODE_TYPE: Readonly<Record<Tier, CacheNodeType>> = {
  development: 'cache.t4g.micro',
  staging: 'cache.t4g.small',
  production: 'cache.r7g.large',
};

export function resolveElasticacheCluster(database: ElasticacheClusterConfig, common: ResolvedCommon, defaults: TierDefaults): ResolvedElasticacheCluster {
  const { pointInTimeRecovery: _pitr, deletionProtection: _deletionProtection, ...rest } = database;
  return {
    ...rest,
    ...common,
    // Neither exists on ElastiCache: the schema refuses `true`, and the posture reports them off.
    pointInTimeRecovery: false,
    deletionProtection: false,
    version: database.version ?? ELASTICACHE_ENGINE_TABLE[database.engine].defaultVersion,
    // Multi-AZ fails over to a replica in another zone: one per shard with high availability.
    replicasPerShard: database.replicasPerShard ?? (common.highAvailability ? 1 : 0),
    snapshotRetentionDays: database.snapshotRetentionDays ?? defaults.backupRetentionDays,
  };
}
