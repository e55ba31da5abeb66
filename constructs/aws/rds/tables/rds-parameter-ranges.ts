/**
 * Value rules of the MySQL, MariaDB, SQL Server and Oracle parameters users commonly override, so a value of the wrong
 * type or out of range is refused at synth rather than by RDS at deploy time. (PostgreSQL's come from the servers
 * themselves: constructs/common/postgres-settings-catalog.ts.) A parameter not listed here has its name checked
 * (rds-parameter-names.ts) but its value left to RDS.
 *
 * Sources (the engines' own limits, which RDS's AllowedValues follow; RDS may be narrower, never wider):
 * - MariaDB: a real MariaDB 10.11 server (Debian 12's mariadb-server-core), whose
 *   `information_schema.SYSTEM_VARIABLES` (NUMERIC_MIN_VALUE, NUMERIC_MAX_VALUE, ENUM_VALUE_LIST, VARIABLE_TYPE) each
 *   MariaDB row below must equal: test/aws/mysql-family-real-server.integration.test.ts, which also boots that server with every
 *   MySQL-family setting we emit. The other MariaDB majors we support (10.6, 11.4, 11.8) are not checked against a
 *   server; where the MariaDB Server docs (https://mariadb.com/kb/en/server-system-variables/) name a change by
 *   version, the row says so.
 * - MySQL: no MySQL server is installable here (Debian ships none), so MySQL rows come from the MySQL 8.0/8.4
 *   Reference Manual, "Server System Variables" and "InnoDB Startup Options and System Variables"
 *   (https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html,
 *   https://dev.mysql.com/doc/refman/8.4/en/innodb-parameters.html). NOT re-verified in this change except where a row
 *   says so: they are the values written earlier from that manual, kept where the MariaDB server agrees (the shared
 *   rows) and split out where MariaDB differs.
 * - SQL Server: "Server configuration options" (https://learn.microsoft.com/sql/database-engine/configure-windows/server-configuration-options-sql-server),
 *   the minimum/maximum of `sys.configurations`.
 * - Oracle: Oracle Database 19c Reference, "Initialization Parameters" (https://docs.oracle.com/en/database/oracle/oracle-database/19/refrn/).
 */
import { compareMajors } from './rds-parameter-names';

export type ParameterRange =
  | { readonly type: 'integer' | 'number'; readonly min: number; readonly max: number; readonly unit?: string }
  /** One value of `values`; `valuesSince` names values only a later major accepts (value -> first major). */
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly caseInsensitive?: boolean; readonly valuesSince?: Readonly<Record<string, string>> }
  /** A comma-separated list of one or more of `values` (a MySQL SET variable, e.g. log_output=FILE,TABLE). */
  | { readonly type: 'set'; readonly values: readonly string[] };

const int = (min: number, max: number, unit?: string): ParameterRange => ({ type: 'integer', min, max, unit });
const num = (min: number, max: number, unit?: string): ParameterRange => ({ type: 'number', min, max, unit });
const oneOf = (values: string, caseInsensitive = true): ParameterRange => ({ type: 'enum', values: values.split(' '), caseInsensitive });
const setOf = (values: string): ParameterRange => ({ type: 'set', values: values.split(' ') });
/** RDS parameter groups take MySQL-family and SQL Server booleans as 0/1. */
const BOOLEAN_01 = int(0, 1);
const UINT32_MAX = 4294967295;
const INT32_MAX = 2147483647;
/** Where an engine's limit is 2^64-1 we stop at the largest integer JavaScript holds exactly. */
const UINT64_MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The values an enum range accepts at this major (values introduced later are left out before their major). */
export function enumValuesAt(range: Extract<ParameterRange, { type: 'enum' }>, major: string): readonly string[] {
  return range.values.filter((value) => !range.valuesSince?.[value] || compareMajors(major, range.valuesSince[value]) >= 0);
}

/**
 * Rows on which MySQL (manual) and MariaDB (10.11 server) agree. A row whose MariaDB bound differs from MySQL's lives
 * in the family tables below instead, each side with its own source.
 */
