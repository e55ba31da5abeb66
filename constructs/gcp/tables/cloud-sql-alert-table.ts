/**
 * Cloud SQL alerts as rows of a table: the common rows (constructs/common/alarm-catalog.ts, cpu and storage) turned
 * into Cloud SQL signals, plus rows only Cloud SQL has (memory, up, instance state, replica lag, PostgreSQL backends
 * and transaction ids) and the warning levels the common catalog does not carry. Pure data (no CDKTF import).
 */
import { AlarmRow, AlarmSeverity, DATABASE_ALARMS } from '../../common/alarm-catalog';
import type { CloudSqlAlert } from './cloud-sql-alert';
import type { CloudSqlEngine } from './cloud-sql-choices';

export type CloudSqlSignal = 'cpu' | 'memory' | 'disk' | 'up' | 'failed' | 'replica-lag' | 'backends' | 'transaction-ids';

export interface CloudSqlAlertRow {
  readonly id: string;
  readonly signal: CloudSqlSignal;
  readonly severity: AlarmSeverity;
  /**
   * In the signal's unit: a fraction for cpu, memory, disk and transaction ids; a fraction of max_connections for
   * backends; seconds for replica lag; unused for up and failed.
   */
  readonly threshold: number;
  readonly durationSeconds: number;
  /** Which instances get the alert. */
  readonly on: 'every-instance' | 'primary' | 'replica';
  /** Engines the metric exists for; every engine when undefined. */
  readonly engines?: readonly CloudSqlEngine[];
  /** What the on-call engineer should check first. */
  readonly runbook: string;
}

type SignalMetric = Pick<CloudSqlAlert, 'metricType' | 'metricLabels' | 'comparison' | 'aligner' | 'alignmentSeconds' | 'sumAcrossSeries'> & {
  /** Display text of the condition, from the row's threshold (already converted for backends). */
  readonly describe: (threshold: number) => string;
};

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const METRIC = 'cloudsql.googleapis.com/database';

export const CLOUD_SQL_SIGNALS: Readonly<Record<CloudSqlSignal, SignalMetric>> = {
  cpu: { metricType: `${METRIC}/cpu/utilization`, comparison: 'COMPARISON_GT', describe: (t) => `CPU above ${percent(t)}` },
  memory: { metricType: `${METRIC}/memory/utilization`, comparison: 'COMPARISON_GT', describe: (t) => `memory above ${percent(t)}` },
  disk: { metricType: `${METRIC}/disk/utilization`, comparison: 'COMPARISON_GT', describe: (t) => `disk more than ${percent(t)} full` },
  // 1 while the server answers; the minimum over each minute catches any minute it did not.
  up: { metricType: `${METRIC}/up`, comparison: 'COMPARISON_LT', aligner: 'ALIGN_MIN', alignmentSeconds: 60, describe: () => 'database server down' },
  // One boolean series per state; only the current state's is true.
  failed: {
    metricType: `${METRIC}/instance_state`,
    metricLabels: { state: 'FAILED' },
    comparison: 'COMPARISON_GT',
    aligner: 'ALIGN_FRACTION_TRUE',
    alignmentSeconds: 60,
    describe: () => 'instance in state FAILED',
  },
  'replica-lag': {
    metricType: `${METRIC}/replication/replica_lag`,
    comparison: 'COMPARISON_GT',
    aligner: 'ALIGN_MAX',
    alignmentSeconds: 60,
    describe: (t) => `replica more than ${t} s behind`,
  },
  // One series per database: summed to compare with the instance's max_connections.
  backends: {
    metricType: `${METRIC}/postgresql/num_backends`,
    comparison: 'COMPARISON_GT',
    sumAcrossSeries: true,
    describe: (t) => `more than ${t} backends`,
  },
  'transaction-ids': {
    metricType: `${METRIC}/postgresql/transaction_id_utilization`,
    comparison: 'COMPARISON_GT',
    aligner: 'ALIGN_MAX',
    describe: (t) => `${percent(t)} of transaction ids used`,
  },
};

/** Common rows in Cloud SQL terms; a common signal Cloud SQL has no metric for is left out. */
const FROM_COMMON: Readonly<Record<string, (thresholdPercent: number) => Pick<CloudSqlAlertRow, 'signal' | 'threshold'>>> = {
  'cpu-utilization': (busy) => ({ signal: 'cpu', threshold: busy / 100 }),
  'storage-free': (free) => ({ signal: 'disk', threshold: (100 - free) / 100 }),
};

const MEMORY_RUNBOOK =
  'Check the number of connections and the memory-hungry queries in Query Insights (sorts and hashes; work_mem on ' +
  'PostgreSQL); move to a tier with more memory if the working set has grown.';
