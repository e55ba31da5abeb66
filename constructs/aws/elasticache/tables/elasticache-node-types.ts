/**
 * Node types a cluster may use, with the vCPUs and memory the alarms derive their thresholds from. Only current
 * generation Graviton types: every name is in cfn-lint 1.51.0's CacheNodeType list for every region it knows
 * (cfnlint/data/schemas/extensions/aws_elasticache_cachecluster/cachenodetype_enum.json;
 * test/aws/elasticache-tables.test.ts checks it). Memory (GiB) and vCPUs are the values of "Supported node types" and
 * the Amazon ElastiCache pricing page; we could not re-read the pricing page offline, so the r7g sizes are the ones
 * we know from it, not re-checked here (the t4g and m7g values matched a published listing).
 */

export interface CacheNodeSize {
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** Burstable (T) types: no Global Datastore, CPU credits. */
  readonly burstable: boolean;
}

const row = (vcpus: number, memoryGiB: number, burstable = false): CacheNodeSize => ({ vcpus, memoryGiB, burstable });

export const CACHE_NODE_TYPES = {
  'cache.t4g.micro': row(2, 0.5, true),
  'cache.t4g.small': row(2, 1.37, true),
  'cache.t4g.medium': row(2, 3.09, true),
  'cache.m7g.large': row(2, 6.38),
  'cache.m7g.xlarge': row(4, 12.93),
  'cache.m7g.2xlarge': row(8, 26.04),
  'cache.m7g.4xlarge': row(16, 52.26),
  'cache.r7g.large': row(2, 13.07),
  'cache.r7g.xlarge': row(4, 26.32),
  'cache.r7g.2xlarge': row(8, 52.82),
  'cache.r7g.4xlarge': row(16, 105.81),
} as const satisfies Readonly<Record<string, CacheNodeSize>>;

export type CacheNodeType = keyof typeof CACHE_NODE_TYPES;
export const CACHE_NODE_TYPE_NAMES = Object.keys(CACHE_NODE_TYPES) as readonly CacheNodeType[];

export const isCacheNodeType = (value: string): value is CacheNodeType => value in CACHE_NODE_TYPES;
