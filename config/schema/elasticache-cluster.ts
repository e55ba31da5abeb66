/** An ElastiCache replication group (Valkey or Redis OSS): a cache or an in-memory store, optionally a Global Datastore. */
import { z } from 'zod';
import type { CacheNodeType } from '../../constructs/aws/elasticache/tables/elasticache-node-types';
import { checkedChoice, databaseCommonFields } from './fields';

export const ELASTICACHE_CLUSTER_ENGINES = ['valkey', 'redis'] as const;
export const CACHE_USES = ['cache', 'store'] as const;

export const elasticacheCluster = z.strictObject({
  kind: z.literal('elasticache-cluster'),
  ...databaseCommonFields,
  /** ElastiCache has no point-in-time recovery: snapshots are its only backup. */
  pointInTimeRecovery: z
    .literal(false, { error: 'ElastiCache has no point-in-time recovery (daily snapshots are its backup); remove the field or set it to false' })
    .optional(),
  /** ElastiCache has no deletion protection: DeletionPolicy (removalPolicy) is what keeps a group. */
  deletionProtection: z
    .literal(false, {
      error: 'ElastiCache has no deletion protection (removalPolicy keeps the group when it leaves the template); remove the field or set it to false',
    })
    .optional(),
  /** Default: valkey. */
  engine: z.enum(ELASTICACHE_CLUSTER_ENGINES, { error: `must be one of ${ELASTICACHE_CLUSTER_ENGINES.join(', ')}` }).default('valkey'),
  /** Engine version, e.g. `8.2` (Valkey) or `7.1` (Redis OSS). Default: the engine's newest we create. */
  version: z.string().optional(),
  /** Default by tier: cache.t4g.micro (development), cache.t4g.small (staging), cache.r7g.large (production). */
  nodeType: checkedChoice<CacheNodeType>().optional(),
  /** `cache` evicts least recently used keys when full; `store` never evicts (writes fail when full). */
  use: z.enum(CACHE_USES, { error: `must be one of ${CACHE_USES.join(', ')}` }),
  /** Split the data over `shards` node groups (cluster mode enabled). Default: false. */
  clusterMode: z.boolean().default(false),
  /** Node groups, with cluster mode (1–500). Default: 1. */
  shards: z.int().default(1),
  /** Replicas of each shard's primary (0–5). Default: 1 with high availability, else 0. */
  replicasPerShard: z.int().optional(),
  /** Days of daily automatic snapshots (0–35). Default: the tier's backup retention. */
  snapshotRetentionDays: z.int().optional(),
  /** Keyspace notification classes (`notify-keyspace-events`), e.g. `Ex`. Default: none published. */
  notifyKeyspaceEvents: z.string().optional(),
  /** Default: 6379. */
  port: z.int().min(1, { error: 'must be from 1 to 65535' }).max(65535, { error: 'must be from 1 to 65535' }).default(6379),
  /** Client networks the security group admits. */
  allowedCidrs: z.array(z.string()).default([]),
  /** Alarm threshold overrides by alarm id, in the unit the ElastiCache alarm catalog states. */
  alarmThresholds: z.record(z.string(), z.number()).default({}),
  /** Regions of Global Datastore secondary clusters (≤ 2), each with its own region's key. */
  secondaryRegions: z.array(z.string()).default([]),
});

export type ElasticacheClusterInput = z.input<typeof elasticacheCluster>;
export type ElasticacheClusterConfig = z.output<typeof elasticacheCluster>;
