/**
 * The compliance gate under the CDK CLI (aws-cdk 2.1148 exits 0 on validation failures unless the app fails itself):
 * an unacknowledged finding fails `cdk synth`, `cdk synth -c env=…` and `cdk deploy`; so does a template that breaks a
 * resource schema (aws-cdk-lib's built-in validation, which the unit set leaves out); every engine row synthesizes clean.
 */
import * as fs from 'fs';
import * as path from 'path';
import { withChange } from '../support/fixtures';
import { cdkSynthOf, configFolder, dataConfigFolder, ROOT, runCommand, tempOutput } from './run-command';

const probeApp = `node -r ts-node/register/transpile-only ${path.join('test', 'cli', 'apps', 'unacknowledged-finding.ts')}`;
const devOnly = configFolder({ 'dev.ts': fs.readFileSync(path.join(ROOT, 'config', 'dev.ts'), 'utf8').replace("'./schema'", "'{{schema}}'") });

test.each([
  ['cdk synth', ['synth', '--quiet']],
  ['cdk synth -c env=dev', ['synth', '--quiet', '-c', 'env=dev']],
  ['cdk deploy (which synthesizes first)', ['deploy', '--all', '--require-approval', 'never']],
])('an unacknowledged finding fails %s, naming the finding, without a stack trace', (_name, args) => {
  const result = runCommand('npx', ['cdk', '--app', probeApp, '-o', tempOutput('cdk-gate-'), ...args], { DB_CONFIG_DIR: devOnly });
  // The CLI passes the app's stderr on to stdout or stderr depending on CI: read both.
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toContain("Acknowledge with 'AwsSolutions::AwsSolutions-SNS3'");
  expect(output).toContain('gate-probe/PlainTopic/Resource');
  expect(output).toMatch(/A copy of this report can be found in: .*validation-report\.json/);
  expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
});

test("a template that breaks CloudFormation's resource schema fails `cdk synth` (aws-cdk-lib's built-in validation runs there)", () => {
  const templateProbe = `node -r ts-node/register/transpile-only ${path.join('test', 'cli', 'apps', 'template-error.ts')}`;
  const result = runCommand('npx', ['cdk', '--app', templateProbe, '-o', tempOutput('cdk-template-'), 'synth', '--quiet', '-c', 'env=dev'], {
    DB_CONFIG_DIR: devOnly,
  });
  const output = result.stdout + result.stderr;
  expect(result.status).not.toBe(0);
  expect(output).toContain("NotAProperty: Additional properties are not allowed ('NotAProperty' was unexpected) (CloudFormation Validate)");
  expect(output).toContain('template-probe/BadParameter');
});

test('every RDS engine and edition and both Aurora engines synthesize with no unacknowledged finding through `cdk synth`', () => {
  const every = configFolder({
    'dev.ts': `import { defineEnvironment } from '{{schema}}';
export default defineEnvironment({
  tier: 'development',
  aws: {
    account: '111111111111', primaryRegion: 'eu-west-1',
    regions: { 'eu-west-1': { network: { type: 'isolated', cidr: '10.10.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'] } } },
    notifications: { emails: ['db-alerts-dev@example.com'] },
  },
  databases: [
    { kind: 'rds-instance', name: 'pg', engine: 'postgres', version: '17.6', instanceClass: 'db.t4g.medium', allocatedStorageGiB: 20, allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'my', engine: 'mysql', version: '8.4.6', instanceClass: 'db.t4g.medium', allocatedStorageGiB: 20, allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'maria', engine: 'mariadb', version: '10.11.14', instanceClass: 'db.t4g.medium', allocatedStorageGiB: 20, allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'sqlex', engine: 'sqlserver-ex', version: '16.00.4215.2.v1', instanceClass: 'db.t3.small', allocatedStorageGiB: 20, licenseModel: 'license-included', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'sqlweb', engine: 'sqlserver-web', version: '16.00.4215.2.v1', instanceClass: 'db.m5.large', allocatedStorageGiB: 20, licenseModel: 'license-included', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'sqlse', engine: 'sqlserver-se', version: '16.00.4215.2.v1', instanceClass: 'db.m5.large', allocatedStorageGiB: 20, licenseModel: 'license-included', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'sqlee', engine: 'sqlserver-ee', version: '16.00.4215.2.v1', instanceClass: 'db.m5.xlarge', allocatedStorageGiB: 20, licenseModel: 'license-included', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'orase2', engine: 'oracle-se2', version: '19.0.0.0.ru-2025-10.rur-2025-10.r1', instanceClass: 'db.m5.large', allocatedStorageGiB: 20, licenseModel: 'license-included', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'rds-instance', name: 'oraee', engine: 'oracle-ee', version: '19.0.0.0.ru-2025-10.rur-2025-10.r1', instanceClass: 'db.m5.large', allocatedStorageGiB: 20, licenseModel: 'bring-your-own-license', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'aurora-cluster', name: 'amy', engine: 'aurora-mysql', version: '8.0.mysql_aurora.3.10.1', instanceClass: 'db.r6g.large', allowedCidrs: ['10.10.0.0/16'] },
    { kind: 'aurora-cluster', name: 'apg', engine: 'aurora-postgresql', version: '17.6', instanceClass: 'db.r6g.large', allowedCidrs: ['10.10.0.0/16'] },
  ],
});
`,
  });
  const out = tempOutput('cdk-every-engine-');
  const result = runCommand('npx', ['cdk', 'synth', '--quiet', '-o', out], { DB_CONFIG_DIR: every });
  expect(result.stderr).not.toContain('ERROR');
  expect(result.status).toBe(0);
  const report = JSON.parse(fs.readFileSync(path.join(out, 'validation-report.json'), 'utf8'));
  expect(report.pluginReports.filter((r: any) => r.conclusion === 'failure').map((r: any) => r.violations.map((v: any) => v.ruleName))).toEqual([]);
});

describe("policy 'least-privilege' through `cdk synth`", () => {
  // GIVEN a production environment whose RDS database declares no role (the fixture's Cloud SQL database keeps its role).
  const withoutRoles = withChange((c) => (c.databases[0].roles = []));

  test('a production database without roles fails synth, naming the database, the rule and the fix; nothing is written', () => {
    const result = cdkSynthOf(dataConfigFolder(withoutRoles));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "bad › orders › databases[0].roles = []: declares no roles, so applications would connect as the master user (policy 'least-privilege': Production applications connect as declared roles, not the master user).",
    );
    expect(result.output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
    expect(result.wroteAssembly).toBe(false);
  });

  test('the same database with a waiver and its reason synthesizes', () => {
    const waived = structuredClone(withoutRoles) as any;
    waived.databases[0].waivers = [{ rule: 'least-privilege', reason: 'a vendor application that supports one login only' }];
    const result = cdkSynthOf(dataConfigFolder(waived));
    expect(result.output).not.toContain('least-privilege');
    expect(result.status).toBe(0);
    expect(result.wroteAssembly).toBe(true);
  });
});
