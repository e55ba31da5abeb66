import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { addAwsEnvironments } from '../../lib/aws/aws-app';
import { addComplianceChecks } from '../../lib/aws/compliance-checks';
import { GlobalTableChecks } from '../../lib/aws/global-table-checks';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { plannedOf, withChange } from '../support/fixtures';

const compliantReplica = (region: string) => ({
  Region: region,
  PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  SSESpecification: { KMSMasterKeyId: `arn:aws:kms:${region}:123456789012:alias/test-databases` },
  Tags: [{ Key: 'backup-plan', Value: `test-databases-${region}` }],
});
const table = (replicas: object[], sse: object = { SSEEnabled: true, SSEType: 'KMS' }) => ({
  Resources: { Table: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { SSESpecification: sse, Replicas: replicas } } },
});

/** GIVEN a template, WHEN the plugin validates it, THEN these rules and locations are reported. */
function violations(template: object) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gt-')), 'stack.template.json');
  fs.writeFileSync(file, JSON.stringify(template));
  const report = new GlobalTableChecks('backup-plan').validate({ templatePaths: [file] } as never);
  return report.violations.map((v) => [v.ruleName, v.violatingResources.flatMap((r) => r.locations)]);
}

test('a compliant global table passes', () => {
  expect(violations(table([compliantReplica('eu-west-1'), compliantReplica('eu-central-1')]))).toEqual([]);
});

test('a replica without PITR is reported at that replica', () => {
  const replica = { ...compliantReplica('eu-central-1'), PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } };
  expect(violations(table([compliantReplica('eu-west-1'), replica]))).toEqual([
    ['Databases-GlobalTableReplicaPITR', ['Resources/Table/Properties/Replicas/1/PointInTimeRecoverySpecification']],
  ]);
});

test('a replica without a customer key, or a table without KMS encryption, is reported', () => {
  const { SSESpecification: _sse, ...replica } = compliantReplica('eu-central-1');
  expect(violations(table([compliantReplica('eu-west-1'), replica], { SSEEnabled: false }))).toEqual([
    ['Databases-GlobalTableReplicaCMK', ['Resources/Table/Properties/SSESpecification', 'Resources/Table/Properties/Replicas/1/SSESpecification']],
  ]);
});

test('a table no backup selection can find is reported', () => {
  const { Tags: _tags, ...replica } = compliantReplica('eu-west-1');
  expect(violations(table([replica]))).toEqual([['Databases-GlobalTableInBackupPlan', ['Resources/Table/Properties/Replicas']]]);
});

test('a development table (no AWS Backup plan in that tier) passes because it says why', () => {
  const env = validateEnvironment(
    'test',
    withChange((c) => {
      c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' } });
    }, 'development'),
  );
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
  const app = new App({ context: cdkJson.context, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'gt-app-')) });
  addComplianceChecks(app);
  addAwsEnvironments(app, [plannedOf(env)]);
  expect(() => app.synth()).not.toThrow();
});