const MYSQL_AND_MARIADB: Record<string, ParameterRange> = {
  autocommit: BOOLEAN_01,
  // MySQL: 4096..18446744073709547520 (block 4096); MariaDB server: 4096..18446744073709551615.
  binlog_cache_size: int(4096, UINT64_MAX_SAFE, 'bytes'),
  binlog_format: oneOf('ROW STATEMENT MIXED'),
  connect_timeout: int(2, 31536000, 'seconds'),
  general_log: BOOLEAN_01,
  innodb_deadlock_detect: BOOLEAN_01,
  innodb_file_per_table: BOOLEAN_01,
  innodb_print_all_deadlocks: BOOLEAN_01,
  innodb_strict_mode: BOOLEAN_01,
  interactive_timeout: int(1, 31536000, 'seconds'),
  local_infile: BOOLEAN_01,
  log_bin_trust_function_creators: BOOLEAN_01,
  // A SET in both engines: FILE,TABLE logs to both (MariaDB server: VARIABLE_TYPE SET; MySQL manual: "one or more").
  log_output: setOf('FILE TABLE NONE'),
  log_queries_not_using_indexes: BOOLEAN_01,
  long_query_time: num(0, 31536000, 'seconds'),
  max_allowed_packet: int(1024, 1073741824, 'bytes'),
  net_read_timeout: int(1, 31536000, 'seconds'),
  net_write_timeout: int(1, 31536000, 'seconds'),
  read_only: BOOLEAN_01,
  slow_query_log: BOOLEAN_01,
  sync_binlog: int(0, UINT32_MAX),
  thread_cache_size: int(0, 16384),
  transaction_isolation: oneOf('READ-UNCOMMITTED READ-COMMITTED REPEATABLE-READ SERIALIZABLE'),
  wait_timeout: int(1, 31536000, 'seconds'),
  // require_secure_transport has no row: the servers take 0/1/ON/OFF, we emit 1 for RDS and ON for Aurora MySQL, and
  // which spellings RDS's AllowedValues accept for each could not be checked here (no RDS API at synth).
};

/** MySQL 8.0/8.4 rows (Reference Manual, see the header). */
const MYSQL: Record<string, ParameterRange> = {
  binlog_row_image: oneOf('FULL MINIMAL NOBLOB'),
  group_concat_max_len: int(4, UINT64_MAX_SAFE, 'bytes'),
  // MySQL takes 0, 1 or 2 (MariaDB adds 3).
  innodb_flush_log_at_trx_commit: int(0, 2),
  innodb_io_capacity: int(100, UINT64_MAX_SAFE),
  innodb_io_capacity_max: int(100, UINT64_MAX_SAFE),
  // MySQL 5.5 manual excerpt found through the search tool: "Min Value 1, Max Value 1073741824"; unchanged since.
  innodb_lock_wait_timeout: int(1, 1073741824, 'seconds'),
  lock_wait_timeout: int(1, 31536000, 'seconds'),
  max_connect_errors: int(1, UINT64_MAX_SAFE),
  max_connections: int(1, 100000),
  max_user_connections: int(0, UINT32_MAX),
  table_open_cache: int(1, 524288),
};

/** MariaDB rows: each is what the MariaDB 10.11 server reports (information_schema.SYSTEM_VARIABLES). */
const MARIADB: Record<string, ParameterRange> = {
  // FULL_NODUP came with MDEV-32589 (MariaDB/server commit a119c5f998); the 10.11 server and the 10.6 docs lack it.
  // Its first release is taken as 11.4 (the first LTS after that commit): NOT verified against an 11.4 server.
  binlog_row_image: { type: 'enum', values: ['FULL', 'MINIMAL', 'NOBLOB', 'FULL_NODUP'], caseInsensitive: true, valuesSince: { FULL_NODUP: '11.4' } },
  // 1 GiB, not MySQL's 2^64-1.
  group_concat_max_len: int(4, 1073741824, 'bytes'),
  // 3 is MariaDB's own: write at commit, flush without fsync.
  innodb_flush_log_at_trx_commit: int(0, 3),
  innodb_io_capacity: int(100, UINT32_MAX),
  innodb_io_capacity_max: int(100, UINT32_MAX),
  // 0..100000000 (100000000 means no timeout), not MySQL's 1..1073741824.
  innodb_lock_wait_timeout: int(0, 100000000, 'seconds'),
  lock_wait_timeout: int(0, 31536000, 'seconds'),
  max_connect_errors: int(1, UINT32_MAX),
  max_connections: int(10, 100000),
  // A signed INT in MariaDB: -1..2147483647.
  max_user_connections: int(-1, INT32_MAX),
  table_open_cache: int(10, 1048576),
  // The 10.x name of transaction_isolation (transaction_isolation became a system variable in 11.1).
  tx_isolation: oneOf('READ-UNCOMMITTED READ-COMMITTED REPEATABLE-READ SERIALIZABLE'),
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
  mysql: { ...MYSQL_AND_MARIADB, ...MYSQL },
  mariadb: { ...MYSQL_AND_MARIADB, ...MARIADB },
  sqlserver: SQLSERVER,
  oracle: ORACLE,
};
