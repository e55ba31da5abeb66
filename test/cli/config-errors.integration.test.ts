/**
 * Config problems reach the user as the README shows them — the block alone, every problem at once (a schema problem
 * of one database and a cross-field problem of another), no stack trace or object dump — from every command.
 */
import * as fs from 'fs';
import * as path from 'path';
import { configFolder, ROOT, runCommand, tempOutput } from './run-command';

const dev = fs.readFileSync(path.join(ROOT, 'config', 'dev.ts'), 'utf8').replace("'./schema'", "'{{schema}}'");
const badDev = dev
  .replace("databaseName: 'orders',", "databaseName: 'orders',\n      backupRetentionDays: 40,")
  .replace("databaseName: 'catalog',", "databaseName: 'catalog',\n      backupRetentionDays: 0,");
const folder = configFolder({ 'dev.ts': badDev });
const source = path.relative(ROOT, path.join(folder, 'dev.ts'));

const EXPECTED = [
  'Invalid database configuration (2 problems):',
  `  - dev › orders › databases[0].backupRetentionDays = 40: must be from 0 to 35 days (RDS limit). Fix: change databases[0].backupRetentionDays in ${source}`,
  '  - dev › catalog › databases[1].backupRetentionDays = 0: must be at least 1 day when pointInTimeRecovery is on (RDS point-in-time recovery needs automated backups). Fix: set backupRetentionDays from 1 to 35, or set pointInTimeRecovery: false',
].join('\n');

test.each([
  ['cdk synth', 'npx', ['cdk', 'synth', '--quiet', '-o', tempOutput('cdk-config-errors-')]],
  ['cdktf synth', 'npx', ['cdktf', 'synth', '--output', tempOutput('cdktf-config-errors-')]],
  ['npm run guard', 'npm', ['run', '--silent', 'guard']],
  ['npm run inventory', 'npm', ['run', '--silent', 'inventory']],
])('%s prints the problems as one clean block and exits 1', (_name, command, args) => {
  const result = runCommand(command, args, { DB_CONFIG_DIR: folder });
  const output = result.stdout + result.stderr;
  expect(result.status).toBe(1);
  expect(output).toContain(EXPECTED);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('problems: [');
  expect(output).not.toContain('ConfigError:');
});

test('a config file whose default export is not an environment is named, with what it must export', () => {
  const folder = configFolder({ 'qa.ts': "import { defineEnvironment } from '{{schema}}';\nexport default () => defineEnvironment({} as any);\n" });
  const result = runCommand('npm', ['run', '--silent', 'inventory'], { DB_CONFIG_DIR: folder });
  const file = path.relative(ROOT, path.join(folder, 'qa.ts'));
  expect(result.status).toBe(1);
  expect(result.stdout + result.stderr).toContain(
    'Invalid database configuration (1 problem):\n' +
      `  - qa › (environment) = (a function): ${file} must export an environment object as its default export, not a function. ` +
      `Fix: write \`export default defineEnvironment({ tier: …, databases: […] })\` in ${file} (import defineEnvironment from the schema)`,
  );
});

test('an unknown environment selection is one line, not a stack trace', () => {
  const result = runCommand('npx', ['cdk', 'synth', '--quiet', '-c', 'env=nope', '-o', tempOutput('cdk-unknown-env-')], {
    DB_CONFIG_DIR: configFolder({ 'dev.ts': dev }),
  });
  const output = result.stdout + result.stderr;
  expect(result.status).toBe(1);
  expect(output).toContain("Unknown environment 'nope'. Available: dev.");
  expect(output).not.toMatch(/^\s+at /m);
});
