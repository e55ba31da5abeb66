/**
 * `dbctl provision` in-process, with a fake provisioning engine and a fake Cloud SQL connection injected through
 * DbctlDeps: which mode runs, what the engine is given, what is printed, and the exit codes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DbctlDeps, runDbctl } from '../../lib/operations/cli/main';
import type { ProvisioningEngine } from '../../lib/operations/provision/provisioning-engine';
import type { DeclaredAccess } from '../../lib/provisioning/declared-access';
import type { ProvisionOptions } from '../../lib/provisioning/provisioning-api';
import { fixtureConfig } from '../support/fixtures';
import { withCloudSqlRoles } from '../support/cloud-sql-access-fixture';
import { fakePlanFromNothing } from './support/fake-provisioning-engine';

const ENVIRONMENT = 'provisiontest';
let configDir: string;

function writeConfig(change: (config: any) => void = withCloudSqlRoles): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbctl-provision-unit-'));
  const config: any = structuredClone(fixtureConfig('production'));
  change(config);
  fs.writeFileSync(path.join(dir, `${ENVIRONMENT}.js`), `module.exports = ${JSON.stringify(config, null, 2)};\n`);
  return dir;
}

beforeAll(() => (configDir = writeConfig()));
afterAll(() => fs.rmSync(configDir, { recursive: true, force: true }));

interface Calls {
  planned: string[];
  provisioned: { database: string; options: ProvisionOptions }[];
  administrators: { connectionName: string; dialect: string; adminUser: string }[];
  connects: (string | undefined)[];
  closed: number;
}

/** A fake engine: provisionDatabase opens one connection, then answers from `live` (failing for names in `failing`). */
function fakeEngine(failing: readonly string[] = []): { engine: ProvisioningEngine; calls: Calls } {
  const calls: Calls = { planned: [], provisioned: [], administrators: [], connects: [], closed: 0 };
  const name = (declared: DeclaredAccess) => declared.databases[0];
  const engine: ProvisioningEngine = {
    planFromNothing: (declared) => {
      calls.planned.push(name(declared));
      return fakePlanFromNothing(declared);
    },
    provisionDatabase: async (declared, connect, options) => {
      calls.provisioned.push({ database: name(declared), options });
      await connect(name(declared));
      if (failing.includes(name(declared))) throw new Error(`permission denied to create extension "pgaudit"`);
      return {
        statements: [{ database: name(declared), sql: `GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting`, why: 'reporting cannot read' }],
        applied: !options.dryRun,
        notices: ['role old_app was disabled'],
      };
    },
    administratorOf: (target, adminUser) => {
      calls.administrators.push({ ...target, adminUser });
      return {
        connect: async (database) => {
          calls.connects.push(database);
          return { query: async () => [], close: async () => undefined };
        },
        close: () => void calls.closed++,
      };
    },
  };
  return { engine, calls };
}

async function dbctl(argv: string[], engine: ProvisioningEngine, dir = configDir) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: DbctlDeps = { out: (t) => out.push(t), err: (t) => err.push(t), env: { DB_CONFIG_DIR: dir }, provisioning: engine };
  const code = await runDbctl(['provision', '--env', ENVIRONMENT, ...argv], deps);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('offline dry run (--dry-run without --admin-user)', () => {
  test('plans from nothing for every Cloud SQL database and never connects', async () => {
    const { engine, calls } = fakeEngine();
    const run = await dbctl(['--dry-run'], engine);
    expect(run.code).toBe(0);
    expect(calls.planned).toEqual(['ledger', 'stock']);
    expect(calls.administrators).toEqual([]);
    expect(calls.provisioned).toEqual([]);
  });
});

