/**
 * The database flags we let through to Cloud SQL, per engine, with their types and ranges. A flag that is not here is
 * refused at synth rather than at apply time; a tuned setting that is not here is not emitted. Pure data (no CDKTF
 * import) so config validation, the plan and the constructs share it.
 *
 * Ranges are PostgreSQL's, MySQL's and SQL Server's own (the PostgreSQL ones are checked against a real server of
 * every Cloud SQL major in test/common/postgres-real-servers.integration.test.ts); where Cloud SQL is known to be narrower the
 * narrower range is used. Ranges that depend on the machine (effective_cache_size 10–70% of memory) are checked
 * against the tier in lib/config/rules/postgres-memory-rules.ts.
 */
import type { CloudSqlEngine } from './cloud-sql-choices';

interface FlagCommon {
  /** The setting that writes this flag; users set that setting instead of the flag. */
  readonly managedBy?: string;
}

export type CloudSqlFlagSpec = FlagCommon &
  (
    | { readonly type: 'boolean' }
    | { readonly type: 'integer' | 'float'; readonly min: number; readonly max: number }
    | { readonly type: 'enum'; readonly values: readonly string[] }
    /** Comma-separated subset of `values`. */
    | { readonly type: 'list'; readonly values: readonly string[] }
    | { readonly type: 'string' }
  );

type FlagList = Readonly<Record<string, CloudSqlFlagSpec>>;

const BOOLEAN = { type: 'boolean' } as const;
const int = (min: number, max: number) => ({ type: 'integer', min, max }) as const;
const float = (min: number, max: number) => ({ type: 'float', min, max }) as const;
const INT32_MAX = 2147483647;

const POSTGRES_FLAGS: FlagList = {
  autovacuum: BOOLEAN,
  autovacuum_analyze_scale_factor: float(0, 100),
  autovacuum_analyze_threshold: int(0, INT32_MAX),
  autovacuum_freeze_max_age: int(100000, 2000000000),
  autovacuum_max_workers: int(1, 262143),
  autovacuum_naptime: int(1, 2147483),
  autovacuum_vacuum_cost_delay: float(-1, 100),
  autovacuum_vacuum_cost_limit: int(-1, 10000),
  autovacuum_vacuum_insert_scale_factor: float(0, 100),
  autovacuum_vacuum_insert_threshold: int(-1, INT32_MAX),
  autovacuum_vacuum_scale_factor: float(0, 100),
  autovacuum_vacuum_threshold: int(0, INT32_MAX),
  autovacuum_work_mem: int(-1, INT32_MAX),
  checkpoint_completion_target: float(0, 1),
  checkpoint_timeout: int(30, 86400),
  deadlock_timeout: int(1, INT32_MAX),
  default_statistics_target: int(1, 10000),
  effective_cache_size: int(1, INT32_MAX),
  effective_io_concurrency: int(0, 1000),
  hash_mem_multiplier: float(1, 1000),
  idle_in_transaction_session_timeout: int(0, INT32_MAX),
  idle_session_timeout: int(0, INT32_MAX),
  jit: BOOLEAN,
  lock_timeout: int(0, INT32_MAX),
  log_autovacuum_min_duration: int(-1, INT32_MAX),
  log_checkpoints: BOOLEAN,
  log_connections: BOOLEAN,
  log_disconnections: BOOLEAN,
  log_lock_waits: BOOLEAN,
  log_min_duration_statement: int(-1, INT32_MAX),
  log_min_error_statement: {
    type: 'enum',
    values: ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'info', 'notice', 'warning', 'error', 'log', 'fatal', 'panic'],
  },
  log_statement: { type: 'enum', values: ['none', 'ddl', 'mod', 'all'] },
  log_temp_files: int(-1, INT32_MAX),
  maintenance_work_mem: int(1024, INT32_MAX),
  // Cloud SQL reserves connections for itself and refuses fewer than 14.
  max_connections: int(14, 262143),
  max_locks_per_transaction: int(10, INT32_MAX),
  max_parallel_maintenance_workers: int(0, 1024),
  max_parallel_workers: int(0, 1024),
  max_parallel_workers_per_gather: int(0, 1024),
  max_prepared_transactions: int(0, 262143),
  max_wal_senders: int(0, 262143),
  max_wal_size: int(2, INT32_MAX),
  max_worker_processes: int(0, 262143),
  min_wal_size: int(2, INT32_MAX),
  // The server's maximum is DBL_MAX, which pg_settings prints (and we compare) as 1.79769e+308.
  random_page_cost: float(0, 1.79769e308),
  statement_timeout: int(0, INT32_MAX),
  temp_file_limit: int(-1, INT32_MAX),
  track_activity_query_size: int(100, 1048576),
  track_io_timing: BOOLEAN,
  work_mem: int(64, INT32_MAX),
  // Cloud SQL's own flags.
  'cloudsql.iam_authentication': { ...BOOLEAN, managedBy: 'iamAuthentication' },
  'cloudsql.enable_pgaudit': { ...BOOLEAN, managedBy: 'auditLogging' },
  'cloudsql.logical_decoding': BOOLEAN,
  'pgaudit.log': { type: 'list', values: ['read', 'write', 'function', 'role', 'ddl', 'misc', 'misc_set', 'all', 'none'] },
  'pgaudit.log_parameter': BOOLEAN,
  'pgaudit.log_relation': BOOLEAN,
  'pg_stat_statements.track': { type: 'enum', values: ['none', 'top', 'all'] },
};