const LAG_RUNBOOK =
  "Check the primary's write rate and long transactions on the replica (PostgreSQL: queries that conflict with " +
  'recovery); a replica with a smaller tier or a slower disk than its primary may not keep up.';
const TRANSACTION_ID_RUNBOOK =
  'Autovacuum is not freezing old rows fast enough: look for long-running transactions, abandoned replication ' +
  'slots and prepared transactions first, then VACUUM (FREEZE) the oldest tables. PostgreSQL stops writes near 100%.';

/** Rows only Cloud SQL has, and the warning levels of cpu and storage. */
const CLOUD_SQL_ONLY_ROWS: readonly CloudSqlAlertRow[] = [
  {
    id: 'cpu-warning',
    signal: 'cpu',
    severity: 'warning',
    threshold: 0.75,
    durationSeconds: 900,
    on: 'every-instance',
    runbook: 'Open Query Insights for the queries using the most CPU; check for a new release or a missing index before resizing the tier.',
  },
  {
    id: 'storage-warning',
    signal: 'disk',
    severity: 'warning',
    threshold: 0.7,
    durationSeconds: 300,
    on: 'every-instance',
    runbook:
      'Check what grows (tables, indexes, temporary files, transaction or binary logs). The disk grows automatically up to its limit: raise the limit or clean up before it is reached.',
  },
  { id: 'memory-warning', signal: 'memory', severity: 'warning', threshold: 0.8, durationSeconds: 900, on: 'every-instance', runbook: MEMORY_RUNBOOK },
  { id: 'memory-critical', signal: 'memory', severity: 'critical', threshold: 0.9, durationSeconds: 900, on: 'every-instance', runbook: MEMORY_RUNBOOK },
  {
    id: 'server-down',
    signal: 'up',
    severity: 'critical',
    threshold: 1,
    durationSeconds: 300,
    on: 'every-instance',
    runbook:
      "Check the instance's operations and logs in the console (maintenance, failover, out-of-memory restart). A REGIONAL instance fails over to its standby on its own within minutes.",
  },
  {
    id: 'instance-failed',
    signal: 'failed',
    severity: 'critical',
    threshold: 0,
    durationSeconds: 60,
    on: 'every-instance',
    runbook:
      "Check the instance's operations log for the operation that failed. A disabled or revoked key version stops a CMEK instance: check the key and the Cloud SQL service agent's grant on it first.",
  },
  { id: 'replica-lag-warning', signal: 'replica-lag', severity: 'warning', threshold: 30, durationSeconds: 300, on: 'replica', runbook: LAG_RUNBOOK },
  { id: 'replica-lag-critical', signal: 'replica-lag', severity: 'critical', threshold: 300, durationSeconds: 300, on: 'replica', runbook: LAG_RUNBOOK },
  {
    id: 'backends-high',
    signal: 'backends',
    severity: 'critical',
    threshold: 0.9,
    durationSeconds: 300,
    on: 'every-instance',
    engines: ['postgres'],
    runbook: 'Look for connection leaks and sessions idle in transaction (pg_stat_activity); put a connection pooler in front before raising max_connections.',
  },
  // Autovacuum normally keeps this near 10% (autovacuum_freeze_max_age 200 million of about 2 billion).
  {
    id: 'transaction-ids-warning',
    signal: 'transaction-ids',
    severity: 'warning',
    threshold: 0.5,
    durationSeconds: 900,
    on: 'primary',
    engines: ['postgres'],
    runbook: TRANSACTION_ID_RUNBOOK,
  },
  {
    id: 'transaction-ids-critical',
    signal: 'transaction-ids',
    severity: 'critical',
    threshold: 0.75,
    durationSeconds: 900,
    on: 'primary',
    engines: ['postgres'],
    runbook: TRANSACTION_ID_RUNBOOK,
  },
];

function fromCommon(row: AlarmRow): CloudSqlAlertRow | undefined {
  const convert = FROM_COMMON[row.signal];
  if (!convert) return undefined;
  return {
    id: row.id,
    severity: row.severity,
    durationSeconds: row.periodSeconds * row.evaluationPeriods,
    on: 'every-instance',
    runbook: row.runbook,
    ...convert(row.thresholdPercent),
  };
}

/**
 * Every Cloud SQL alert row: the common rows first, then ours for any (signal, severity) the common catalog does not
 * cover, so a warning row added to the common catalog later replaces ours instead of doubling it.
 */
export function cloudSqlAlertRows(): CloudSqlAlertRow[] {
  const common = DATABASE_ALARMS.flatMap((row) => fromCommon(row) ?? []);
  const covered = new Set(common.map((row) => `${row.signal}/${row.severity}`));
  return [...common, ...CLOUD_SQL_ONLY_ROWS.filter((row) => !covered.has(`${row.signal}/${row.severity}`))];
}
