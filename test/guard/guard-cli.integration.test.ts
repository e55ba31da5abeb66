/**
 * The guard as a user runs it: the real CDK CLI synthesizes one environment of a copied config folder, then
 * `bin/guard.ts` (what `npm run guard` runs) checks it against a copy of the committed baselines (GUARD_ROOT).
 * Corpus of config changes and verdicts: docs/guard.md.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-cli-'));
const configDir = path.join(work, 'config');
const env = { ...process.env, DB_CONFIG_DIR: configDir, GUARD_ROOT: work, CHECKPOINT_DISABLE: '1' };

function guard(...args: string[]) {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/guard.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim().split('\n'), stderr: result.stderr.trim() };
}

beforeAll(() => {
  // The environment files, copied; the schema they import stays the project's (a link, resolved to its real path).
  fs.mkdirSync(configDir);
  for (const file of fs.readdirSync(path.join(ROOT, 'config')).filter((f) => f.endsWith('.ts')))
    fs.copyFileSync(path.join(ROOT, 'config', file), path.join(configDir, file));
  fs.symlinkSync(path.join(ROOT, 'config', 'schema'), path.join(configDir, 'schema'), 'dir');
  fs.cpSync(path.join(ROOT, 'guard'), path.join(work, 'guard'), { recursive: true });
  // A new environment, as a new user makes one: dev's file copied under another name.
  fs.copyFileSync(path.join(configDir, 'dev.ts'), path.join(configDir, 'qa.ts'));
  const synth = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet', '-c', 'env=qa', '-o', path.join(work, 'cdk.out')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (synth.status !== 0) throw new Error(`cdk synth failed: ${synth.stderr}`);
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('a new environment passes; only the synthesized environment is checked; --approve says which file it wrote', () => {
  const check = guard();
  expect(check.status).toBe(0);
  expect(check.stdout[0]).toMatch(/^qa: new environment: \d+ stateful resources to create, nothing replaced or removed\.$/);
  expect(check.stdout.slice(1)).toEqual([
    `qa: \`npm run guard -- --approve\` records its baseline in ${path.relative(ROOT, path.join(work, 'guard', 'baseline', 'qa.json'))}.`,
    'Not synthesized, not checked: dev, prod, staging (synthesize them, or name them with --env).',
    'Replacement guard: 1 environment(s) checked (qa), no unapproved replacement.',
  ]);

  const approve = guard('--approve');
  expect(approve.status).toBe(0);
  expect(approve.stdout[1]).toBe(`qa: wrote ${path.relative(ROOT, path.join(work, 'guard', 'baseline', 'qa.json'))}; commit it.`);
});

test('--env names an environment that was not synthesized: exit 1 with the fix', () => {
  expect(guard('--env', 'prod')).toEqual({
    status: 1,
    stdout: [
      'prod: no synthesized output to check; run `npm run synth` (or `npx cdk synth -c env=prod`) first.',
      'Not synthesized, not checked: dev, qa, staging (synthesize them, or name them with --env).',
      'Replacement guard: 1 problem(s) block this change.',
    ],
    stderr: '',
  });
});

test("removing the environment's file is flagged loudly until approved in guard/approved-removals.json", () => {
  fs.rmSync(path.join(configDir, 'qa.ts'));
  const removed = guard();
  expect(removed.status).toBe(1);
  expect(removed.stdout[0]).toMatch(
    /^qa: ENVIRONMENT REMOVED — config\/qa\.ts is gone, so every stateful resource of qa would be deleted or orphaned \(\d+\):$/,
  );
  expect(removed.stdout).toContain('  qa › qa-rds-orders › DatabaseInstanceAA8A5FDE (AWS::RDS::DBInstance, deleted)');

  fs.writeFileSync(path.join(work, 'guard', 'approved-removals.json'), JSON.stringify([{ environment: 'qa', reason: 'the qa trial is over' }]));
  const approved = guard('--approve');
  expect(approved.status).toBe(0);
  expect(fs.existsSync(path.join(work, 'guard', 'baseline', 'qa.json'))).toBe(false);

  const stale = guard();
  expect(stale.status).toBe(1);
  expect(stale.stdout).toContain(
    "guard/approved-removals.json: entry for 'qa' matches no removed environment. Fix: remove it (the removal was applied, or the environment still has its config file).",
  );
});

test('a malformed guard/approved-removals.json is a usage error naming the entry', () => {
  fs.writeFileSync(path.join(work, 'guard', 'approved-removals.json'), JSON.stringify([{ environment: 'qa' }]));
  const result = guard();
  expect(result.status).toBe(2);
  expect(result.stderr).toBe(
    `${path.join(work, 'guard', 'approved-removals.json')} › [0].reason = undefined: must say why removing qa is safe (at least 10 characters). Fix: write [{ "environment": "<name>", "reason": "<why removing it is safe, at least 10 characters>" }].`,
  );
});

test('an unknown argument is a usage error', () => {
  expect(guard('--aprove')).toEqual({
    status: 2,
    stdout: [''],
    stderr: 'Unknown argument --aprove. Usage: npm run guard [-- --approve] [-- --env <name>[,<name>…]]',
  });
});
