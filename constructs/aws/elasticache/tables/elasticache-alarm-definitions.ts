/** CloudWatch alarm definitions for one ElastiCache node (a cache cluster of the group): the catalog's rows that apply. */
import { type CloudWatchAlarmDefinition, resolveAlarmRows } from '../../rds/tables/rds-alarm-definitions';
import { ELASTICACHE_ALARMS, type ElasticacheAlarmContext } from './elasticache-alarm-catalog';

/** @param cacheClusterId the node's id (`<group>-001`, or `<group>-0001-001` in cluster mode). */
export function elasticacheAlarmDefinitions(
  cacheClusterId: string,
  ctx: ElasticacheAlarmContext,
  overrides: Readonly<Record<string, number>> = {},
): CloudWatchAlarmDefinition[] {
  return resolveAlarmRows(ELASTICACHE_ALARMS, cacheClusterId, { CacheClusterId: cacheClusterId }, ctx, overrides);
}

/**
 * The ids ElastiCache gives the nodes of a replication group: `<group>-00n` with cluster mode disabled,
 * `<group>-000s-00n` with it enabled (node n of shard s). The first node of a shard starts as its primary.
 */
export function cacheNodeIds(replicationGroupId: string, clusterMode: boolean, shards: number, nodesPerShard: number): string[][] {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return Array.from({ length: shards }, (_, s) =>
    Array.from({ length: nodesPerShard }, (_, n) =>
      clusterMode ? `${replicationGroupId}-${pad(s + 1, 4)}-${pad(n + 1, 3)}` : `${replicationGroupId}-${pad(n + 1, 3)}`,
    ),
  );
}
