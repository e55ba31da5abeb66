/**
 * Parameter-group tuning per engine family, from the instance memory and the tier. Values that depend on the memory
 * are RDS formulas of `DBInstanceClassMemory` (bytes), so the tuning survives a class change; the plan still states
 * the computed numbers (alarms need them). TLS and audit live in the engine table, user overrides win over all.
 */
import { tunePostgres } from '../../../common/postgres-tuning';

export interface RdsTuningInput {
  readonly memoryGiB: number;
  readonly vcpus: number;
  /** Statements slower than this are logged (by tier). */
  readonly slowQueryThresholdMs: number;
}

export interface RdsTunedParameter {
  readonly value: string;
  readonly why: string;
}

export type RdsTuning = (input: RdsTuningInput) => Record<string, RdsTunedParameter>;

/** RDS parameter groups take booleans as 1/0. */
const rdsValue = (value: string | boolean) => (typeof value === 'boolean' ? (value ? '1' : '0') : value);

const postgres: RdsTuning = (input) =>
  Object.fromEntries(
    Object.entries(tunePostgres(input)).map(([name, setting]) => [name, { value: setting.rdsFormula ?? rdsValue(setting.value), why: setting.why }]),
  );

/** MySQL and MariaDB share InnoDB and their logging parameters. */
const mysql: RdsTuning = (input) => ({
  innodb_buffer_pool_size: { value: '{DBInstanceClassMemory*3/4}', why: '75% of memory for the InnoDB buffer pool' },
  innodb_io_capacity: { value: '2000', why: 'gp3 SSD (≥ 3000 IOPS): flush faster than the spinning-disk default of 200' },
  innodb_io_capacity_max: { value: '4000', why: 'room for bursts of flushing on SSD' },
  innodb_print_all_deadlocks: { value: '1', why: 'write every deadlock to the error log, which is exported' },
  slow_query_log: { value: '1', why: 'log slow statements (threshold by tier)' },
  long_query_time: { value: String(input.slowQueryThresholdMs / 1000), why: 'slow-statement threshold in seconds, by tier' },
  log_output: { value: 'FILE', why: 'log files are what RDS exports to CloudWatch Logs' },
  wait_timeout: { value: '3600', why: 'close connections idle for an hour (default 8 hours)' },
  interactive_timeout: { value: '3600', why: 'the same for interactive clients' },
});

const sqlserver: RdsTuning = (input) => ({
  // DBInstanceClassMemory bytes * 7/8 / 1 MiB: leave an eighth of memory to the operating system.
  'max server memory (mb)': { value: '{DBInstanceClassMemory*7/8388608}', why: '7/8 of memory for SQL Server, the rest for the OS' },
  'max degree of parallelism': { value: String(Math.min(8, input.vcpus)), why: 'at most 8 parallel workers per query (Microsoft guidance)' },
  'cost threshold for parallelism': { value: '50', why: 'only expensive queries go parallel (default 5 is too low)' },
  'optimize for ad hoc workloads': { value: '1', why: 'cache single-use plans as stubs to save plan-cache memory' },
});

/** RDS sizes Oracle's SGA and PGA from the class memory by default (formulas), so memory is left to it. */
const oracle: RdsTuning = () => ({
  open_cursors: { value: '1000', why: 'room for applications that keep many cursors open' },
  'sqlnetora.sqlnet.expire_time': { value: '10', why: 'detect dead client connections after 10 minutes' },
});

/** Tuning by engine family (the `parameterFamily` of an engine row). */
export const RDS_TUNING = { postgres, mysql, mariadb: mysql, sqlserver, oracle } as const;
