/**
 * The apps, run as processes the way `cdk synth` / `cdktf synth` run them, refuse a bad config (a schema problem, a
 * policy violation) with a non-zero exit and write no output at all: no half-written cloud assembly.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixtureConfig, withChange } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');

function configDir(environments: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-config-'));
  for (const [name, config] of Object.entries(environments)) fs.writeFileSync(path.join(dir, `${name}.js`), `module.exports = ${JSON.stringify(config)};\n`);
  return dir;
}

function runApp(app: string, dir: string, outdir: string) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', app], {
    cwd: ROOT,
    env: { ...process.env, DB_CONFIG_DIR: dir, CDK_OUTDIR: outdir, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
}

test('the CDK app exits non-zero on a bad config before writing any output', () => {
  const dir = configDir({ broken: { ...fixtureConfig(), tier: 'prod' } });
  const outdir = path.join(dir, 'cdk.out');
  const result = runApp('bin/aws.ts', dir, outdir);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('broken › tier = "prod": must be one of development, staging, production.');
  expect(fs.existsSync(outdir)).toBe(false);
});

test.each(['bin/aws.ts', 'bin/gcp.ts'])('%s refuses a policy violation before writing anything', (app) => {
  const dir = configDir({ prod: withChange((c) => (c.databases[0].highAvailability = false)) });
  const outdir = path.join(dir, `out-${path.basename(app, '.ts')}`);
  const result = runApp(app, dir, outdir);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('prod › orders › databases[0].highAvailability = false: a production database must survive the loss of a zone');
  expect(fs.existsSync(outdir)).toBe(false);
});
