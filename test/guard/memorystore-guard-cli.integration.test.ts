/**
 * The guard catches a replacing change to a Memorystore cache as a user meets it: the real CDKTF CLI (`cdktf synth`,
 * what `npm run synth:gcp` runs) synthesizes prod, a crafted change is made to the synthesized cache (as an edit
 * of the construct would make it), and `bin/guard.ts` (`npm run guard`) checks it against a copy of the committed
 * baselines (GUARD_ROOT).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-memorystore-'));
const env = { ...process.env, GUARD_ROOT: work, DB_ENV: 'prod', CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: 'true' };
const cacheStack = path.join(work, 'cdktf.out', 'stacks', 'prod-memorystore-sessions-cache', 'cdk.tf.json');

function guard(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/guard.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim().split('\n') };
}

/** Rewrites the synthesized cache instance, as a change to the construct or the config would. */
function changeCache(change: (instance: Record<string, unknown>) => void) {
  const config = JSON.parse(fs.readFileSync(cacheStack, 'utf8'));
  const instances = config.resource.google_redis_instance;
  const name = Object.keys(instances)[0];
  change(instances[name]);
  fs.writeFileSync(cacheStack, JSON.stringify(config));
  return `google_redis_instance.${name}`;
}

beforeAll(() => {
  fs.cpSync(path.join(ROOT, 'guard'), path.join(work, 'guard'), { recursive: true });
  const synth = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', path.join(work, 'cdktf.out')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (synth.status !== 0) throw new Error(`cdktf synth failed: ${synth.stderr}${synth.stdout}`);
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('the synthesized cache matches the committed baseline: the guard passes (the AWS part, not synthesized, is skipped)', () => {
  const run = guard('--env', 'prod');
  expect(run.stdout).toEqual(
    expect.arrayContaining([
      'prod: no CloudFormation (cdk.out) output, AWS part not checked; `npm run synth` checks both clouds.',
      'Replacement guard: 1 environment(s) checked (prod), no unapproved replacement.',
    ]),
  );
  expect(run.stdout.join('\n')).not.toMatch(/would be (replaced|destroyed)/);
  expect(run.status).toBe(0);
});

test('STANDARD_HA → BASIC replaces the cache: the guard fails, names the resource and the fix', () => {
  const resource = changeCache((instance) => (instance.tier = 'BASIC'));
  const run = guard('--env', 'prod');
  expect(run.status).toBe(1);
  expect(run.stdout.map((line) => line.replace(/change: '[0-9a-f]{12}'/, "change: '<change>'"))).toContain(
    `prod › prod-memorystore-sessions-cache › ${resource} (google_redis_instance) would be replaced because tier changes. ` +
      `Fix: revert the change, or if it is intended add to config/prod.ts approvedReplacements: [{ resource: 'prod-memorystore-sessions-cache/${resource}', change: '<change>', reason: '<why this is safe>' }], then run \`npm run guard -- --approve\`.`,
  );
});
