/** Engine-specific database names and ports at synth, just inside and just outside each rule. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { RDS_ENGINE_TABLE, type RdsEngine } from '../../constructs/aws/rds/tables/rds-engine-table';
import { withChange } from '../support/fixtures';
import { VALID_RDS_ENGINE_SETTINGS } from '../support/rds-engine-settings';

function rdsProblems(engine: RdsEngine, change: Record<string, unknown>): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c: any) => Object.assign(c.databases[0], VALID_RDS_ENGINE_SETTINGS[engine], change)),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}

const PAYMENTS = { kind: 'aurora-cluster', name: 'payments', version: '16.9', instanceClass: 'db.r7g.large' };
function auroraProblems(change: Record<string, unknown>): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c) => c.databases.push({ ...PAYMENTS, ...change })),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}

const name = (length: number) => 'd'.repeat(length);
const SQL_SERVER = (Object.keys(RDS_ENGINE_TABLE) as RdsEngine[]).filter((engine) => engine.startsWith('sqlserver-'));

describe('database names per engine', () => {
  test.each(SQL_SERVER)('%s takes no database name', (engine) => {
    expect(rdsProblems(engine, {})).toEqual([]);
    expect(rdsProblems(engine, { databaseName: 'orders' })).toEqual([
      `test › orders › databases[0].databaseName = "orders": ${RDS_ENGINE_TABLE[engine].displayName} takes no database name: RDS for SQL Server creates no database at launch (create it with CREATE DATABASE after the instance is up). Fix: remove databaseName`,
    ]);
  });

  test.each(['oracle-se2', 'oracle-ee'] as const)('%s: a SID of 8 characters passes, 9 fail, and NULL is refused', (engine) => {
    const displayName = RDS_ENGINE_TABLE[engine].displayName;
    expect(rdsProblems(engine, { databaseName: 'ORDERS01' })).toEqual([]);
    expect(rdsProblems(engine, { databaseName: 'ORDERS012' })).toEqual([
      `test › orders › databases[0].databaseName = "ORDERS012": has 9 characters; ${displayName} allows at most 8. Fix: shorten it to 8 characters or fewer`,
    ]);
    expect(rdsProblems(engine, { databaseName: 'NULL' })).toEqual([
      `test › orders › databases[0].databaseName = "NULL": is a word ${displayName} refuses as a database name. Fix: choose another name, or remove databaseName for the default`,
    ]);
  });

  test('PostgreSQL: 63 characters pass, 64 fail', () => {
    expect(rdsProblems('postgres', { databaseName: name(63) })).toEqual([]);
    expect(rdsProblems('postgres', { databaseName: name(64) })).toEqual([
      `test › orders › databases[0].databaseName = "${name(64)}": has 64 characters; PostgreSQL allows at most 63. Fix: shorten it to 63 characters or fewer`,
    ]);
  });

  test.each(['mysql', 'mariadb'] as const)('%s: 64 characters pass, 65 fail', (engine) => {
    expect(rdsProblems(engine, { databaseName: name(64) })).toEqual([]);
    expect(rdsProblems(engine, { databaseName: name(65) })).toEqual([
      `test › orders › databases[0].databaseName = "${name(65)}": must start with a letter and contain letters, digits or underscores (at most 64). Fix: change databases[0].databaseName in config/test.ts`,
    ]);
  });

  test('Aurora PostgreSQL: 63 characters pass, 64 fail; Aurora MySQL takes 64', () => {
    expect(auroraProblems({ engine: 'aurora-postgresql', databaseName: name(63) })).toEqual([]);
    expect(auroraProblems({ engine: 'aurora-postgresql', databaseName: name(64) })).toEqual([
      `test › payments › databases[2].databaseName = "${name(64)}": has 64 characters; Aurora PostgreSQL allows at most 63. Fix: shorten it to 63 characters or fewer`,
    ]);
    expect(auroraProblems({ engine: 'aurora-mysql', version: '8.0.mysql_aurora.3.10.1', databaseName: name(64) })).toEqual([]);
  });
});

describe('ports the engine reserves', () => {
  const reserved = [1234, 1434, 3260, 3343, 3389, 47001, 49152, 49153, 49154, 49155, 49156];

  test.each(SQL_SERVER)('%s refuses every reserved port and takes the ports next to them', (engine) => {
    const displayName = RDS_ENGINE_TABLE[engine].displayName;
    for (const port of reserved) {
      expect(rdsProblems(engine, { port })).toEqual([
        `test › orders › databases[0].port = ${port}: is reserved on ${displayName}; RDS refuses 1234, 1434, 3260, 3343, 3389, 47001, 49152, 49153, 49154, 49155, 49156. Fix: use another port from 1150 to 65535, such as the default 1433`,
      ]);
    }
    for (const port of [1233, 1235, 1433, 1435, 47000, 47002, 49151, 49157]) expect(rdsProblems(engine, { port })).toEqual([]);
  });

  test('the reserved SQL Server ports are free on other engines', () => {
    for (const engine of ['postgres', 'mysql', 'mariadb', 'oracle-ee'] as const) expect(rdsProblems(engine, { port: 3389 })).toEqual([]);
  });

  test.each(['oracle-se2', 'oracle-ee'] as const)('%s: the SSL option port 2484 is not the database port', (engine) => {
    expect(rdsProblems(engine, { port: 2484 })).toEqual([
      `test › orders › databases[0].port = 2484: is the port of the SSL option on ${RDS_ENGINE_TABLE[engine].displayName}; the database listens on another port. Fix: use another port from 1150 to 65535, such as the default 1521`,
    ]);
    expect(rdsProblems(engine, { port: 2483 })).toEqual([]);
    expect(rdsProblems(engine, { port: 2485 })).toEqual([]);
  });

  test('the range every engine has: 1150 passes, 1149 fails', () => {
    expect(rdsProblems('postgres', { port: 1150 })).toEqual([]);
    expect(rdsProblems('postgres', { port: 1149 })).toEqual([
      'test › orders › databases[0].port = 1149: must be from 1150 to 65535. Fix: change databases[0].port in config/test.ts',
    ]);
  });
});
