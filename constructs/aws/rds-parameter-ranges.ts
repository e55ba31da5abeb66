/**
 * Value rules of the MySQL, MariaDB, SQL Server and Oracle parameters users commonly override, so a value of the wrong
 * type or out of range is refused at synth rather than by RDS at deploy time. (PostgreSQL's come from the servers
 * themselves: constructs/common/postgres-settings-catalog.ts.) A parameter not listed here has its name checked
 * (rds-parameter-names.ts) but its value left to RDS.
 *
 * Sources (the engines' documented limits, which RDS's AllowedValues follow; RDS may be narrower, never wider):
 * - MySQL: MySQL 8.0/8.4 Reference Manual, "Server System Variables" and "InnoDB Startup Options and System
 *   Variables" (https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html,
 *   https://dev.mysql.com/doc/refman/8.4/en/innodb-parameters.html).
 * - MariaDB: MariaDB Server docs, "Server System Variables" and "InnoDB System Variables"
 *   (https://mariadb.com/kb/en/server-system-variables/, https://mariadb.com/kb/en/innodb-system-variables/).
 * - SQL Server: "Server configuration options" (https://learn.microsoft.com/sql/database-engine/configure-windows/server-configuration-options-sql-server),
 *   the minimum/maximum of `sys.configurations`.
 * - Oracle: Oracle Database 19c Reference, "Initialization Parameters" (https://docs.oracle.com/en/database/oracle/oracle-database/19/refrn/).
 */

export type ParameterRange =
  | { readonly type: 'integer' | 'number'; readonly min: number; readonly max: number; readonly unit?: string }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly caseInsensitive?: boolean };

const int = (min: number, max: number, unit?: string): ParameterRange => ({ type: 'integer', min, max, unit });
const num = (min: number, max: number, unit?: string): ParameterRange => ({ type: 'number', min, max, unit });
const oneOf = (values: string, caseInsensitive = true): ParameterRange => ({ type: 'enum', values: values.split(' '), caseInsensitive });
/** RDS parameter groups take MySQL-family and SQL Server booleans as 0/1. */
const BOOLEAN_01 = int(0, 1);
const UINT32_MAX = 4294967295;
const INT32_MAX = 2147483647;
const UINT64_MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Shared by MySQL and MariaDB (same InnoDB and server variables; their ranges agree for these). */
const MYSQL_AND_MARIADB: Record<string, ParameterRange> = {
  autocommit: BOOLEAN_01,
  binlog_cache_size: int(4096, UINT64_MAX_SAFE, 'bytes'),
  binlog_format: oneOf('ROW STATEMENT MIXED'),
  connect_timeout: int(2, 31536000, 'seconds'),
  general_log: BOOLEAN_01,
  group_concat_max_len: int(4, UINT64_MAX_SAFE, 'bytes'),
  innodb_deadlock_detect: BOOLEAN_01,
  innodb_file_per_table: BOOLEAN_01,
  innodb_flush_log_at_trx_commit: int(0, 2),
  innodb_io_capacity: int(100, UINT64_MAX_SAFE),
  innodb_lock_wait_timeout: int(1, 1073741824, 'seconds'),
  innodb_print_all_deadlocks: BOOLEAN_01,
  innodb_strict_mode: BOOLEAN_01,
  interactive_timeout: int(1, 31536000, 'seconds'),
  local_infile: BOOLEAN_01,
  lock_wait_timeout: int(1, 31536000, 'seconds'),
  log_bin_trust_function_creators: BOOLEAN_01,
  log_output: oneOf('FILE TABLE NONE'),
  log_queries_not_using_indexes: BOOLEAN_01,
  long_query_time: num(0, 31536000, 'seconds'),
  max_allowed_packet: int(1024, 1073741824, 'bytes'),
  max_connect_errors: int(1, UINT64_MAX_SAFE),
  max_user_connections: int(0, UINT32_MAX),
  net_read_timeout: int(1, 31536000, 'seconds'),
  net_write_timeout: int(1, 31536000, 'seconds'),
  read_only: BOOLEAN_01,
  slow_query_log: BOOLEAN_01,
  sync_binlog: int(0, UINT32_MAX),
  thread_cache_size: int(0, 16384),
  transaction_isolation: oneOf('READ-UNCOMMITTED READ-COMMITTED REPEATABLE-READ SERIALIZABLE'),
  wait_timeout: int(1, 31536000, 'seconds'),
};

const SQLSERVER: Record<string, ParameterRange> = {
  'blocked process threshold (s)': int(0, 86400, 'seconds'),
  'clr enabled': BOOLEAN_01,
  'contained database authentication': BOOLEAN_01,
  'cost threshold for parallelism': int(0, 32767),
  'cursor threshold': int(-1, INT32_MAX),
  'fill factor (%)': int(0, 100, 'percent'),
  'index create memory (kb)': int(704, INT32_MAX, 'kB'),
  'max degree of parallelism': int(0, 32767),
  'max server memory (mb)': int(128, INT32_MAX, 'MB'),
  'max worker threads': int(128, 65535),
  'min memory per query (kb)': int(512, INT32_MAX, 'kB'),
  'min server memory (mb)': int(0, INT32_MAX, 'MB'),
  'network packet size (b)': int(512, 32767, 'bytes'),
  'optimize for ad hoc workloads': BOOLEAN_01,
  'query wait (s)': int(-1, INT32_MAX, 'seconds'),
  'recovery interval (min)': int(0, 32767, 'minutes'),
  'remote query timeout (s)': int(0, INT32_MAX, 'seconds'),
  'two digit year cutoff': int(1753, 9999),
  'user connections': int(0, 32767),
  'user options': int(0, 32767),
};

const ORACLE: Record<string, ParameterRange> = {
  cursor_sharing: oneOf('EXACT FORCE'),
  job_queue_processes: int(0, 4000),
  open_cursors: int(0, 65535),
  optimizer_index_cost_adj: int(1, 10000, 'percent'),
  optimizer_mode: oneOf('ALL_ROWS FIRST_ROWS FIRST_ROWS_1 FIRST_ROWS_10 FIRST_ROWS_100 FIRST_ROWS_1000'),
  parallel_max_servers: int(0, 3600),
  result_cache_mode: oneOf('MANUAL FORCE'),
  statistics_level: oneOf('BASIC TYPICAL ALL'),
  undo_retention: int(0, UINT32_MAX, 'seconds'),
};

/** Value rules by engine family (the `parameterFamily` of an engine row), except PostgreSQL. */
export const RDS_PARAMETER_RANGES: Readonly<Record<'mysql' | 'mariadb' | 'sqlserver' | 'oracle', Readonly<Record<string, ParameterRange>>>> = {
  mysql: {
    ...MYSQL_AND_MARIADB,
    binlog_row_image: oneOf('FULL MINIMAL NOBLOB'),
    max_connections: int(1, 100000),
    table_open_cache: int(1, 524288),
  },
  mariadb: {
    ...MYSQL_AND_MARIADB,
    binlog_row_image: oneOf('FULL MINIMAL NOBLOB FULL_NODUP'),
    max_connections: int(10, 100000),
    table_open_cache: int(1, 1048576),
  },
  sqlserver: SQLSERVER,
  oracle: ORACLE,
};