const MYSQL_FLAGS: FlagList = {
  character_set_server: { type: 'string' },
  default_time_zone: { type: 'string' },
  general_log: BOOLEAN,
  innodb_lock_wait_timeout: int(1, 1073741824),
  innodb_print_all_deadlocks: BOOLEAN,
  interactive_timeout: int(1, 31536000),
  lock_wait_timeout: int(1, 31536000),
  log_bin_trust_function_creators: BOOLEAN,
  log_output: { type: 'enum', values: ['FILE', 'TABLE', 'NONE'] },
  log_queries_not_using_indexes: BOOLEAN,
  long_query_time: float(0, 30000000),
  max_allowed_packet: int(16384, 1073741824),
  max_connections: int(1, 100000),
  min_examined_row_limit: int(0, 4294967295),
  slow_query_log: BOOLEAN,
  sql_mode: { type: 'string' },
  transaction_isolation: { type: 'enum', values: ['READ-UNCOMMITTED', 'READ-COMMITTED', 'REPEATABLE-READ', 'SERIALIZABLE'] },
  wait_timeout: int(1, 31536000),
  // Cloud SQL's own flags.
  cloudsql_iam_authentication: { ...BOOLEAN, managedBy: 'iamAuthentication' },
  cloudsql_mysql_audit: { type: 'enum', values: ['ON', 'OFF', 'FORCE', 'FORCE_PLUS_PERMANENT'], managedBy: 'auditLogging' },
};

/** SQL Server's flags are its `sp_configure` options and trace flags, named as Cloud SQL names them. */
const SQL_SERVER_FLAGS: FlagList = {
  '1204': BOOLEAN,
  '1222': BOOLEAN,
  '3625': BOOLEAN,
  'contained database authentication': BOOLEAN,
  'cost threshold for parallelism': int(0, 32767),
  'cross db ownership chaining': BOOLEAN,
  'external scripts enabled': BOOLEAN,
  'fill factor (%)': int(0, 100),
  'max degree of parallelism': int(0, 32767),
  'optimize for ad hoc workloads': BOOLEAN,
  'remote access': BOOLEAN,
  'remote query timeout (s)': int(0, INT32_MAX),
  'user connections': int(0, 32767),
  'user options': int(0, 32767),
};

export const CLOUD_SQL_FLAGS: Readonly<Record<CloudSqlEngine, FlagList>> = {
  postgres: POSTGRES_FLAGS,
  mysql: MYSQL_FLAGS,
  sqlserver: SQL_SERVER_FLAGS,
};
