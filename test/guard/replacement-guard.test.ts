import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { addAwsEnvironments, loadSelectedEnvironments } from '../../lib/aws/aws-app';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { guardedCfnResources } from '../../lib/guard/cloudformation-changes';
import type { EnvironmentTemplates } from '../../lib/guard/environment-templates';
import { readBaseline, writeBaseline } from '../../lib/guard/environment-templates';
import { formatFinding } from '../../lib/guard/guard-finding';
import { guardEnvironment } from '../../lib/guard/guard-environment';
import { runGuard } from '../../lib/guard/run-guard';
import { guardedTerraformResources } from '../../lib/guard/terraform-changes';
import { buildPlan } from '../../lib/plan/build-plan';
import { testApp } from '../support/fixtures';

/** The approved state: prod as synthesized from config/prod.ts, both clouds. */
const [prod] = loadSelectedEnvironments('prod');
function synthesizeProd(): EnvironmentTemplates {
  const [stage] = addAwsEnvironments(testApp(), [prod]);
  const aws = Object.fromEntries(stage.synth().stacks.map((s) => [s.stackName, guardedCfnResources(s.template)]));
  const gcpStacks = addGcpEnvironment(Testing.app(), buildPlan(prod))!;
  const gcp = Object.fromEntries(
    [gcpStacks.foundation, ...gcpStacks.cloudSqlInstances].map((s) => [s.node.id, guardedTerraformResources(JSON.parse(Testing.synth(s)))]),
  );
  return { aws, gcp };
}
const approved = synthesizeProd();

/** GIVEN the approved templates, WHEN `change` is applied to a copy, THEN the guard reports these messages. */
function guardAfter(change: (t: EnvironmentTemplates) => void, approvals: Array<{ resource: string; reason: string }> = []) {
  const current = structuredClone(approved);
  change(current);
  return guardEnvironment('prod', approved, current, approvals);
}
const messages = (change: (t: EnvironmentTemplates) => void) => guardAfter(change).blocked.map(formatFinding);

const rdsStack = (t: EnvironmentTemplates) => t.aws['prod-rds-orders'].Resources!;
const logicalIdOf = (resources: Record<string, any>, type: string) => Object.keys(resources).find((id) => resources[id].Type === type)!;
const instanceId = logicalIdOf(rdsStack(approved), 'AWS::RDS::DBInstance');
const fix = (resource: string) =>
  `Fix: revert the change, or if it is intended add to config/prod.ts approvedReplacements: [{ resource: '${resource}', reason: '<why this is safe>' }], then run \`npm run guard -- --approve\`.`;

test('the approved state itself passes', () => {
  expect(guardAfter(() => undefined)).toEqual({ blocked: [], approved: [], unusedApprovals: [] });
});

test('only stateful resources are kept in the baseline', () => {
  const types = new Set(Object.values(approved.aws).flatMap((t) => Object.values(t.Resources!).map((r) => r.Type)));
  expect([...types].sort()).toEqual(['AWS::Backup::BackupVault', 'AWS::DynamoDB::GlobalTable', 'AWS::KMS::Key', 'AWS::RDS::DBCluster', 'AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBInstance', 'AWS::RDS::DBParameterGroup', 'AWS::RDS::GlobalCluster']);
  expect(Object.keys(approved.gcp['prod-cloudsql-ledger'].resource!)).toEqual(['google_sql_database_instance']);
});

test('renaming a database logical id is caught (the retained instance would be orphaned and a new one created)', () => {
  expect(messages((t) => {
    const resources = rdsStack(t);
    resources.RenamedInstance = resources[instanceId];
    delete resources[instanceId];
  })).toEqual([
    `prod › prod-rds-orders › ${instanceId} (AWS::RDS::DBInstance) would be orphaned (removed from the stack). ${fix(`prod-rds-orders/${instanceId}`)}`,
  ]);
});

test("changing a database's engine is caught", () => {
  expect(messages((t) => ((rdsStack(t)[instanceId].Properties as any).Engine = 'mysql'))).toEqual([
    `prod › prod-rds-orders › ${instanceId} (AWS::RDS::DBInstance) would be possibly replaced because Engine changes. ${fix(`prod-rds-orders/${instanceId}`)}`,
  ]);
});

test("changing a database's KMS key is caught", () => {
  expect(messages((t) => ((rdsStack(t)[instanceId].Properties as any).KmsKeyId = 'arn:aws:kms:eu-west-1:333333333333:alias/other'))).toEqual([
    `prod › prod-rds-orders › ${instanceId} (AWS::RDS::DBInstance) would be replaced because KmsKeyId changes. ${fix(`prod-rds-orders/${instanceId}`)}`,
  ]);
});

