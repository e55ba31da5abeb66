/**
 * CloudWatch alarms of RDS instances (and, later, Aurora instances) as rows of one table. Thresholds derive from the
 * instance's class and storage (DESIGN.md §5); a row whose threshold is undefined does not apply to that instance
 * (replica lag on a primary, CPU credits on a non-burstable class, deadlocks on engines that do not log them).
 * The critical CPU and storage thresholds come from the cloud-neutral catalog, so both clouds page at the same point.
 */
import { AlarmSeverity, DATABASE_ALARMS } from '../../../common/alarm-catalog';

export type RdsInstanceRole = 'primary' | 'replica';

/** What thresholds are derived from. */
export interface RdsAlarmContext {
  readonly role: RdsInstanceRole;
  readonly parameterFamily: string;
  readonly memoryGiB: number;
  readonly allocatedStorageGiB: number;
  /** The connection cap the parameter group gives (max_connections, processes, user connections). */
  readonly maxConnections: number;
  /** Burstable classes only. */
  readonly cpuCreditsPerHour?: number;
}

/** A metric a deadlock count is derived from: a filter on an exported log group. */
export interface RdsLogMetric {
  readonly logType: string;
  readonly pattern: string;
}

export type RdsAlarmUnit = 'percent' | 'bytes' | 'count' | 'seconds' | 'credits';

/**
 * A row of an alarm catalog for databases described by a context `C` (RDS instances here; Aurora instances and
 * clusters in aurora-alarm-catalog.ts), thresholds in unit `U`.
 */
export interface CatalogAlarmRow<C, U extends string = RdsAlarmUnit> {
  readonly id: string;
  readonly severity: AlarmSeverity;
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: 'Average' | 'Minimum' | 'Maximum' | 'Sum';
  readonly comparison: 'GreaterThanThreshold' | 'LessThanThreshold';
  /** Unit of the threshold (and of an override in config). */
  readonly unit: U;
  /** Undefined: the row does not apply to this database. */
  readonly threshold: (ctx: C) => number | undefined;
  /** The condition in words, for the alarm description. */
  readonly describe: (threshold: number, ctx: C) => string;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** Metrics that only exist on events: no data is good news. */
  readonly missingDataIsOk?: boolean;
  readonly logMetric?: RdsLogMetric;
  readonly runbook: string;
}

const GIB = 1024 ** 3;
/** Custom metrics we derive from logs. */
export const RDS_LOG_METRICS_NAMESPACE = 'Databases/RDS';

const commonPercent = (id: string) => DATABASE_ALARMS.find((row) => row.id === id)!.thresholdPercent;
const ofMemory = (percent: number) => (ctx: RdsAlarmContext) => Math.floor((ctx.memoryGiB * GIB * percent) / 100);
const ofStorage = (percent: number) => (ctx: RdsAlarmContext) => Math.floor((ctx.allocatedStorageGiB * GIB * percent) / 100);
const ofConnections = (percent: number) => (ctx: RdsAlarmContext) => Math.floor((ctx.maxConnections * percent) / 100);
const onReplica = (seconds: number) => (ctx: RdsAlarmContext) => (ctx.role === 'replica' ? seconds : undefined);
const gib = (bytes: number) => `${(bytes / GIB).toFixed(1)} GiB`;

const RDS = 'AWS/RDS';
const FIVE_MINUTES = 300;

export type RdsAlarmRow = CatalogAlarmRow<RdsAlarmContext>;

