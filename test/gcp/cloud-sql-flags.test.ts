/** The per-engine flag allow-list, the flag checks and the tuning that feeds them. */
import { CLOUD_SQL_ENGINE_TABLE } from '../../constructs/gcp/tables/cloud-sql-engine-table';
import { cloudSqlFlagProblem, flagValueProblem } from '../../constructs/gcp/tables/cloud-sql-flag-checks';
import { CLOUD_SQL_FLAGS } from '../../constructs/gcp/tables/cloud-sql-flag-table';
import { CloudSqlMachineTier, parseCloudSqlTier } from '../../constructs/gcp/tables/cloud-sql-tiers';
import { postgresMaxConnections, tuneMySql, tunePostgresForCloudSql, tuneSqlServer } from '../../constructs/gcp/tables/cloud-sql-tuning';
import type { InstanceSize } from '../../constructs/common/instance-catalog';
import { primaryFlags, replicaFlags } from '../../lib/kinds/cloudsql-instance/cloud-sql-flags';

const size = (tier: string): InstanceSize => (parseCloudSqlTier(tier) as CloudSqlMachineTier).size;
/** Tiers across the range: shared-core, small and large custom, performance-optimized. */
const TIERS = [
  'db-f1-micro',
  'db-g1-small',
  'db-custom-1-3840',
  'db-custom-2-7680',
  'db-custom-4-16384',
  'db-custom-16-61440',
  'db-custom-96-638976',
  'db-perf-optimized-N-8',
  'db-perf-optimized-N-128',
];

describe('flag value checks', () => {
  test.each([
    [{ type: 'boolean' } as const, 'on', undefined],
    [{ type: 'boolean' } as const, 'true', "must be 'on' or 'off'"],
    [{ type: 'integer', min: 1, max: 10 } as const, '10', undefined],
    [{ type: 'integer', min: 1, max: 10 } as const, '11', 'must be an integer from 1 to 10'],
    [{ type: 'integer', min: 1, max: 10 } as const, '2kB', 'must be an integer from 1 to 10'],
    [{ type: 'float', min: 0, max: 1 } as const, '0.25', undefined],
    [{ type: 'float', min: 0, max: 1 } as const, '1e-1', undefined],
    [{ type: 'float', min: 0, max: 1 } as const, 'NaN', 'must be a number from 0 to 1'],
    [{ type: 'enum', values: ['FILE', 'TABLE'] } as const, 'file', 'must be one of FILE, TABLE'],
    [{ type: 'list', values: ['ddl', 'role'] } as const, 'ddl, role', undefined],
    [{ type: 'string' } as const, 'anything', undefined],
  ])('%j accepts %s: %s', (spec, value, problem) => {
    expect(flagValueProblem(spec, value)).toBe(problem);
  });

  test('a flag name that is an Object property is unknown, not a crash', () => {
    expect(cloudSqlFlagProblem('postgres', 'PostgreSQL', 'constructor', '1')?.message).toMatch(/^is not a Cloud SQL PostgreSQL flag we accept/);
  });
});

describe('the allow-list of each engine', () => {
  test('managed flags are the ones the IAM and audit settings write', () => {
    for (const row of Object.values(CLOUD_SQL_ENGINE_TABLE)) {
      const managed = Object.entries(CLOUD_SQL_FLAGS[row.engine])
        .filter(([, spec]) => spec.managedBy)
        .map(([name]) => name)
        .sort();
      const written = [row.iamAuthenticationFlag, ...Object.keys(row.audit === 'bucket' ? {} : row.audit.flags)]
        .filter((name): name is string => name !== undefined && CLOUD_SQL_FLAGS[row.engine][name]?.managedBy !== undefined)
        .sort();
      expect({ engine: row.engine, managed }).toEqual({ engine: row.engine, managed: written });
    }
  });

  test('the audit flags we write are valid values of their flags', () => {
    for (const row of Object.values(CLOUD_SQL_ENGINE_TABLE)) {
      if (row.audit === 'bucket') continue;
      for (const [name, value] of Object.entries(row.audit.flags))
        expect({ name, problem: flagValueProblem(CLOUD_SQL_FLAGS[row.engine][name], value) }).toEqual({ name, problem: undefined });
    }
  });
});

