/**
 * CloudWatch alarms of Aurora clusters and their instances as rows of one table, next to the RDS table it reuses:
 * CPU, freeable memory, connections, read/write latency and PostgreSQL deadlocks are the RDS rows (so the critical CPU
 * threshold stays the cloud-neutral one); Aurora adds replica lag, global replication lag, ACU utilization, local
 * storage, cluster volume and Aurora MySQL's deadlock metric. A row whose threshold is undefined does not apply.
 */
import { DATABASE_ALARMS } from '../../../common/alarm-catalog';
import { CatalogAlarmRow, RDS_ALARMS, RdsAlarmContext, RdsAlarmUnit } from '../../rds/tables/rds-alarm-catalog';

/** Alarms on an instance (DBInstanceIdentifier) or on the whole cluster (DBClusterIdentifier). */
export type AuroraAlarmLevel = 'instance' | 'cluster';
export type AuroraRole = 'writer' | 'reader' | 'primary-cluster' | 'secondary-cluster';

export interface AuroraAlarmContext {
  readonly role: AuroraRole;
  readonly parameterFamily: 'postgres' | 'mysql';
  /** Provisioned class memory; undefined on Serverless v2. */
  readonly memoryGiB?: number;
  readonly maxConnections: number;
  readonly serverless: boolean;
}

export interface AuroraAlarmRow extends CatalogAlarmRow<AuroraAlarmContext, RdsAlarmUnit | 'milliseconds'> {
  readonly level: AuroraAlarmLevel;
}

const TIB = 1024 ** 4;
/** An Aurora cluster volume grows to at most 128 TiB. */
const VOLUME_LIMIT_BYTES = 128 * TIB;
const storageLowPercent = DATABASE_ALARMS.find((row) => row.id === 'storage-low')!.thresholdPercent;
const RDS = 'AWS/RDS';
const isInstance = (ctx: AuroraAlarmContext) => ctx.role === 'writer' || ctx.role === 'reader';

/** An RDS row on Aurora instances: a provisioned instance is an RDS instance of its class to these thresholds. */
function fromRds(id: string, level: AuroraAlarmLevel, applies: (ctx: AuroraAlarmContext) => boolean): AuroraAlarmRow {
  const rds = RDS_ALARMS.find((r) => r.id === id)!;
  const asRds = (ctx: AuroraAlarmContext): RdsAlarmContext => ({
    role: 'primary',
    parameterFamily: ctx.parameterFamily,
    memoryGiB: ctx.memoryGiB ?? 0,
    allocatedStorageGiB: 0,
    maxConnections: ctx.maxConnections,
  });
  return { ...rds, level, threshold: (ctx) => (applies(ctx) ? rds.threshold(asRds(ctx)) : undefined), describe: (t, ctx) => rds.describe(t, asRds(ctx)) };
}

const pair = <T>(rows: ReadonlyArray<readonly ['warning' | 'critical', T]>) => rows;

