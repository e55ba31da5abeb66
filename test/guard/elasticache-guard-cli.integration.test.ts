/**
 * The guard on an ElastiCache replication group, as a user runs it: the real CDK CLI synthesizes an environment of a
 * copied config folder (dev's file as `qa`, with its Valkey cache), `npm run guard -- --approve` records the
 * baseline, then a crafted config change is synthesized and checked. CloudFormation replaces a replication group
 * when its Port changes (cloudformation-diff's spec: Port, Engine, KmsKeyId, CacheSubnetGroupName, … replace), which
 * empties the cache: blocked. A snapshot retention change updates in place: passes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-cache-'));
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

/** Edits the cache block of qa.ts (the one `kind: 'elasticache-cluster'` entry). */
function editCache(extra: string) {
  const text = fs.readFileSync(path.join(ROOT, 'config', 'dev.ts'), 'utf8');
  const marker = "kind: 'elasticache-cluster',";
  if (!text.includes(marker)) throw new Error('config/dev.ts declares no ElastiCache cluster');
  fs.writeFileSync(qa, text.replace(marker, `${marker} ${extra}`));
}

beforeAll(() => {
  fs.mkdirSync(configDir);
  fs.symlinkSync(path.join(ROOT, 'config', 'schema'), path.join(configDir, 'schema'), 'dir');
  fs.mkdirSync(path.join(work, 'guard', 'baseline'), { recursive: true });
  editCache('');
  synth();
  const approve = guard('--approve');
  if (approve.status !== 0) throw new Error(`guard --approve failed: ${approve.stdout.join('\n')}`);
}, 180_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('a new port replaces the replication group: blocked, with the resource, the property and the fix', () => {
  editCache('port: 6380,');
  synth();
  const result = guard();
  expect(result.status).toBe(1);
  const line = result.stdout.find((l) => l.includes('AWS::ElastiCache::ReplicationGroup'));
  expect(line).toMatch(
    /^qa › qa-elasticache-session-cache › CacheReplicationGroup[0-9A-F]{8} \(AWS::ElastiCache::ReplicationGroup\) would be replaced because Port changes/,
  );
  expect(line).toContain(
    "Fix: revert the change, or if it is intended add to config/qa.ts approvedReplacements: [{ resource: 'qa-elasticache-session-cache/CacheReplicationGroup",
  );
}, 180_000);

test('a longer snapshot retention updates in place: passes', () => {
  editCache('snapshotRetentionDays: 3,');
  synth();
  const result = guard();
  expect(result.stdout.filter((l) => l.includes('ElastiCache'))).toEqual([]);
  expect(result.status).toBe(0);
}, 180_000);
