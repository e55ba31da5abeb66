/**
 * The guard's corpus of real config changes (docs/guard.md lists it with the verdicts): each change is made to a
 * copy of config/, synthesized with the real CLIs (cdk synth, cdktf synth) and checked by bin/guard.ts (what
 * `npm run guard` runs) against a copy of the committed baselines. Slow (two synths of several environments), so it
 * runs on its own: `npm run test:guard-corpus` (CI runs it after `npm test`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** A working copy: environment files copied (then edited), the schema linked, the baselines copied. */
function workingCopy(edits: Record<string, Array<[string, string]>>): { work: string; run: (cmd: string, args: string[]) => ReturnType<typeof spawnSync> } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-corpus-'));
  const configDir = path.join(work, 'config');
  fs.mkdirSync(configDir);
  for (const file of fs.readdirSync(path.join(ROOT, 'config')).filter((f) => f.endsWith('.ts'))) {
    let text = fs.readFileSync(path.join(ROOT, 'config', file), 'utf8');
    for (const [from, to] of edits[file.replace(/\.ts$/, '')] ?? []) {
      if (!text.includes(from)) throw new Error(`corpus edit of ${file}: '${from}' not found`);
      text = text.replace(from, to);
    }
    fs.writeFileSync(path.join(configDir, file), text);
  }
  fs.symlinkSync(path.join(ROOT, 'config', 'schema'), path.join(configDir, 'schema'), 'dir');
  fs.cpSync(path.join(ROOT, 'guard'), path.join(work, 'guard'), { recursive: true });
  const env = { ...process.env, DB_CONFIG_DIR: configDir, GUARD_ROOT: work, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: 'true' };
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' });
  return { work, run };
}

function synthAndGuard(environments: string, gcp: boolean, edits: Record<string, Array<[string, string]>>) {
  const { work, run } = workingCopy(edits);
  const aws = run(path.join(BIN, 'cdk'), ['synth', '--quiet', '-c', `env=${environments}`, '-o', path.join(work, 'cdk.out')]);
  if (aws.status !== 0) throw new Error(`cdk synth: ${aws.stderr}`);
  if (gcp) {
    const tf = run(path.join(BIN, 'cdktf'), ['synth', '--output', path.join(work, 'cdktf.out')]);
    if (tf.status !== 0) throw new Error(`cdktf synth: ${tf.stderr}${tf.stdout}`);
  }
  const guard = run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/guard.ts', '--env', environments]);
  fs.rmSync(work, { recursive: true, force: true });
  return { status: guard.status, lines: String(guard.stdout).trim().split('\n') };
}

test('routine changes pass: RDS backup retention, maintenance window, Multi-AZ on, a PostgreSQL major upgrade with its new parameter group', () => {
  const result = synthAndGuard('prod,dev', false, {
    prod: [
      [
        "      databaseName: 'orders',",
        "      databaseName: 'orders',\n      backupRetentionDays: 14,\n      preferredMaintenanceWindow: 'mon:05:00-mon:06:00',",
      ],
      ["      version: '17.6',\n      instanceClass: 'db.r7g.xlarge',", "      version: '18.3',\n      instanceClass: 'db.r7g.xlarge',"],
    ],
    dev: [["      databaseName: 'orders',", "      databaseName: 'orders',\n      highAvailability: true,"]],
  });
  expect(result).toEqual({ status: 0, lines: expect.arrayContaining(['Replacement guard: 2 environment(s) checked (dev, prod), no unapproved replacement.']) });
}, 300_000);

test('missed classes are caught: a DynamoDB replica region removed, a Cloud SQL disk shrunk, a stack moved to another account', () => {
  const result = synthAndGuard('prod,staging', true, {
    prod: [
      ["      replicaRegions: ['eu-central-1'],", '      replicaRegions: [],'],
      ['      diskSizeGb: 250,', '      diskSizeGb: 100,'],
    ],
    staging: [["    account: '222222222222',", "    account: '444444444444',"]],
  });
  expect(result.status).toBe(1);
  const text = result.lines.join('\n');
  expect(text).toMatch(
    /prod › prod-dynamodb-sessions › Table\w+ \(AWS::DynamoDB::GlobalTable\) would be changed so that data is lost because Replicas changes \(the replica in eu-central-1 would be deleted with its items\)/,
  );
  expect(text).toMatch(
    /prod › prod-cloudsql-ledger › google_sql_database_instance\.\S+ \(google_sql_database_instance\) would be replaced because settings\.disk_size changes/,
  );
  expect(text).toMatch(
    /staging › staging-rds-orders › DatabaseInstance\w+ \(AWS::RDS::DBInstance\) would be orphaned \(its stack moves to another account or region\) \(aws:\/\/222222222222\/eu-west-1 → aws:\/\/444444444444\/eu-west-1/,
  );
}, 300_000);