test('removing a table is caught', () => {
  const table = { Type: 'AWS::DynamoDB::GlobalTable', DeletionPolicy: 'Retain', Properties: { TableName: 'prod-sessions' } };
  const withTable = structuredClone(approved);
  withTable.aws['prod-dynamodb-sessions'] = { Resources: { Table: table } };
  const result = guardEnvironment('prod', withTable, approved, []);
  expect(result.blocked.map(formatFinding)).toEqual([
    `prod › prod-dynamodb-sessions › Table (AWS::DynamoDB::GlobalTable) would be orphaned (removed from the stack). ${fix('prod-dynamodb-sessions/Table')}`,
  ]);
});

test("moving a Cloud SQL instance to another region is caught", () => {
  const address = (t: EnvironmentTemplates) => t.gcp['prod-cloudsql-ledger'].resource!.google_sql_database_instance;
  const name = Object.keys(address(approved))[0];
  expect(messages((t) => (address(t)[name].region = 'europe-west4'))).toEqual([
    `prod › prod-cloudsql-ledger › google_sql_database_instance.${name} (google_sql_database_instance) would be replaced because region changes. ${fix(`prod-cloudsql-ledger/google_sql_database_instance.${name}`)}`,
  ]);
});

test('removing a Cloud SQL key is caught', () => {
  const keys = (t: EnvironmentTemplates) => t.gcp['prod-foundation'].resource!.google_kms_crypto_key;
  const [first] = Object.keys(keys(approved));
  expect(messages((t) => delete keys(t)[first])).toEqual([
    `prod › prod-foundation › google_kms_crypto_key.${first} (google_kms_crypto_key) would be destroyed. ${fix(`prod-foundation/google_kms_crypto_key.${first}`)}`,
  ]);
});

test('benign changes pass: an alarm threshold (not guarded), a tag, a class change (in-place update)', () => {
  const result = guardAfter((t) => {
    const instance = rdsStack(t)[instanceId].Properties as any;
    instance.Tags = [...instance.Tags, { Key: 'owner', Value: 'payments' }];
    instance.DBInstanceClass = 'db.r7g.2xlarge';
    (t.gcp['prod-cloudsql-ledger'].resource!.google_sql_database_instance as any)[
      Object.keys(t.gcp['prod-cloudsql-ledger'].resource!.google_sql_database_instance)[0]
    ].settings.tier = 'db-custom-8-32768';
  });
  expect(result.blocked).toEqual([]);
});

test('an approval in config lets an intended replacement through; a stale approval is pointed out', () => {
  const resource = `prod-rds-orders/${instanceId}`;
  const result = guardAfter((t) => ((rdsStack(t)[instanceId].Properties as any).KmsKeyId = 'alias/other'), [
    { resource, reason: 'moving to the new key before the old one is retired' },
    { resource: 'prod-rds-orders/Gone', reason: 'an approval that was already applied' },
  ]);
  expect(result.blocked).toEqual([]);
  expect(result.approved.map((a) => [a.finding.resource, a.reason])).toEqual([[instanceId, 'moving to the new key before the old one is retired']]);
  expect(result.unusedApprovals.map((a) => a.resource)).toEqual(['prod-rds-orders/Gone']);
});

describe('runGuard', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'guard-'));
  const changed = () => {
    const current = structuredClone(approved);
    (rdsStack(current)[instanceId].Properties as any).KmsKeyId = 'alias/other';
    return current;
  };

  test('--approve refuses to record an unapproved replacement, and records it once approved in config', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const outputs = new Map([['prod', changed()]]);

    const refused = runGuard({ outputs, environments: [prod], baselineDir, approve: true });
    expect(refused.ok).toBe(false);
    expect(readBaseline(baselineDir, 'prod')).toEqual(JSON.parse(JSON.stringify(approved)));

    const withApproval = { ...prod, approvedReplacements: [{ resource: `prod-rds-orders/${instanceId}`, reason: 'key rotation to a new CMK' }] };
    const accepted = runGuard({ outputs, environments: [withApproval], baselineDir, approve: true });
    expect(accepted.ok).toBe(true);
    expect(readBaseline(baselineDir, 'prod')).toEqual(JSON.parse(JSON.stringify(changed())));
  });

  test('an environment with a baseline but no synthesized output fails with the fix', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const report = runGuard({ outputs: new Map(), environments: [prod], baselineDir, approve: false });
    expect(report).toEqual({
      ok: false,
      lines: ['prod: no synthesized output to check; run `npm run synth` first.', 'Replacement guard: 1 problem(s) block this change.'],
    });
  });
});