export const RDS_ALARMS: readonly RdsAlarmRow[] = [
  ...(['warning', 'critical'] as const).map((severity): RdsAlarmRow => ({
    id: `cpu-${severity}`,
    severity,
    namespace: RDS,
    metricName: 'CPUUtilization',
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'percent',
    threshold: () => (severity === 'critical' ? commonPercent('cpu-high') : 80),
    describe: (t) => `CPU above ${t}%`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    runbook: 'Look for long-running or new queries (Performance Insights) before resizing.',
  })),
  ...(
    [
      ['warning', 20],
      ['critical', 10],
    ] as const
  ).map(([severity, percent]): RdsAlarmRow => ({
    id: `memory-${severity}`,
    severity,
    namespace: RDS,
    metricName: 'FreeableMemory',
    statistic: 'Average',
    comparison: 'LessThanThreshold',
    unit: 'bytes',
    threshold: ofMemory(percent),
    describe: (t, ctx) => `freeable memory below ${gib(t)} (${percent}% of ${ctx.memoryGiB} GiB)`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    runbook: 'Check connection count and per-connection memory (work_mem, sort buffers); the class may be too small.',
  })),
  ...(
    [
      ['warning', 30],
      ['critical', commonPercent('storage-low')],
    ] as const
  ).map(([severity, percent]): RdsAlarmRow => ({
    id: `storage-${severity}`,
    severity,
    namespace: RDS,
    metricName: 'FreeStorageSpace',
    statistic: 'Minimum',
    comparison: 'LessThanThreshold',
    unit: 'bytes',
    threshold: ofStorage(percent),
    describe: (t, ctx) => `free storage below ${gib(t)} (${percent}% of ${ctx.allocatedStorageGiB} GiB)`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 1,
    runbook: 'Check table, index and log growth; raise the storage (or its autoscaling limit) before it runs out.',
  })),
  ...(
    [
      ['warning', 80],
      ['critical', 90],
    ] as const
  ).map(([severity, percent]): RdsAlarmRow => ({
    id: `connections-${severity}`,
    severity,
    namespace: RDS,
    metricName: 'DatabaseConnections',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'count',
    threshold: ofConnections(percent),
    describe: (t, ctx) => `more than ${t} connections (${percent}% of ${ctx.maxConnections})`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    runbook: 'Look for connection leaks or a missing pool; consider RDS Proxy before raising the limit.',
  })),
  ...(
    [
      ['warning', 30],
      ['critical', 300],
    ] as const
  ).map(([severity, seconds]): RdsAlarmRow => ({
    id: `replica-lag-${severity}`,
    severity,
    namespace: RDS,
    metricName: 'ReplicaLag',
    statistic: 'Maximum',
    comparison: 'GreaterThanThreshold',
    unit: 'seconds',
    threshold: onReplica(seconds),
    describe: (t) => `replica more than ${t} s behind its source`,
    periodSeconds: 60,
    evaluationPeriods: 5,
    runbook: 'Check the source for long transactions or write bursts and the replica for CPU or I/O saturation.',
  })),
  ...(['ReadLatency', 'WriteLatency'] as const).map((metricName): RdsAlarmRow => ({
    id: `${metricName === 'ReadLatency' ? 'read' : 'write'}-latency-warning`,
    severity: 'warning',
    namespace: RDS,
    metricName,
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'seconds',
    // gp3 serves single-digit milliseconds; 20 ms sustained means the volume is saturated.
    threshold: () => 0.02,
    describe: (t) => `${metricName === 'ReadLatency' ? 'read' : 'write'} latency above ${t * 1000} ms`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    runbook: 'Compare IOPS and throughput with the gp3 provisioned values; raise them or reduce I/O (indexes, caching).',
  })),
  {
    id: 'disk-queue-warning',
    severity: 'warning',
    namespace: RDS,
    metricName: 'DiskQueueDepth',
    statistic: 'Average',
    comparison: 'GreaterThanThreshold',
    unit: 'count',
    threshold: () => 20,
    describe: (t) => `more than ${t} I/O requests waiting`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    runbook: 'The storage cannot keep up: check IOPS against the provisioned gp3 IOPS.',
  },
  {
    id: 'cpu-credits-warning',
    severity: 'warning',
    namespace: RDS,
    metricName: 'CPUCreditBalance',
    statistic: 'Minimum',
    comparison: 'LessThanThreshold',
    unit: 'credits',
    // The balance caps at 24 hours of earnings; below a fifth of that, the class is running hot.
    threshold: (ctx) => (ctx.cpuCreditsPerHour === undefined ? undefined : Math.floor(ctx.cpuCreditsPerHour * 24 * 0.2)),
    describe: (t) => `CPU credit balance below ${t}`,
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    runbook: 'A burstable class is using more CPU than it earns: move to a non-burstable class.',
  },
  {
    id: 'deadlocks-warning',
    severity: 'warning',
    namespace: RDS_LOG_METRICS_NAMESPACE,
    metricName: 'Deadlocks',
    statistic: 'Sum',
    comparison: 'GreaterThanThreshold',
    unit: 'count',
    // PostgreSQL logs every deadlock it breaks; RDS has no CloudWatch metric for them.
    threshold: (ctx) => (ctx.parameterFamily === 'postgres' && ctx.role === 'primary' ? 0 : undefined),
    describe: () => 'a deadlock was detected',
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 1,
    missingDataIsOk: true,
    logMetric: { logType: 'postgresql', pattern: '"deadlock detected"' },
    runbook: 'Read the postgresql log around the alarm: it names both statements; make them take locks in the same order.',
  },
];

export const RDS_ALARM_IDS = RDS_ALARMS.map((row) => row.id);
