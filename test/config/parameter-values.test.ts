/**
 * Parameter and flag values, not only names: a value of the wrong type or out of range is refused at synth with the
 * allowed range (PostgreSQL's from the server of the same major, the other engines' from their documented limits),
 * and a work_mem override whose worst case exceeds the machine's memory is refused with the numbers.
 */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (config: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}
const orders = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[0], change);
const ledger = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[1], change);
const payments = (change: Record<string, unknown>) => (c: any) =>
  c.databases.push({ kind: 'aurora-cluster', name: 'payments', engine: 'aurora-postgresql', version: '16.9', instanceClass: 'db.r7g.large', ...change });

describe('RDS PostgreSQL parameter values (ranges of the PostgreSQL server of the same major)', () => {
  test("max_connections: 'unlimited' is refused with the allowed range", () => {
    expect(problemsOf(orders({ parameters: { max_connections: 'unlimited' } }))).toEqual([
      'test › orders › databases[0].parameters.max_connections = "unlimited": must be an integer from 1 to 262143 in the postgres17 family. Fix: set a value that is an integer from 1 to 262143, or remove the override',
    ]);
  });

  test('an integer just inside and just outside the range', () => {
    expect(problemsOf(orders({ parameters: { max_connections: 262143, work_mem: 64 } }))).toEqual([
      // (262143 connections × 64 kB is 16 GiB: exactly the class's memory, so the memory check passes too.)
    ]);
    expect(problemsOf(orders({ parameters: { max_connections: 262144 } }))).toEqual([
      'test › orders › databases[0].parameters.max_connections = 262144: must be an integer from 1 to 262143 in the postgres17 family. Fix: set a value that is an integer from 1 to 262143, or remove the override',
    ]);
    expect(problemsOf(orders({ parameters: { work_mem: 63 } }))).toEqual([
      'test › orders › databases[0].parameters.work_mem = 63: must be an integer from 64 to 2147483647 (in kB) in the postgres17 family. Fix: set a value that is an integer from 64 to 2147483647 (in kB), or remove the override',
    ]);
  });

  test('a value with a unit is refused: RDS takes the number in the unit PostgreSQL names', () => {
    expect(problemsOf(orders({ parameters: { work_mem: '16MB' } }))).toEqual([
      'test › orders › databases[0].parameters.work_mem = "16MB": must be an integer from 64 to 2147483647 (in kB) in the postgres17 family. Fix: set a value that is an integer from 64 to 2147483647 (in kB), or remove the override',
    ]);
  });

  test('a real just inside and outside; booleans are 1 or 0; enums name their values', () => {
    expect(problemsOf(orders({ parameters: { checkpoint_completion_target: 1, random_page_cost: 4 } }))).toEqual([]);
    expect(problemsOf(orders({ parameters: { checkpoint_completion_target: 1.01 } }))).toEqual([
      'test › orders › databases[0].parameters.checkpoint_completion_target = 1.01: must be a number from 0 to 1 in the postgres17 family. Fix: set a value that is a number from 0 to 1, or remove the override',
    ]);
    expect(problemsOf(orders({ parameters: { log_lock_waits: 'on' } }))).toEqual([
      'test › orders › databases[0].parameters.log_lock_waits = "on": must be 1 (on) or 0 (off) in the postgres17 family. Fix: set a value that is 1 (on) or 0 (off), or remove the override',
    ]);
    expect(problemsOf(orders({ parameters: { log_statement: 'everything' } }))).toEqual([
      'test › orders › databases[0].parameters.log_statement = "everything": must be one of none, ddl, mod, all in the postgres17 family. Fix: set a value that is one of none, ddl, mod, all, or remove the override',
    ]);
  });

  test('a setting whose range differs by major is checked against its own major', () => {
    // io_combine_limit exists from PostgreSQL 17 (8 kB blocks, 1 to 32 = 256 kB in 17).
    expect(problemsOf(orders({ parameters: { io_combine_limit: 32 } }))).toEqual([]);
    expect(problemsOf(orders({ parameters: { io_combine_limit: 33 } }))).toEqual([
      'test › orders › databases[0].parameters.io_combine_limit = 33: must be an integer from 1 to 32 (in 8kB) in the postgres17 family. Fix: set a value that is an integer from 1 to 32 (in 8kB), or remove the override',
    ]);
  });

  test('an RDS formula is left to RDS', () => {
    expect(problemsOf(orders({ parameters: { effective_cache_size: '{DBInstanceClassMemory*3/32768}' } }))).toEqual([]);
  });
});