describe('connected (--admin-user)', () => {
  test('--dry-run --admin-user: reads the live instance with dryRun, connects as the admin user over the connection name, closes the connector', async () => {
    const { engine, calls } = fakeEngine();
    const run = await dbctl(['--dry-run', '--admin-user', 'dba@acme-databases-prod.iam', '--database', 'ledger'], engine);
    expect(run.code).toBe(0);
    expect(calls.administrators).toEqual([
      { connectionName: `fixture-project:europe-west1:${ENVIRONMENT}-ledger`, dialect: 'postgresql', adminUser: 'dba@acme-databases-prod.iam' },
    ]);
    expect(calls.provisioned.map((call) => call.options.dryRun)).toEqual([true]);
    expect(calls.connects).toEqual(['ledger']);
    expect(calls.closed).toBe(1);
    expect(run.stdout).toBe(
      [
        `ledger: connecting to fixture-project:europe-west1:${ENVIRONMENT}-ledger (private IP, IAM) as dba@acme-databases-prod.iam…`,
        `Provision ${ENVIRONMENT}: 1 Cloud SQL database, dry run against the live instance: nothing was changed.`,
        '',
        `-- ledger (fixture-project:europe-west1:${ENVIRONMENT}-ledger, postgresql)`,
        '-- reporting cannot read [in database ledger]',
        'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;',
        '-- 1 statement.',
        '-- Notice: role old_app was disabled',
      ].join('\n'),
    );
  });

  test('apply: dryRun false, the report says applied; the engine is never asked for a password (Terraform sets them)', async () => {
    const { engine, calls } = fakeEngine();
    const run = await dbctl(['--admin-user', 'dba', '--database', 'inventory'], engine);
    expect(run.code).toBe(0);
    expect(calls.provisioned.map((call) => call.options.dryRun)).toEqual([false]);
    await expect(calls.provisioned[0].options.passwordOf('stock_batch')).rejects.toThrow(
      "BUG: the engine asked for the password of 'stock_batch'; on Cloud SQL, Terraform sets passwords (google_sql_user)",
    );
    expect(run.stdout).toContain('-- 1 statement, applied.');
    expect(calls.administrators[0].dialect).toBe('mysql');
  });

  test('one database fails: it is reported, the next still runs, the connector is closed, exit 1; --json says ok false', async () => {
    const { engine, calls } = fakeEngine(['ledger']);
    const run = await dbctl(['--admin-user', 'dba', '--json'], engine);
    expect(run.code).toBe(1);
    expect(calls.provisioned.map((call) => call.database)).toEqual(['ledger', 'stock']);
    expect(calls.closed).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.mode).toBe('apply');
    expect(report.databases.map((db: any) => [db.name, db.error ?? null])).toEqual([
      ['ledger', 'permission denied to create extension "pgaudit"'],
      ['inventory', null],
    ]);
    // With --json, progress goes to stderr.
    expect(run.stderr).toContain('ledger: connecting to');
  });
});

describe('what is not provisioned here', () => {
  test('a Cloud SQL SQL Server instance is skipped with the reason', async () => {
    const dir = writeConfig((config) => {
      withCloudSqlRoles(config);
      config.databases.push({
        kind: 'cloudsql-instance',
        name: 'reports',
        engine: 'sqlserver',
        version: '2022-standard',
        tier: 'db-custom-2-7680',
        diskSizeGb: 50,
        rootPasswordSecret: 'reports-root',
      });
    });
    try {
      const { engine } = fakeEngine();
      const run = await dbctl(['--dry-run', '--database', 'reports'], engine, dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('reports: skipped (SQLSERVER_2022_STANDARD: the provisioning engine supports PostgreSQL and MySQL only).');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown database: exit 2 naming the Cloud SQL databases', async () => {
    const run = await dbctl(['--dry-run', '--database', 'nope'], fakeEngine().engine);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      `dbctl: Unknown database 'nope' in environment '${ENVIRONMENT}'. Cloud SQL databases of '${ENVIRONMENT}': ledger, inventory.`,
    );
  });

  test('an environment without Cloud SQL: nothing to provision, AWS databases named, exit 0', async () => {
    const dir = writeConfig((config) => {
      config.databases = config.databases.filter((db: any) => db.kind !== 'cloudsql-instance');
    });
    try {
      const run = await dbctl(['--dry-run'], fakeEngine().engine, dir);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').filter(Boolean)).toEqual([
        expect.stringMatching(/^Provision provisiontest: 0 Cloud SQL databases, /),
        'orders: RDS and Aurora databases are provisioned at deploy by their custom resource (docs/database-access-aws.md).',
        `Environment '${ENVIRONMENT}' has no Cloud SQL databases: nothing to provision.`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('offline: an engine that cannot plan a database reports it and exits 1 (the others are still planned)', async () => {
  const { engine } = fakeEngine();
  const failing: ProvisioningEngine = {
    ...engine,
    planFromNothing: (declared) => {
      if (declared.dialect === 'postgresql') throw new Error('planFromNothing: the provisioning engine is not merged yet');
      return engine.planFromNothing(declared);
    },
  };
  const run = await dbctl(['--dry-run'], failing);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(
    `-- ledger (fixture-project:europe-west1:${ENVIRONMENT}-ledger, postgresql)\n-- FAILED: planFromNothing: the provisioning engine is not merged yet`,
  );
  expect(run.stdout).toContain('CREATE DATABASE stock;');
});
