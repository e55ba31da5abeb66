/** The pipeline app through the real CDK CLI, as a team runs it: offline, no credentials. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import devConfig from '../../config/dev';
import prodConfig from '../../config/prod';
import stagingConfig from '../../config/staging';
import sampleDelivery from '../../config/delivery/pipeline';
import { runCommand, tempOutput } from '../cli/run-command';

const PIPELINE_APP = 'node -r ts-node/register/transpile-only bin/pipeline.ts';
const synthPipeline = (outdir: string, env: Record<string, string> = {}) =>
  runCommand('npx', ['cdk', 'synth', '--quiet', '-a', PIPELINE_APP, '-o', outdir], env);

test('`cdk synth` of the pipeline app writes the pipeline, its stages and passes the compliance checks, offline', () => {
  const outdir = tempOutput('pipeline-cli-');
  const result = synthPipeline(outdir, { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' });
  expect(result.stdout + result.stderr).toContain(`Successfully synthesized to ${outdir}`);
  expect(result.status).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  expect(Object.keys(manifest.artifacts)).toEqual(expect.arrayContaining(['Delivery', 'assembly-dev', 'assembly-staging', 'assembly-prod']));
  expect(manifest.artifacts.Delivery.properties.terminationProtection).toBe(true);

  const report = runCommand('npm', ['run', '--silent', 'compliance:report', '--', outdir]);
  expect(report.stdout).toContain('Compliance report: no unacknowledged finding.');
  expect(report.status).toBe(0);
}, 240_000);

test('a bad delivery config stops synth with the exact problem and writes nothing', () => {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-cli-config-'));
  for (const [name, config] of Object.entries({ dev: devConfig, staging: stagingConfig, prod: prodConfig })) {
    fs.writeFileSync(path.join(configDir, `${name}.js`), `module.exports = ${JSON.stringify(config)};\n`);
  }
  fs.mkdirSync(path.join(configDir, 'delivery'));
  const bad = { ...sampleDelivery, pipeline: { ...sampleDelivery.pipeline, account: '44444444444' } };
  fs.writeFileSync(path.join(configDir, 'delivery', 'pipeline.js'), `module.exports = ${JSON.stringify(bad)};\n`);
  const outdir = tempOutput('pipeline-cli-bad-');

  const result = synthPipeline(outdir, { DB_CONFIG_DIR: configDir });
  const source = path.relative(path.resolve(__dirname, '..', '..'), path.join(configDir, 'delivery', 'pipeline.js'));
  expect(result.stderr).toContain(
    `Invalid database configuration (1 problem):\n  - delivery › pipeline.account = "44444444444": must be a 12-digit AWS account id. Fix: change pipeline.account in ${source}`,
  );
  expect(result.status).not.toBe(0);
  expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
}, 240_000);

test('without a delivery config, synth says where to write one', () => {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-cli-none-'));
  const result = synthPipeline(tempOutput('pipeline-cli-none-out-'), { DB_CONFIG_DIR: configDir });
  expect(result.stderr).toContain('No delivery config: ');
  expect(result.stderr).toContain('pipeline-cli-none-');
  expect(result.stderr).toContain(
    '/delivery/pipeline.ts does not exist. Write `export default defineDelivery({ pipeline: …, source: …, environments: […] })` there (README: "Deploying through a pipeline").',
  );
  expect(result.status).not.toBe(0);
}, 240_000);