describe('RDS MySQL, MariaDB, SQL Server and Oracle parameter values (documented limits)', () => {
  test('MySQL max_connections: 100000 is the limit', () => {
    const mysql = (value: unknown) => orders({ engine: 'mysql', version: '8.4.6', parameters: { max_connections: value } });
    expect(problemsOf(mysql(100000))).toEqual([]);
    expect(problemsOf(mysql(100001))).toEqual([
      'test › orders › databases[0].parameters.max_connections = 100001: must be an integer from 1 to 100000 in the mysql8.4 family. Fix: set a value that is an integer from 1 to 100000, or remove the override',
    ]);
  });

  test('MariaDB max_connections starts at 10; enums are case-insensitive', () => {
    const mariadb = (parameters: Record<string, unknown>) => orders({ engine: 'mariadb', version: '11.4.8', parameters });
    expect(problemsOf(mariadb({ max_connections: 10, binlog_format: 'row' }))).toEqual([]);
    expect(problemsOf(mariadb({ max_connections: 9 }))).toEqual([
      'test › orders › databases[0].parameters.max_connections = 9: must be an integer from 10 to 100000 in the mariadb11.4 family. Fix: set a value that is an integer from 10 to 100000, or remove the override',
    ]);
  });

  test('SQL Server sp_configure ranges', () => {
    const sqlserver = (value: unknown) =>
      orders({
        engine: 'sqlserver-se',
        version: '16.00.4215.2.v1',
        instanceClass: 'db.m6i.large',
        licenseModel: 'license-included',
        parameters: { 'max degree of parallelism': value },
      });
    expect(problemsOf(sqlserver(32767))).toEqual([]);
    expect(problemsOf(sqlserver(32768))).toEqual([
      'test › orders › databases[0].parameters.max degree of parallelism = 32768: must be an integer from 0 to 32767 in the sqlserver-se-16.0 family. Fix: set a value that is an integer from 0 to 32767, or remove the override',
    ]);
  });

  test('Oracle open_cursors', () => {
    const oracle = (value: unknown) =>
      orders({
        engine: 'oracle-ee',
        version: '19.0.0.0.ru-2025-10.rur-2025-10.r1',
        instanceClass: 'db.m6i.large',
        licenseModel: 'bring-your-own-license',
        parameters: { open_cursors: value },
      });
    expect(problemsOf(oracle(65535))).toEqual([]);
    expect(problemsOf(oracle(65536))).toEqual([
      'test › orders › databases[0].parameters.open_cursors = 65536: must be an integer from 0 to 65535 in the oracle-ee-19 family. Fix: set a value that is an integer from 0 to 65535, or remove the override',
    ]);
  });
});

describe('Aurora parameter values and levels', () => {
  test('values are checked in both groups against the server of the same major', () => {
    expect(problemsOf(payments({ parameters: { autovacuum_vacuum_scale_factor: 100 }, instanceParameters: { work_mem: 64 } }))).toEqual([]);
    expect(problemsOf(payments({ parameters: { autovacuum_vacuum_scale_factor: 101 } }))).toEqual([
      'test › payments › databases[2].parameters.autovacuum_vacuum_scale_factor = 101: must be a number from 0 to 100 in the aurora-postgresql16 family. Fix: set a value that is a number from 0 to 100, or remove the override',
    ]);
  });

  test('a cluster-level parameter among the instance parameters is refused', () => {
    expect(problemsOf(payments({ instanceParameters: { autovacuum_vacuum_scale_factor: 0.1 } }))).toEqual([
      "test › payments › databases[2].instanceParameters.autovacuum_vacuum_scale_factor = 0.1: 'autovacuum_vacuum_scale_factor' is a cluster-level parameter of the aurora-postgresql16 family; an instance parameter group cannot hold it. Fix: move it to parameters (the cluster parameter group)",
    ]);
  });
});

