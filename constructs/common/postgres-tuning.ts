/**
 * PostgreSQL settings derived from the instance memory and the tier. Each setting has an absolute value (for
 * Cloud SQL flags, computed from the tier's memory) and, where RDS allows it, a formula of the instance memory so
 * the tuning survives a class change (`{DBInstanceClassMemory*3/32768}`).
 */

export interface TuningInput {
  readonly memoryGiB: number;
  readonly slowQueryThresholdMs: number;
}

export interface TunedSetting {
  /** Value in the setting's own unit (what `postgres --describe-config` reports); booleans are rendered per cloud. */
  readonly value: string | boolean;
  /** RDS parameter-group formula, when the value depends on the instance memory. */
  readonly rdsFormula?: string;
  readonly why: string;
}

const BYTES_PER_GIB = 1024 ** 3;
const MAINTENANCE_WORK_MEM_CAP_KB = 2 * 1024 * 1024;

export function tunePostgres(input: TuningInput): Record<string, TunedSetting> {
  const memoryBytes = input.memoryGiB * BYTES_PER_GIB;
  const pages = (fraction: number) => String(Math.floor((memoryBytes * fraction) / 8192));
  return {
    shared_buffers: {
      value: pages(0.25),
      // DBInstanceClassMemory is in bytes; shared_buffers in 8 kB pages: bytes / 8192 / 4.
      rdsFormula: '{DBInstanceClassMemory/32768}',
      why: '25% of memory for the buffer cache',
    },
    effective_cache_size: {
      // 70%, not the textbook 75%, leaving room for the connections' work memory. Cloud SQL, which accepts at most
      // 70%, gets 65% instead (cloud-sql-tuning.ts).
      value: pages(0.7),
      rdsFormula: '{DBInstanceClassMemory*7/81920}',
      why: 'the planner assumes 70% of memory caches data (shared buffers plus OS cache)',
    },
    maintenance_work_mem: {
      value: String(Math.min(Math.floor(memoryBytes / 16 / 1024), MAINTENANCE_WORK_MEM_CAP_KB)),
      rdsFormula: `LEAST({DBInstanceClassMemory/16384},${MAINTENANCE_WORK_MEM_CAP_KB})`,
      why: 'faster vacuum and index builds: 1/16 of memory, at most 2 GB',
    },
    random_page_cost: { value: '1.1', why: 'SSD storage: random reads cost little more than sequential' },
    log_min_duration_statement: {
      value: String(input.slowQueryThresholdMs),
      why: 'log slow statements (threshold by tier)',
    },
    log_lock_waits: { value: true, why: 'log waits longer than deadlock_timeout' },
    // Cloud SQL gets only the settings its flag allow-list admits (constructs/gcp/tables/cloud-sql-flag-table.ts).
    effective_io_concurrency: { value: '200', why: 'SSD storage serves many concurrent reads (bitmap heap scans prefetch)' },
    idle_in_transaction_session_timeout: {
      value: '600000',
      why: 'end sessions idle inside a transaction for 10 minutes: they hold locks and stop vacuum',
    },
    tcp_keepalives_idle: { value: '300', why: 'notice dead client connections after 5 minutes instead of hours' },
    autovacuum_vacuum_scale_factor: { value: '0.05', why: 'vacuum large tables after 5% of rows change, not 20%' },
    autovacuum_vacuum_insert_scale_factor: { value: '0.05', why: 'vacuum (and freeze) insert-mostly large tables sooner' },
    autovacuum_analyze_scale_factor: { value: '0.02', why: 'keep planner statistics of large tables fresh' },
    log_autovacuum_min_duration: { value: '10000', why: 'log autovacuum runs longer than 10 s' },
    log_temp_files: { value: '65536', why: 'log queries spilling more than 64 MB to disk (work_mem too small)' },
  };
}
