/**
 * The guard protects what Cloud SQL applications log in with, as a user meets it: the real CDKTF CLI (`cdktf synth`)
 * synthesizes an environment with roles on Cloud SQL (the fixture, written as a config file), `bin/guard.ts --approve`
 * records its baseline, and crafted changes to the synthesized users, databases and secrets are checked against it.
 * A connection-contract value is not a credential: its secret version may be replaced.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixtureConfig } from '../support/fixtures';
import { withCloudSqlRoles } from '../support/cloud-sql-access-fixture';

const ROOT = path.join(__dirname, '..', '..');
const ENVIRONMENT = 'accessfixture';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-cloudsql-access-'));
const configDir = path.join(work, 'config');
const env = {
  ...process.env,
  GUARD_ROOT: work,
  DB_ENV: ENVIRONMENT,
  DB_CONFIG_DIR: configDir,
  CHECKPOINT_DISABLE: '1',
  DISABLE_VERSION_CHECK: 'true',
};
const STACK = `${ENVIRONMENT}-cloudsql-ledger`;
const ledgerStack = path.join(work, 'cdktf.out', 'stacks', STACK, 'cdk.tf.json');
let synthesized = '';

function guard(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/guard.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim().split('\n'), stderr: result.stderr };
}

/** Rewrites one synthesized resource of `type` (the first whose attributes `pick` accepts); returns its address. */
function change(type: string, pick: (attributes: any) => boolean, edit: (resources: Record<string, any>, name: string) => void): string {
  const config = JSON.parse(synthesized);
  const resources = config.resource[type];
  const name = Object.keys(resources).find((key) => pick(resources[key]))!;
  edit(resources, name);
  fs.writeFileSync(ledgerStack, JSON.stringify(config));
  return `${type}.${name}`;
}

const withoutChange = (lines: string[]) => lines.map((line) => line.replace(/change: '[0-9a-f]{12}'/, "change: '<change>'"));

beforeAll(() => {
  fs.mkdirSync(configDir);
  const config: any = structuredClone(fixtureConfig('production'));
  withCloudSqlRoles(config);
  fs.writeFileSync(path.join(configDir, `${ENVIRONMENT}.js`), `module.exports = ${JSON.stringify(config, null, 2)};\n`);
  fs.mkdirSync(path.join(work, 'guard', 'baseline'), { recursive: true });
  const synth = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', path.join(work, 'cdktf.out')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (synth.status !== 0) throw new Error(`cdktf synth failed: ${synth.stderr}${synth.stdout}`);
  synthesized = fs.readFileSync(ledgerStack, 'utf8');
  const approve = guard('--env', ENVIRONMENT, '--approve');
  if (approve.status !== 0) throw new Error(`guard --approve failed: ${approve.stdout.join('\n')}${approve.stderr}`);
}, 240_000);

afterEach(() => fs.writeFileSync(ledgerStack, synthesized));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('the baseline keeps the users, databases, password and credential secret, not the contract values', () => {
  const baseline = JSON.parse(fs.readFileSync(path.join(work, 'guard', 'baseline', `${ENVIRONMENT}.json`), 'utf8'));
  const types = Object.keys(baseline.gcp[STACK].resource).sort();
  expect(types).toEqual([
    'google_secret_manager_secret',
    'google_secret_manager_secret_version',
    'google_sql_database',
    'google_sql_database_instance',
    'google_sql_user',
    'random_password',
  ]);
  const secrets = Object.values(baseline.gcp[STACK].resource.google_secret_manager_secret) as any[];
  expect(secrets.map((secret) => secret.secret_id)).toEqual([`${ENVIRONMENT}-databases-ledger-password-ledger_owner`]);
});

test('unchanged: the guard passes', () => {
  const run = guard('--env', ENVIRONMENT);
  expect(run.stdout).toContain(`Replacement guard: 1 environment(s) checked (${ENVIRONMENT}), no unapproved replacement.`);
  expect(run.status).toBe(0);
});

test('a contract value changes (another database listed): its version is replaced, and the guard lets it pass', () => {
  change(
    'google_secret_manager_secret_version',
    (version) => version.secret_data === 'ledger,audit',
    (all, name) => (all[name].secret_data = 'ledger,audit,archive'),
  );
  const run = guard('--env', ENVIRONMENT);
  expect(run.status).toBe(0);
});

test('a renamed database user is a new user: the guard fails and names it', () => {
  const resource = change(
    'google_sql_user',
    (user) => user.name === 'ledger_owner',
    (all, name) => (all[name].name = 'ledger_admin'),
  );
  const run = guard('--env', ENVIRONMENT);
  expect(run.status).toBe(1);
  expect(withoutChange(run.stdout)).toContain(
    `${ENVIRONMENT} › ${STACK} › ${resource} (google_sql_user) would be replaced because name changes. ` +
      `Fix: revert the change, or if it is intended add to config/${ENVIRONMENT}.ts approvedReplacements: [{ resource: '${STACK}/${resource}', change: '<change>', reason: '<why this is safe>' }], then run \`npm run guard -- --approve\`.`,
  );
});

test('a logical database removed from the stack: the guard reports it destroyed', () => {
  const resource = change(
    'google_sql_database',
    (db) => db.name === 'audit',
    (all, name) => delete all[name],
  );
  const run = guard('--env', ENVIRONMENT);
  expect(run.status).toBe(1);
  expect(run.stdout.join('\n')).toContain(`${resource} (google_sql_database) would be destroyed`);
});

test('a shorter generated password is a new password: the guard fails on random_password', () => {
  const resource = change(
    'random_password',
    () => true,
    (all, name) => (all[name].length = 24),
  );
  const run = guard('--env', ENVIRONMENT);
  expect(run.status).toBe(1);
  expect(run.stdout.join('\n')).toContain(`${resource} (random_password) would be replaced because length changes.`);
});
