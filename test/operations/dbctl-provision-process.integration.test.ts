/**
 * `dbctl provision` as users run it (`npm run dbctl`: bin/dbctl.ts from the sources, as a process), on a config folder
 * with roles on a Cloud SQL PostgreSQL and MySQL instance. The engine is replaced by a fake
 * (test/operations/support/fake-provisioning-engine.ts), so these tests pin dbctl's own behaviour; the last one runs the
 * real engine on the committed config/dev.ts, as the README says. No server is reached: these runs never connect.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixtureConfig } from '../support/fixtures';
import { withCloudSqlRoles } from '../support/cloud-sql-access-fixture';
import { ROOT } from './support/run-dbctl';

const ENVIRONMENT = 'provisionfixture';
const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbctl-provision-'));

beforeAll(() => {
  const config: any = structuredClone(fixtureConfig('production'));
  withCloudSqlRoles(config);
  fs.writeFileSync(path.join(configDir, `${ENVIRONMENT}.js`), `module.exports = ${JSON.stringify(config, null, 2)};\n`);
});
afterAll(() => fs.rmSync(configDir, { recursive: true, force: true }));

function provision(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      path.join(__dirname, 'support', 'fake-provisioning-engine.ts'),
      path.join(ROOT, 'bin', 'dbctl.ts'),
      'provision',
      ...args,
    ],
    // No Google credentials in the environment: an offline dry run must not need any.
    { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, DB_CONFIG_DIR: configDir }, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('without --dry-run or --admin-user: usage error, exit 2, and how to go on', () => {
  const run = provision('--env', ENVIRONMENT);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toEqual([
    "dbctl: 'dbctl provision' connects to apply the SQL: give --admin-user <database user of your IAM identity>, or add --dry-run to print the SQL an empty server would need without connecting.",
    "Run 'dbctl provision --help' for usage.",
  ]);
  expect(run.stdout).toBe('');
});

test('--json on a usage error: one JSON document on stdout, exit 2', () => {
  const run = provision('--env', ENVIRONMENT, '--json');
  expect(run.code).toBe(2);
  expect(JSON.parse(run.stdout)).toMatchObject({ command: 'provision', ok: false, error: { kind: 'usage' } });
});

test('--dry-run: the SQL an empty server needs, said to be computed without a connection; AWS databases named as provisioned at deploy', () => {
  const run = provision('--env', ENVIRONMENT, '--dry-run');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines[0]).toBe(
    `Provision ${ENVIRONMENT}: 2 Cloud SQL databases, dry run against an EMPTY server, without a connection: the SQL provisioning a new instance would run. A live instance may need less; add --admin-user <database user> to compare with it.`,
  );
  expect(run.stdout).toContain(
    [
      `-- ledger (fixture-project:europe-west1:${ENVIRONMENT}-ledger, postgresql)`,
      '-- database ledger is missing',
      'CREATE DATABASE ledger;',
      '-- database audit is missing',
      'CREATE DATABASE audit;',
      '-- role ledger_owner (platform) has no grants',
      'GRANT owner ON ledger,audit TO ledger_owner;',
      '-- role ledger_app (engine) has no grants',
      'GRANT read-write ON ledger,audit TO ledger_app /* members: ledger-app@fixture-project.iam */;',
      '-- role reporting (engine) has no grants',
      'GRANT read-only ON ledger TO reporting /* members: reports@fixture-project.iam,ledger-app@fixture-project.iam */;',
      '-- 5 statements.',
    ].join('\n'),
  );
  expect(run.stdout).toContain(`-- inventory (fixture-project:europe-west1:${ENVIRONMENT}-inventory, mysql)`);
  expect(lines.at(-1)).toBe('orders: RDS and Aurora databases are provisioned at deploy by their custom resource (docs/database-access-aws.md).');
});

test('--dry-run --json: one document with the mode and each database statements', () => {
  const run = provision('--env', ENVIRONMENT, '--dry-run', '--json', '--database', 'inventory');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report).toMatchObject({ command: 'provision', ok: true, environment: ENVIRONMENT, mode: 'offline', skipped: [], atDeploy: [] });
  expect(report.databases).toEqual([
    {
      name: 'inventory',
      connectionName: `fixture-project:europe-west1:${ENVIRONMENT}-inventory`,
      dialect: 'mysql',
      applied: false,
      notices: [],
      statements: [
        { sql: 'CREATE DATABASE stock', why: 'database stock is missing' },
        { sql: 'GRANT read-write ON stock TO stock_app /* members: ledger-app */', why: 'role stock_app (engine) has no grants' },
        { sql: 'GRANT read-write ON stock TO stock_batch', why: 'role stock_batch (platform) has no grants' },
      ],
    },
  ]);
});

test('--database naming an RDS instance: exit 2, it is provisioned at deploy', () => {
  const run = provision('--env', ENVIRONMENT, '--dry-run', '--database', 'orders');
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n')[0]).toBe(
    `dbctl: Database 'orders' of environment '${ENVIRONMENT}' is an RDS instance: its roles are provisioned at deploy by its custom resource (docs/database-access-aws.md), not by dbctl provision. Cloud SQL databases of '${ENVIRONMENT}': ledger, inventory.`,
  );
});

test('provision --help: usage and exit codes, exit 0', () => {
  const run = provision('--help');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Usage: dbctl provision --env <name> [--database <name>] [--dry-run] [--admin-user <database user>] [--json]');
  expect(run.stdout).toContain('Exit codes: 0 done (or nothing to do), 1 a database failed (connection or SQL error), 2 usage or config error.');
});

test("the real engine: `dbctl provision --env dev --dry-run` prints the SQL for dev's Cloud SQL database ledger, exit 0", () => {
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'bin', 'dbctl.ts'), 'provision', '--env', 'dev', '--dry-run'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('-- ledger (acme-databases-dev:europe-west1:dev-ledger, postgresql)');
  // Every role of config/dev.ts's ledger gets its grants; nothing that holds data is dropped; Terraform's database is not re-created.
  for (const role of ['ledger_migrator', 'ledger_app', 'ledger_reporting']) expect(result.stdout).toContain(`ON DATABASE "ledger" TO "${role}"`);
  expect(result.stdout).toContain('CREATE ROLE "ledger_app" NOLOGIN;');
  expect(result.stdout).not.toMatch(/\b(DROP|TRUNCATE|CREATE DATABASE)\b/);
});
