/**
 * The guard on a database role's secret, as a user runs it: the real CDK CLI synthesizes an environment of a copied
 * config folder (dev's file as `qa`, its RDS PostgreSQL `orders` given a password role), `npm run guard -- --approve`
 * records the baseline, then crafted config changes are synthesized and checked. Renaming the role deletes its secret
 * (applications hold it): blocked. Changing the role's access level only changes the custom resource's properties
 * (an Update inside the database): passes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-access-'));
const configDir = path.join(work, 'config');
const env = { ...process.env, DB_CONFIG_DIR: configDir, GUARD_ROOT: work, CHECKPOINT_DISABLE: '1' };
const qa = path.join(configDir, 'qa.ts');

function guard(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/guard.ts', '--env', 'qa', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim().split('\n') };
}

function synth() {
  fs.rmSync(path.join(work, 'cdk.out'), { recursive: true, force: true });
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet', '-c', 'env=qa', '-o', path.join(work, 'cdk.out')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cdk synth failed: ${result.stderr}`);
}

/** Gives dev's `orders` (the first `name: 'orders',`) one password role. */
function withRole(role: string) {
  const text = fs.readFileSync(path.join(ROOT, 'config', 'dev.ts'), 'utf8');
  const marker = "name: 'orders',";
  if (!text.includes(marker)) throw new Error('config/dev.ts declares no database named orders');
  fs.writeFileSync(qa, text.replace(marker, `${marker} roles: [${role}],`));
}

beforeAll(() => {
  fs.mkdirSync(configDir);
  fs.symlinkSync(path.join(ROOT, 'config', 'schema'), path.join(configDir, 'schema'), 'dir');
  fs.mkdirSync(path.join(work, 'guard', 'baseline'), { recursive: true });
  withRole("{ name: 'orders_app', access: 'read-write' }");
  synth();
  const approve = guard('--approve');
  if (approve.status !== 0) throw new Error(`guard --approve failed: ${approve.stdout.join('\n')}`);
}, 240_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('renaming a password role deletes its secret, which applications hold: blocked, with the resource and the fix', () => {
  withRole("{ name: 'orders_service', access: 'read-write' }");
  synth();
  const result = guard();
  expect(result.status).toBe(1);
  const line = result.stdout.find((l) => l.includes('AWS::SecretsManager::Secret'));
  expect(line).toMatch(/^qa › qa-rds-orders › AccessRoleordersappSecret[0-9A-F]{8} \(AWS::SecretsManager::Secret\) would be destroyed/);
  expect(line).toContain(
    "Fix: revert the change, or if it is intended add to config/qa.ts approvedReplacements: [{ resource: 'qa-rds-orders/AccessRoleordersappSecret",
  );
}, 240_000);

test('a new access level updates the custom resource in place and keeps the secret: passes', () => {
  withRole("{ name: 'orders_app', access: 'read-only' }");
  synth();
  const result = guard();
  expect(result.stdout.filter((l) => l.includes('SecretsManager') || l.includes('DatabaseAccess'))).toEqual([]);
  expect(result.status).toBe(0);
}, 240_000);