describe('work_mem against the memory of the class or tier', () => {
  // db.r6g.large: 16 GiB; RDS's and Aurora's default max_connections LEAST(memory/9531392, 5000) = 1802.
  // 16 GiB = 16777216 kB; 16777216 / 1802 = 9310.3.
  test('RDS: just inside and just outside', () => {
    expect(problemsOf(orders({ parameters: { work_mem: 9310 } }))).toEqual([]);
    expect(problemsOf(orders({ parameters: { work_mem: 9311 } }))).toEqual([
      "test › orders › databases[0].parameters.work_mem = 9311: with max_connections 1802 (RDS's default for db.r6g.large) each using this work_mem, connections can claim 16386 MiB, more than the 16384 MiB of db.r6g.large (1.00×). Fix: set parameters.max_connections to at most 1801, or lower work_mem to at most 9310 (kB)",
    ]);
  });

  test('RDS: an explicit max_connections is what counts', () => {
    expect(problemsOf(orders({ parameters: { work_mem: 16384, max_connections: 1024 } }))).toEqual([]);
    expect(problemsOf(orders({ parameters: { work_mem: 16384, max_connections: 1025 } }))).toEqual([
      'test › orders › databases[0].parameters.work_mem = 16384: with max_connections 1025 (your override) each using this work_mem, connections can claim 16400 MiB, more than the 16384 MiB of db.r6g.large (1.00×). Fix: set parameters.max_connections to at most 1024, or lower work_mem to at most 16368 (kB)',
    ]);
  });

  test('Aurora: the prod-like 16 MB on 16 GiB is refused with the numbers', () => {
    expect(problemsOf(payments({ instanceParameters: { work_mem: 16384 } }))).toEqual([
      "test › payments › databases[2].instanceParameters.work_mem = 16384: with max_connections 1802 (Aurora's default for db.r7g.large) each using this work_mem, connections can claim 28832 MiB, more than the 16384 MiB of db.r7g.large (1.76×). Fix: set instanceParameters.max_connections to at most 1024, or lower work_mem to at most 9310 (kB)",
    ]);
    expect(problemsOf(payments({ instanceParameters: { work_mem: 16384, max_connections: 1000 } }))).toEqual([]);
  });

  test('Cloud SQL: the default max_connections of the tier (400 for 7.5 GiB)', () => {
    // 7.5 GiB = 7864320 kB; / 400 = 19660.8.
    expect(problemsOf(ledger({ flags: { work_mem: 19660 } }))).toEqual([]);
    expect(problemsOf(ledger({ flags: { work_mem: 19661 } }))).toEqual([
      "test › ledger › databases[1].flags.work_mem = 19661: with max_connections 400 (Cloud SQL's default for db-custom-2-7680) each using this work_mem, connections can claim 7681 MiB, more than the 7680 MiB of tier db-custom-2-7680 (1.00×). Fix: set flags.max_connections to at most 399, or lower work_mem to at most 19660 (kB)",
    ]);
  });
});

describe('Cloud SQL effective_cache_size against the tier (10% to 70% of memory)', () => {
  // db-custom-2-7680: 7.5 GiB = 983040 pages of 8 kB; 10% = 98304, 70% = 688128.
  test('just inside and just outside both ends', () => {
    expect(problemsOf(ledger({ flags: { effective_cache_size: 98304 } }))).toEqual([]);
    expect(problemsOf(ledger({ flags: { effective_cache_size: 688128 } }))).toEqual([]);
    const refused = (value: number) =>
      `test › ledger › databases[1].flags.effective_cache_size = ${value}: must be from 98304 to 688128 (8 kB pages): Cloud SQL accepts 10% to 70% of the 7680 MiB of tier db-custom-2-7680. Fix: choose a value from 98304 to 688128, or remove the flag (we emit 65% of memory)`;
    expect(problemsOf(ledger({ flags: { effective_cache_size: 98303 } }))).toEqual([refused(98303)]);
    expect(problemsOf(ledger({ flags: { effective_cache_size: 688129 } }))).toEqual([refused(688129)]);
  });
});

describe('work_mem on replicas with a smaller class or tier', () => {
  test('RDS: an explicit max_connections that fits the primary but not a smaller replica', () => {
    const change = (replicaClass: string) =>
      orders({ parameters: { work_mem: 16384, max_connections: 1000 }, replicas: [{ region: 'eu-west-1', instanceClass: replicaClass }] });
    expect(problemsOf(change('db.r6g.large'))).toEqual([]);
    expect(problemsOf(change('db.t4g.medium'))).toEqual([
      'test › orders › databases[0].parameters.work_mem = 16384: with max_connections 1000 (your override) each using this work_mem, connections can claim 16000 MiB, more than the 4096 MiB of db.t4g.medium (replicas[0]) (3.91×). Fix: set parameters.max_connections to at most 256, or lower work_mem to at most 4194 (kB)',
    ]);
  });

  test("Cloud SQL: a smaller replica keeps the primary's max_connections (a standby needs at least as many)", () => {
    const change = (replicaTier: string) => ledger({ flags: { work_mem: 19660 }, replicas: [{ region: 'europe-west4', tier: replicaTier }] });
    expect(problemsOf(change('db-custom-2-7680'))).toEqual([]);
    expect(problemsOf(change('db-custom-1-3840'))).toEqual([
      "test › ledger › databases[1].flags.work_mem = 19660: with max_connections 400 (the primary's, Cloud SQL's default for db-custom-2-7680: a standby needs at least as many) each using this work_mem, connections can claim 7680 MiB, more than the 3840 MiB of tier db-custom-1-3840 (replicas[0]) (2.00×). Fix: set flags.max_connections to at most 200, or lower work_mem to at most 9830 (kB)",
    ]);
  });
});

test("Cloud SQL: a replica's own work_mem is checked against its own tier, and named at its own path", () => {
  expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', flags: { work_mem: 19661 } }] }))).toEqual([
    "test › ledger › databases[1].replicas[0].flags.work_mem = 19661: with max_connections 400 (Cloud SQL's default for db-custom-2-7680) each using this work_mem, connections can claim 7681 MiB, more than the 7680 MiB of tier db-custom-2-7680 (replicas[0]) (1.00×). Fix: set replicas[0].flags.max_connections to at most 399, or lower work_mem to at most 19660 (kB)",
  ]);
});