export const AURORA_ALARMS: readonly AuroraAlarmRow[] = [
  fromRds('cpu-warning', 'instance', isInstance),
  fromRds('cpu-critical', 'instance', isInstance),
  // Serverless v2 memory follows capacity: ACU utilization is its memory alarm.
  fromRds('memory-warning', 'instance', (ctx) => isInstance(ctx) && !ctx.serverless),
  fromRds('memory-critical', 'instance', (ctx) => isInstance(ctx) && !ctx.serverless),
  fromRds('connections-warning', 'instance', isInstance),
  fromRds('connections-critical', 'instance', isInstance),
  fromRds('read-latency-warning', 'instance', isInstance),
  fromRds('write-latency-warning', 'instance', (ctx) => ctx.role === 'writer'),
  // PostgreSQL logs deadlocks to the cluster's exported log: one alarm per cluster.
  fromRds('deadlocks-warning', 'cluster', (ctx) => ctx.role === 'primary-cluster' && ctx.parameterFamily === 'postgres'),
  {
    id: 'mysql-deadlocks-warning',
    level: 'instance',
    severity: 'warning',
    namespace: RDS,
    metricName: 'Deadlocks',
    statistic: 'Sum',
    comparison: 'GreaterThanThreshold',
    unit: 'count',
    threshold: (ctx) => (ctx.role === 'writer' && ctx.parameterFamily === 'mysql' ? 0 : undefined),
    describe: () => 'a deadlock was detected',
    periodSeconds: 300,
    evaluationPeriods: 1,
    missingDataIsOk: true,
    runbook: 'SHOW ENGINE INNODB STATUS (and the error log, innodb_print_all_deadlocks is on) names both transactions; make them take locks in the same order.',
  },
  ...pair([
    ['warning', 2000],
    ['critical', 30000],
  ] as const).map(([severity, ms]): AuroraAlarmRow => ({
    id: `aurora-replica-lag-${severity}`,
    level: 'instance',
    severity,
    namespace: RDS,
    metricName: 'AuroraReplicaLag',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'milliseconds',
    threshold: (ctx) => (ctx.role === 'reader' ? ms : undefined),
    describe: (t) => `reader more than ${t} ms behind the writer`,
    periodSeconds: 60,
    evaluationPeriods: 5,
    runbook: "Readers replay the writer's changes from shared storage: look for a write burst on the writer or a saturated reader.",
  })),
  ...pair([
    ['warning', 5000],
    ['critical', 60000],
  ] as const).map(([severity, ms]): AuroraAlarmRow => ({
    id: `global-replication-lag-${severity}`,
    level: 'cluster',
    severity,
    namespace: RDS,
    metricName: 'AuroraGlobalDBReplicationLag',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'milliseconds',
    threshold: (ctx) => (ctx.role === 'secondary-cluster' ? ms : undefined),
    describe: (t) => `secondary region more than ${t / 1000} s behind the primary (the RPO of a cross-region failover)`,
    periodSeconds: 60,
    evaluationPeriods: 5,
    runbook: 'Check the primary for write bursts and AuroraGlobalDBProgressLag; a lasting lag is data lost on a regional failover.',
  })),
  ...pair([['warning', 90]] as const).map(([severity, percent]): AuroraAlarmRow => ({
    id: `acu-utilization-${severity}`,
    level: 'instance',
    severity,
    namespace: RDS,
    metricName: 'ACUUtilization',
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'percent',
    threshold: (ctx) => (isInstance(ctx) && ctx.serverless ? percent : undefined),
    describe: (t) => `using more than ${t}% of the maximum capacity`,
    periodSeconds: 300,
    evaluationPeriods: 3,
    runbook: 'The instance is at its maximum ACUs: raise serverlessV2.maxCapacity or reduce the load.',
  })),
  ...pair([
    ['warning', 30],
    ['critical', storageLowPercent],
  ] as const).map(([severity, percent]): AuroraAlarmRow => ({
    id: `local-storage-${severity}`,
    level: 'instance',
    severity,
    namespace: RDS,
    metricName: 'FreeLocalStorage',
    statistic: 'Minimum',
    comparison: 'LessThanThreshold',
    unit: 'bytes',
    // Local storage (temporary tables, sorts) is about twice the memory of a provisioned class.
    threshold: (ctx) => (isInstance(ctx) && ctx.memoryGiB !== undefined ? Math.floor((ctx.memoryGiB * 2 * 1024 ** 3 * percent) / 100) : undefined),
    describe: (t, ctx) => `free local storage below ${(t / 1024 ** 3).toFixed(1)} GiB (${percent}% of about ${(ctx.memoryGiB ?? 0) * 2} GiB)`,
    periodSeconds: 300,
    evaluationPeriods: 1,
    runbook: 'Large sorts or temporary tables spill to local storage: find them (Performance Insights) or move to a larger class.',
  })),
  ...pair([
    ['warning', 80],
    ['critical', 100 - storageLowPercent],
  ] as const).map(([severity, percent]): AuroraAlarmRow => ({
    id: `volume-${severity}`,
    level: 'cluster',
    severity,
    namespace: RDS,
    metricName: 'VolumeBytesUsed',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'bytes',
    threshold: (ctx) => (ctx.role === 'primary-cluster' ? Math.floor((VOLUME_LIMIT_BYTES * percent) / 100) : undefined),
    describe: (t) => `cluster volume above ${(t / TIB).toFixed(1)} TiB (${percent}% of the 128 TiB limit)`,
    periodSeconds: 3600,
    evaluationPeriods: 1,
    runbook: 'Find the growing tables; archive or drop data, the volume cannot grow beyond 128 TiB.',
  })),
];

export const AURORA_ALARM_IDS = AURORA_ALARMS.map((row) => row.id);