describe('tuned flags', () => {
  test.each(Object.values(CLOUD_SQL_ENGINE_TABLE).flatMap((row) => TIERS.map((tier) => [row.engine, tier] as const)))(
    '%s on %s: every tuned flag is on the allow-list and within its range',
    (engine, tier) => {
      const row = CLOUD_SQL_ENGINE_TABLE[engine];
      for (const [name, value] of Object.entries(row.tune({ size: size(tier), slowQueryThresholdMs: 1000, diskType: 'PD_SSD' }))) {
        expect({ name, problem: cloudSqlFlagProblem(engine, row.displayName, name, value) }).toEqual({ name, problem: undefined });
      }
    },
  );

  test('PostgreSQL: the shared tuning filtered by the allow-list (shared_buffers is not a flag we set), sized from the tier', () => {
    const flags = tunePostgresForCloudSql({ size: size('db-custom-4-16384'), slowQueryThresholdMs: 500, diskType: 'PD_SSD' });
    expect(flags).toEqual({
      // 65% of memory: inside the 10–70% Cloud SQL accepts, not on its edge.
      effective_cache_size: String(Math.floor((16 * 1024 ** 3 * 0.65) / 8192)),
      maintenance_work_mem: String((16 * 1024 * 1024) / 16),
      random_page_cost: '1.1',
      effective_io_concurrency: '200',
      log_min_duration_statement: '500',
      log_lock_waits: 'on',
      log_temp_files: '65536',
      log_autovacuum_min_duration: '10000',
      idle_in_transaction_session_timeout: '600000',
      autovacuum_vacuum_scale_factor: '0.05',
      autovacuum_vacuum_insert_scale_factor: '0.05',
      autovacuum_analyze_scale_factor: '0.02',
      max_connections: '500',
      // The parallel workers come out of max_worker_processes: 4 for them plus PostgreSQL's default 8 for the rest.
      max_worker_processes: '12',
      max_parallel_workers: '4',
      max_parallel_workers_per_gather: '2',
    });
  });

  test('PostgreSQL on HDD keeps the default random_page_cost; one vCPU gets no parallel workers per query', () => {
    const flags = tunePostgresForCloudSql({ size: size('db-custom-1-3840'), slowQueryThresholdMs: 200, diskType: 'PD_HDD' });
    expect(flags).not.toHaveProperty('random_page_cost');
    expect(flags).not.toHaveProperty('effective_io_concurrency');
    expect(flags).toMatchObject({ max_parallel_workers: '1', max_parallel_workers_per_gather: '0', max_worker_processes: '9' });
  });

  test.each(['db-custom-1-3840', 'db-custom-2-7680', 'db-custom-96-638976', 'db-f1-micro', 'db-g1-small'])(
    'PostgreSQL %s: effective_cache_size stays below the 70%% of memory Cloud SQL accepts; the worker pool holds the parallel workers',
    (tier) => {
      const memoryKb = size(tier).memoryGiB * 1024 * 1024;
      const flags = tunePostgresForCloudSql({ size: size(tier), slowQueryThresholdMs: 1000, diskType: 'PD_SSD' });
      const cacheKb = Number(flags.effective_cache_size) * 8;
      expect(cacheKb).toBeLessThan(memoryKb * 0.7 * 0.95);
      expect(cacheKb).toBeGreaterThan(memoryKb * 0.1);
      expect(Number(flags.max_worker_processes)).toBeGreaterThanOrEqual(Number(flags.max_parallel_workers) + 8);
    },
  );

  test.each([
    [0.6, 25],
    [1.7, 50],
    [3.75, 100],
    [6, 200],
    [7.5, 400],
    [16, 500],
    [32, 600],
    [64, 800],
    [128, 1000],
  ])('PostgreSQL max_connections for %d GiB is %d, as Cloud SQL documents for that memory', (memoryGiB, connections) => {
    expect(postgresMaxConnections(memoryGiB)).toBe(connections);
  });

  test('MySQL: the slow-query log by tier, to Cloud Logging', () => {
    expect(tuneMySql({ size: size('db-custom-2-7680'), slowQueryThresholdMs: 200, diskType: 'PD_SSD' })).toEqual({
      slow_query_log: 'on',
      long_query_time: '0.2',
      log_output: 'FILE',
    });
  });

  test('SQL Server: parallelism from the vCPUs, at most 8', () => {
    expect(tuneSqlServer({ size: size('db-custom-4-16384'), slowQueryThresholdMs: 1000, diskType: 'PD_SSD' })).toEqual({
      'max degree of parallelism': '4',
      'cost threshold for parallelism': '50',
    });
    expect(tuneSqlServer({ size: size('db-custom-16-61440'), slowQueryThresholdMs: 1000, diskType: 'PD_SSD' })['max degree of parallelism']).toBe('8');
  });
});

describe('primary and replica flags', () => {
  const row = CLOUD_SQL_ENGINE_TABLE.postgres;
  const input = (tier: string, overrides: Record<string, string | number> = {}) => ({
    row,
    size: size(tier),
    slowQueryThresholdMs: 1000,
    diskType: 'PD_SSD' as const,
    overrides,
  });

  test('user overrides win over tuned values, as strings', () => {
    expect(primaryFlags(input('db-custom-2-7680', { work_mem: 8192, log_lock_waits: 'off' }))).toMatchObject({ work_mem: '8192', log_lock_waits: 'off' });
  });

  test("a smaller replica is tuned for its own memory but keeps the primary's max_connections", () => {
    const primary = primaryFlags(input('db-custom-4-16384'));
    const replica = replicaFlags(input('db-custom-2-7680'), { flags: primary, overrides: {} });
    expect(replica.max_connections).toBe('500');
    expect(replica.effective_cache_size).toBe(String(Math.floor((7.5 * 1024 ** 3 * 0.65) / 8192)));
    // A standby refuses to start with fewer worker processes than its primary.
    expect(replica).toMatchObject({ max_worker_processes: '12', max_parallel_workers: '2' });
  });

  test('a larger replica keeps its own, larger max_connections', () => {
    const primary = primaryFlags(input('db-custom-2-7680'));
    expect(replicaFlags(input('db-custom-16-61440'), { flags: primary, overrides: {} }).max_connections).toBe('800'); // 60 GiB
  });

  test("the primary's overrides reach the replica; the replica's own win", () => {
    const overrides = { work_mem: 8192, statement_timeout: 60000 };
    const primary = primaryFlags(input('db-custom-2-7680', overrides));
    const replica = replicaFlags(input('db-custom-2-7680', { statement_timeout: 0 }), { flags: primary, overrides });
    expect(replica).toMatchObject({ work_mem: '8192', statement_timeout: '0' });
  });
});
