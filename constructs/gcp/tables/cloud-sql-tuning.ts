/**
 * Database flags tuned from a Cloud SQL tier's memory and vCPUs and from the environment tier. Cloud SQL flags are
 * absolute values (no formulas), so they are computed from the tier's size. Pure (no CDKTF import).
 */
import type { InstanceSize } from '../../common/instance-catalog';
import { tunePostgres } from '../../common/postgres-tuning';
import type { CloudSqlDiskType } from './cloud-sql-choices';
import { flagValueProblem } from './cloud-sql-flag-checks';
import { CLOUD_SQL_FLAGS } from './cloud-sql-flag-table';

export interface CloudSqlTuningInput {
  readonly size: InstanceSize;
  /** Statements slower than this are logged. */
  readonly slowQueryThresholdMs: number;
  readonly diskType: CloudSqlDiskType;
}

/** Cloud SQL's default max_connections for PostgreSQL by memory: [below this many GiB, connections]. */
const POSTGRES_MAX_CONNECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 25],
  [3.75, 50],
  [6, 100],
  [7.5, 200],
  [15, 400],
  [30, 500],
  [60, 600],
  [120, 800],
];
const POSTGRES_MAX_CONNECTIONS_ABOVE = 1000;

/**
 * The max_connections Cloud SQL would pick for this memory. We emit it explicitly so the backends alert and the
 * replica check (a standby needs at least its primary's value) work from the value the server really has.
 */
const SSD_ONLY_SETTINGS = ['random_page_cost', 'effective_io_concurrency'];

/**
 * Cloud SQL accepts effective_cache_size from 10% to 70% of the tier's memory
 * (https://cloud.google.com/sql/docs/postgres/flags, "effective_cache_size"). The shared tuning's 70% sits on that
 * edge, where a rounding difference in Google's own memory figure would make the apply fail: stay at 65%.
 */
export const CLOUD_SQL_EFFECTIVE_CACHE_SHARE = 0.65;

/**
 * Background workers besides parallel query (logical replication, extensions' workers) share max_worker_processes
 * with the parallel workers; PostgreSQL's default of 8 is the pool for them. Raising max_parallel_workers without
 * the pool would let parallel queries starve them, or stay capped at 8 anyway.
 */
const OTHER_BACKGROUND_WORKERS = 8;

export function postgresMaxConnections(memoryGiB: number): number {
  return POSTGRES_MAX_CONNECTIONS.find(([below]) => memoryGiB < below)?.[1] ?? POSTGRES_MAX_CONNECTIONS_ABOVE;
}

/**
 * The shared PostgreSQL tuning (the same table RDS uses), filtered by our Cloud SQL allow-list: a setting added to
 * that table reaches Cloud SQL only once the allow-list has it and accepts its value. Plus what only Cloud SQL needs:
 * an explicit max_connections, a cache estimate inside Google's accepted range, and parallelism from the vCPUs with
 * the worker pool to match.
 */
export function tunePostgresForCloudSql(input: CloudSqlTuningInput): Record<string, string> {
  const flags: Record<string, string> = {};
  const tuned = tunePostgres({ memoryGiB: input.size.memoryGiB, slowQueryThresholdMs: input.slowQueryThresholdMs });
  for (const [name, setting] of Object.entries(tuned)) {
    const value = typeof setting.value === 'boolean' ? (setting.value ? 'on' : 'off') : setting.value;
    const spec = CLOUD_SQL_FLAGS.postgres[name];
    if (spec && !spec.managedBy && !flagValueProblem(spec, value)) flags[name] = value;
  }
  // These tuned values assume SSD; PostgreSQL's defaults suit HDD.
  if (input.diskType !== 'PD_SSD') for (const name of SSD_ONLY_SETTINGS) delete flags[name];
  if (flags.effective_cache_size !== undefined) {
    flags.effective_cache_size = String(Math.floor((input.size.memoryGiB * 1024 ** 3 * CLOUD_SQL_EFFECTIVE_CACHE_SHARE) / 8192));
  }
  flags.max_connections = String(postgresMaxConnections(input.size.memoryGiB));
  flags.max_worker_processes = String(input.size.vcpus + OTHER_BACKGROUND_WORKERS);
  flags.max_parallel_workers = String(input.size.vcpus);
  flags.max_parallel_workers_per_gather = String(Math.min(4, Math.floor(input.size.vcpus / 2)));
  return flags;
}

/** Slow-query log by tier, written to Cloud Logging. Cloud SQL sizes the InnoDB buffer pool from the tier itself. */
export function tuneMySql(input: CloudSqlTuningInput): Record<string, string> {
  return {
    slow_query_log: 'on',
    long_query_time: String(input.slowQueryThresholdMs / 1000),
    log_output: 'FILE',
  };
}

/**
 * Parallelism from the vCPUs (Microsoft's guidance: at most 8), and a cost threshold that keeps small queries
 * serial. Cloud SQL sets max server memory from the tier itself; SQL Server has no slow-query flag (Query Insights).
 */
export function tuneSqlServer(input: CloudSqlTuningInput): Record<string, string> {
  return {
    'max degree of parallelism': String(Math.min(8, input.size.vcpus)),
    'cost threshold for parallelism': '50',
  };
}
