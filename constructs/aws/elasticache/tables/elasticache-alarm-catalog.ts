/**
 * CloudWatch alarms of an ElastiCache replication group as rows of one table ("Which metrics should I monitor?",
 * ElastiCache user guide): engine CPU (the engine's main thread), host CPU on nodes with 2 vCPUs or fewer (where
 * the host's other work competes with the engine), memory used of maxmemory, freeable host memory from the node
 * type's memory, evictions (a store should never evict), connections, replication lag on replicas, swap, and the
 * Global Datastore lag of each secondary cluster. Per node (CacheClusterId); a row whose threshold is undefined does
 * not apply. Overrides in config are in the row's unit.
 */
import { DATABASE_ALARMS } from '../../../common/alarm-catalog';
import type { CatalogAlarmRow } from '../../rds/tables/rds-alarm-catalog';
import type { CacheUse } from './elasticache-cluster-checks';

export type CacheNodeRole = 'primary' | 'replica' | 'secondary-primary' | 'secondary-replica';

export interface ElasticacheAlarmContext {
  readonly role: CacheNodeRole;
  readonly use: CacheUse;
  readonly vcpus: number;
  readonly memoryGiB: number;
}

export type ElasticacheAlarmRow = CatalogAlarmRow<ElasticacheAlarmContext, 'percent' | 'count' | 'bytes' | 'seconds'>;

const NAMESPACE = 'AWS/ElastiCache';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const cpuCritical = DATABASE_ALARMS.find((row) => row.id === 'cpu-high')!.thresholdPercent;
const isReplica = (ctx: ElasticacheAlarmContext) => ctx.role === 'replica' || ctx.role === 'secondary-replica';
/** ElastiCache's maxclients is 65,000 and cannot be changed ("Valkey and Redis OSS parameters"): warn at 80%. */
export const ELASTICACHE_MAX_CLIENTS = 65_000;
/** Host CPU is watched on nodes with at most this many vCPUs (AWS: "for smaller node types with 2 vCPUs or less"). */
export const SMALL_NODE_MAX_VCPUS = 2;

const base = { namespace: NAMESPACE, periodSeconds: 300, evaluationPeriods: 3 } as const;

export const ELASTICACHE_ALARMS: readonly ElasticacheAlarmRow[] = [
  ...(['warning', 'critical'] as const).map((severity): ElasticacheAlarmRow => ({
    ...base,
    id: `engine-cpu-${severity}`,
    severity,
    metricName: 'EngineCPUUtilization',
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'percent',
    threshold: () => (severity === 'critical' ? cpuCritical : 80),
    describe: (t) => `engine thread CPU above ${t}%`,
    runbook: 'Look for slow commands (the slow log in CloudWatch Logs) and hot keys before scaling up or out.',
  })),
  {
    ...base,
    id: 'host-cpu-critical',
    severity: 'critical',
    metricName: 'CPUUtilization',
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'percent',
    threshold: (ctx) => (ctx.vcpus <= SMALL_NODE_MAX_VCPUS ? cpuCritical : undefined),
    describe: (t, ctx) => `host CPU above ${t}% on a ${ctx.vcpus}-vCPU node`,
    runbook: 'Snapshots and replication share the host with the engine on small nodes: move the snapshot window, or use a larger node.',
  },
  ...(
    [
      ['warning', { cache: 90, store: 75 }],
      ['critical', { cache: 98, store: 90 }],
    ] as const
  ).map(([severity, byUse]): ElasticacheAlarmRow => ({
    ...base,
    id: `memory-${severity}`,
    severity,
    metricName: 'DatabaseMemoryUsagePercentage',
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'percent',
    // A cache is meant to run full and evict; a store refuses writes when full.
    threshold: (ctx) => byUse[ctx.use],
    describe: (t, ctx) => `memory used above ${t}% of maxmemory (${ctx.use === 'store' ? 'writes fail when full' : 'keys are evicted when full'})`,
    runbook: 'Check key growth and TTLs (INFO keyspace); scale up, or out with cluster mode.',
  })),
  {
    ...base,
    id: 'freeable-memory-low',
    severity: 'warning',
    metricName: 'FreeableMemory',
    statistic: 'Minimum',
    comparison: 'LessThanThreshold',
    unit: 'bytes',
    // 10% of the node type's memory: the host needs room for the snapshot fork's copy-on-write pages.
    threshold: (ctx) => Math.round(ctx.memoryGiB * GIB * 0.1),
    describe: (t) => `host freeable memory below ${(t / GIB).toFixed(2)} GiB (10% of the node)`,
    runbook: 'Snapshots fork the engine: lower reserved-memory-percent pressure by scaling up, or snapshot from a replica.',
  },
  {
    ...base,
    id: 'evictions',
    severity: 'critical',
    metricName: 'Evictions',
    statistic: 'Sum',
    comparison: 'GreaterThanThreshold',
    unit: 'count',
    // A store runs noeviction, so any eviction means the policy was changed by hand; a cache evicts by design, and
    // only a burst this large says the working set no longer fits.
    threshold: (ctx) => (ctx.use === 'store' ? 0 : 1000 * Math.ceil(ctx.memoryGiB)),
    describe: (t) => `more than ${t} keys evicted in 5 minutes`,
    runbook: 'The working set no longer fits: scale up or out, or shorten TTLs.',
    missingDataIsOk: true,
  },
  {
    ...base,
    id: 'connections-warning',
    severity: 'warning',
    metricName: 'CurrConnections',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'count',
    threshold: () => ELASTICACHE_MAX_CLIENTS * 0.8,
    describe: (t) => `more than ${t} client connections (maxclients ${ELASTICACHE_MAX_CLIENTS})`,
    runbook: 'Look for clients that open a connection per request instead of pooling.',
  },
  {
    ...base,
    id: 'replication-lag',
    severity: 'warning',
    metricName: 'ReplicationLag',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'seconds',
    threshold: (ctx) => (isReplica(ctx) ? 1 : undefined),
    describe: (t) => `replica more than ${t} s behind its primary`,
    runbook: 'Check write volume and network on the primary; a lagging replica serves stale reads and fails over with loss.',
  },
  {
    ...base,
    id: 'swap-usage',
    severity: 'warning',
    metricName: 'SwapUsage',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'bytes',
    // AWS: SwapUsage should stay low; above 50 MB the engine is short of memory (value from the user guide's
    // monitoring best practices, not re-checked offline).
    threshold: () => 50 * MIB,
    describe: (t) => `swap above ${t / MIB} MiB`,
    runbook: 'The host is short of memory: scale up, or lower memory use.',
  },
  {
    ...base,
    id: 'global-replication-lag',
    severity: 'warning',
    metricName: 'GlobalDatastoreReplicationLag',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'seconds',
    threshold: (ctx) => (ctx.role === 'secondary-primary' ? 5 : undefined),
    describe: (t) => `secondary region more than ${t} s behind the primary region`,
    runbook: 'Cross-region lag grows with write volume: check the primary region write rate and the inter-region network.',
  },
];

export const ELASTICACHE_ALARM_IDS: readonly string[] = ELASTICACHE_ALARMS.map((row) => row.id);
