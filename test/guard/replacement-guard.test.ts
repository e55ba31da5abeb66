import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { guardedCfnResources } from '../../lib/guard/cloudformation-changes';
import type { EnvironmentTemplates } from '../../lib/guard/environment-templates';
import { readBaseline, writeBaseline } from '../../lib/guard/environment-templates';
import { formatFinding } from '../../lib/guard/guard-finding';
import { guardEnvironment } from '../../lib/guard/guard-environment';
import { runGuard } from '../../lib/guard/run-guard';
import { guardedTerraformResources } from '../../lib/guard/terraform-changes';
import { testApp } from '../support/fixtures';

/** The approved state: prod as synthesized from config/prod.ts, both clouds. */
const [{ environment: prod, plan: prodPlan }] = planSelectedEnvironments('prod');
function synthesizeProd(): EnvironmentTemplates {
  const [stage] = addAwsEnvironments(testApp(), [{ environment: prod, plan: prodPlan }]);
  const aws = Object.fromEntries(stage.synth().stacks.map((s) => [s.stackName, guardedCfnResources(s.template)]));
  const gcpStacks = addGcpEnvironment(Testing.app(), prodPlan)!;
  const gcp = Object.fromEntries(
    [gcpStacks.foundation, ...gcpStacks.databaseStacks].map((s) => [s.node.id, guardedTerraformResources(JSON.parse(Testing.synth(s)))]),
  );
  return { aws, gcp };
}
const approved = synthesizeProd();

/** GIVEN the approved templates, WHEN `change` is applied to a copy, THEN the guard reports these messages. */
function guardAfter(change: (t: EnvironmentTemplates) => void, approvals: Array<{ resource: string; change: string; reason: string }> = []) {
  const current = structuredClone(approved);
  change(current);
  return guardEnvironment('prod', approved, current, approvals);
}
/** The messages, with each change fingerprint (tested on its own below) shown as <change>. */
const withoutFingerprint = (message: string) => message.replace(/change: '[0-9a-f]{12}'/, "change: '<change>'");
const messages = (change: (t: EnvironmentTemplates) => void) => guardAfter(change).blocked.map(formatFinding).map(withoutFingerprint);

const rdsStack = (t: EnvironmentTemplates) => t.aws['prod-rds-orders'].Resources!;
const logicalIdOf = (resources: Record<string, any>, type: string) => Object.keys(resources).find((id) => resources[id].Type === type)!;
const instanceId = logicalIdOf(rdsStack(approved), 'AWS::RDS::DBInstance');
const fix = (resource: string) =>
  `Fix: revert the change, or if it is intended add to config/prod.ts approvedReplacements: [{ resource: '${resource}', change: '<change>', reason: '<why this is safe>' }], then run \`npm run guard -- --approve\`.`;

test('the approved state itself passes', () => {
  expect(guardAfter(() => undefined)).toEqual({ blocked: [], approved: [], unusedApprovals: [] });
});

test('only stateful resources are kept in the baseline', () => {
  const types = new Set(Object.values(approved.aws).flatMap((t) => Object.values(t.Resources!).map((r) => r.Type)));
  expect([...types].sort()).toEqual([
    'AWS::Backup::BackupVault',
    'AWS::DynamoDB::GlobalTable',
    'AWS::ElastiCache::GlobalReplicationGroup',
    'AWS::ElastiCache::ReplicationGroup',
    'AWS::KMS::Key',
    'AWS::RDS::DBCluster',
    'AWS::RDS::DBClusterParameterGroup',
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBParameterGroup',
    'AWS::RDS::GlobalCluster',
    'AWS::SecretsManager::Secret',
    'Custom::DatabaseAccess',
  ]);
  // The instance, and its logical databases, users and their credentials (the password secrets, not the contract's).
  expect(Object.keys(approved.gcp['prod-cloudsql-ledger'].resource!).sort()).toEqual([
    'google_secret_manager_secret',
    'google_secret_manager_secret_version',
    'google_sql_database',
    'google_sql_database_instance',
    'google_sql_user',
    'random_password',
  ]);
  const secrets = Object.values(approved.gcp['prod-cloudsql-ledger'].resource!.google_secret_manager_secret ?? {}) as Array<{
    annotations?: Record<string, string>;
  }>;
  expect(secrets.map((secret) => secret.annotations?.content)).toEqual(secrets.map(() => 'credential'));
});

test('renaming a database logical id is caught (the retained instance would be orphaned and a new one created)', () => {
  expect(
    messages((t) => {
      const resources = rdsStack(t);
      resources.RenamedInstance = resources[instanceId];
      delete resources[instanceId];
    }),
  ).toEqual([
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
  expect(result.blocked.map(formatFinding).map(withoutFingerprint)).toEqual([
    `prod › prod-dynamodb-sessions › Table (AWS::DynamoDB::GlobalTable) would be orphaned (removed from the stack). ${fix('prod-dynamodb-sessions/Table')}`,
  ]);
});

test('moving a Cloud SQL instance to another region is caught', () => {
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

const rotateKey = (t: EnvironmentTemplates) => ((rdsStack(t)[instanceId].Properties as any).KmsKeyId = 'alias/other');
const fingerprintOf = (change: (t: EnvironmentTemplates) => void) => guardAfter(change).blocked[0].change;

test('an approval names the change it was given for: that change passes; a stale or misspelled entry is pointed out', () => {
  const resource = `prod-rds-orders/${instanceId}`;
  const result = guardAfter(rotateKey, [
    { resource, change: fingerprintOf(rotateKey), reason: 'moving to the new key before the old one is retired' },
    { resource: 'prod-rds-orders/Gone', change: '0123456789ab', reason: 'an approval that was already applied' },
  ]);
  expect(result.blocked).toEqual([]);
  expect(result.approved.map((a) => [a.finding.resource, a.reason])).toEqual([[instanceId, 'moving to the new key before the old one is retired']]);
  expect(result.unusedApprovals.map((a) => a.resource)).toEqual(['prod-rds-orders/Gone']);
});

test('a leftover approval does not let a later, different replacement of the same resource through', () => {
  const resource = `prod-rds-orders/${instanceId}`;
  const approval = { resource, change: fingerprintOf(rotateKey), reason: 'moving to the new key before the old one is retired' };
  const otherKey = (t: EnvironmentTemplates) => ((rdsStack(t)[instanceId].Properties as any).KmsKeyId = 'alias/yet-another');
  expect(fingerprintOf(otherKey)).not.toEqual(approval.change);
  const result = guardAfter(otherKey, [approval]);
  expect(result.blocked.map((f) => f.resource)).toEqual([instanceId]);
  expect(result.unusedApprovals).toEqual([approval]);
});

test('a fingerprint is 12 hex digits and the same for the same change', () => {
  expect(fingerprintOf(rotateKey)).toMatch(/^[0-9a-f]{12}$/);
  expect(fingerprintOf(rotateKey)).toEqual(fingerprintOf(rotateKey));
});

describe('routine RDS changes pass (decided per property, conditional-updates.ts)', () => {
  const instance = (t: EnvironmentTemplates) => rdsStack(t)[instanceId].Properties as any;
  test.each([
    ['BackupRetentionPeriod 35 → 14', (t: EnvironmentTemplates) => (instance(t).BackupRetentionPeriod = 14)],
    ['MultiAZ on → off', (t: EnvironmentTemplates) => (instance(t).MultiAZ = false)],
    ['PreferredMaintenanceWindow moved', (t: EnvironmentTemplates) => (instance(t).PreferredMaintenanceWindow = 'mon:01:00-mon:02:00')],
    ['DBParameterGroupName pointing at another group', (t: EnvironmentTemplates) => (instance(t).DBParameterGroupName = 'prod-orders-postgres18')],
  ])('%s', (_name, change) => {
    expect(guardAfter(change).blocked).toEqual([]);
  });

  test('a major-version upgrade with a new parameter group passes: the retained old group stays, the instance is upgraded in place', () => {
    const groupId = logicalIdOf(rdsStack(approved), 'AWS::RDS::DBParameterGroup');
    expect(rdsStack(approved)[groupId].UpdateReplacePolicy).toBe('Retain');
    const result = guardAfter((t) => {
      instance(t).EngineVersion = '18.3';
      const group = rdsStack(t)[groupId].Properties as any;
      group.Family = 'postgres18';
      group.Description = 'prod-orders (postgres18)';
    });
    expect(result.blocked).toEqual([]);
  });

  test('BackupRetentionPeriod 0 is blocked: it deletes the automated backups', () => {
    expect(messages((t) => (instance(t).BackupRetentionPeriod = 0))).toEqual([
      `prod › prod-rds-orders › ${instanceId} (AWS::RDS::DBInstance) would be changed so that data is lost because BackupRetentionPeriod changes (BackupRetentionPeriod 0 deletes the automated backups (point-in-time recovery history)). ${fix(`prod-rds-orders/${instanceId}`)}`,
    ]);
  });
});

test("removing a DynamoDB global table's replica region is caught (that region's table and items are deleted)", () => {
  const stack = (t: EnvironmentTemplates) => t.aws['prod-dynamodb-sessions'].Resources!;
  const tableId = logicalIdOf(stack(approved), 'AWS::DynamoDB::GlobalTable');
  expect(
    messages((t) => {
      const table = stack(t)[tableId].Properties as any;
      table.Replicas = table.Replicas.filter((r: { Region: string }) => r.Region !== 'eu-central-1');
    }),
  ).toEqual([
    `prod › prod-dynamodb-sessions › ${tableId} (AWS::DynamoDB::GlobalTable) would be changed so that data is lost because Replicas changes (the replica in eu-central-1 would be deleted with its items). ${fix(`prod-dynamodb-sessions/${tableId}`)}`,
  ]);
});

test('moving an ElastiCache group from Redis OSS to Valkey through CloudFormation is caught (Engine replaces the group: an empty cache)', () => {
  const stack = (t: EnvironmentTemplates) => t.aws['prod-elasticache-session-cache'].Resources!;
  const groupId = logicalIdOf(stack(approved), 'AWS::ElastiCache::ReplicationGroup');
  expect(messages((t) => ((stack(t)[groupId].Properties as any).Engine = 'redis'))).toEqual([
    `prod › prod-elasticache-session-cache › ${groupId} (AWS::ElastiCache::ReplicationGroup) would be replaced because Engine changes. ${fix(`prod-elasticache-session-cache/${groupId}`)}`,
  ]);
});

describe('Cloud SQL disk size (ForceNewIfChange on shrinkage)', () => {
  const instances = (t: EnvironmentTemplates) => t.gcp['prod-cloudsql-ledger'].resource!.google_sql_database_instance as any;
  const name = Object.keys(instances(approved))[0];
  test('shrinking the disk is caught', () => {
    expect(messages((t) => (instances(t)[name].settings.disk_size = 100))).toEqual([
      `prod › prod-cloudsql-ledger › google_sql_database_instance.${name} (google_sql_database_instance) would be replaced because settings.disk_size changes (the provider replaces the instance when the disk shrinks). ${fix(`prod-cloudsql-ledger/google_sql_database_instance.${name}`)}`,
    ]);
  });
  test('growing the disk passes', () => {
    expect(guardAfter((t) => (instances(t)[name].settings.disk_size = 500)).blocked).toEqual([]);
  });
});

test.each([
  ['account', 'aws://222222222222/eu-west-1'],
  ['region', 'aws://111111111111/eu-central-1'],
])('moving a stack to another %s is caught: every guarded resource of it is left behind', (_what, target) => {
  const located = structuredClone(approved);
  located.aws['prod-rds-orders'] = { ...located.aws['prod-rds-orders'], Environment: 'aws://111111111111/eu-west-1' };
  const moved = structuredClone(located);
  moved.aws['prod-rds-orders'] = { ...moved.aws['prod-rds-orders'], Environment: target };
  const result = guardEnvironment('prod', located, moved, []);
  const guarded = Object.keys(rdsStack(approved)).sort();
  expect(result.blocked.map((f) => f.resource).sort()).toEqual(guarded);
  expect(withoutFingerprint(formatFinding(result.blocked.find((f) => f.resource === instanceId)!))).toEqual(
    `prod › prod-rds-orders › ${instanceId} (AWS::RDS::DBInstance) would be orphaned (its stack moves to another account or region) (aws://111111111111/eu-west-1 → ${target}: CDK creates a new, empty stack there and leaves this one unmanaged). ${fix(`prod-rds-orders/${instanceId}`)}`,
  );
  expect(guardEnvironment('prod', located, structuredClone(located), []).blocked).toEqual([]);
});

describe('runGuard', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'guard-'));
  const changed = () => {
    const current = structuredClone(approved);
    rotateKey(current);
    return current;
  };
  const shown = (file: string) => path.relative(process.cwd(), file);

  test('--approve refuses to record an unapproved replacement, and records it once approved in config', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const outputs = new Map([['prod', changed()]]);

    const refused = runGuard({ outputs, environments: [prod], baselineDir, approve: true });
    expect(refused.ok).toBe(false);
    expect(readBaseline(baselineDir, 'prod')).toEqual(JSON.parse(JSON.stringify(approved)));

    const change = fingerprintOf(rotateKey);
    const withApproval = { ...prod, approvedReplacements: [{ resource: `prod-rds-orders/${instanceId}`, change, reason: 'key rotation to a new CMK' }] };
    const accepted = runGuard({ outputs, environments: [withApproval], baselineDir, approve: true });
    expect(accepted.ok).toBe(true);
    expect(accepted.lines).toContain(`prod: wrote ${shown(path.join(baselineDir, 'prod.json'))}.`);
    expect(readBaseline(baselineDir, 'prod')).toEqual(JSON.parse(JSON.stringify(changed())));

    const leftover = runGuard({ outputs, environments: [withApproval], baselineDir, approve: false });
    expect(leftover).toEqual({
      ok: false,
      lines: [
        `prod: approvedReplacements entry { resource: 'prod-rds-orders/${instanceId}', change: '${change}' } matches no pending change. Fix: remove it from config/prod.ts (it was applied, or the change it approved is not the one pending now).`,
        'Replacement guard: 1 problem(s) block this change.',
      ],
    });
  });

  test('--env names an environment that was not synthesized: fails with the fix', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const report = runGuard({ outputs: new Map(), environments: [prod], baselineDir, approve: false, selected: ['prod'] });
    expect(report).toEqual({
      ok: false,
      lines: [
        'prod: no synthesized output to check; run `npm run synth` (or `npx cdk synth -c env=prod`) first.',
        'Replacement guard: 1 problem(s) block this change.',
      ],
    });
  });

  test('after synthesizing one environment, only that one is checked; the others are named as not checked', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    writeBaseline(baselineDir, 'other', approved);
    const other = { ...prod, name: 'other' };
    const report = runGuard({ outputs: new Map([['prod', approved]]), environments: [prod, other], baselineDir, approve: false });
    expect(report).toEqual({
      ok: true,
      lines: [
        'Not synthesized, not checked: other (synthesize them, or name them with --env).',
        'Replacement guard: 1 environment(s) checked (prod), no unapproved replacement.',
      ],
    });
  });

  test('after `cdk synth -c env=prod` (no Terraform output) the GCP part is not checked, and --approve keeps it', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const awsOnly = { aws: approved.aws, gcp: {} };
    const report = runGuard({ outputs: new Map([['prod', awsOnly]]), environments: [prod], baselineDir, approve: true });
    expect(report.lines).toEqual([
      'prod: no Terraform (cdktf.out) output, GCP part not checked; `npm run synth` checks both clouds.',
      `prod: wrote ${shown(path.join(baselineDir, 'prod.json'))}.`,
      'Replacement guard: 1 environment(s) checked (prod), no unapproved replacement.',
    ]);
    expect(readBaseline(baselineDir, 'prod')).toEqual(JSON.parse(JSON.stringify(approved)));
  });

  test('a config that no longer declares a cloud removes that part: its resources are flagged', () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const report = runGuard({
      outputs: new Map([['prod', { aws: approved.aws, gcp: {} }]]),
      environments: [{ ...prod, gcp: undefined }],
      baselineDir,
      approve: false,
    });
    expect(report.ok).toBe(false);
    expect(
      report.lines.some((line) => line.startsWith('prod › prod-cloudsql-ledger › google_sql_database_instance.') && line.includes('would be destroyed')),
    ).toBe(true);
  });

  test('a new environment is an addition: it passes, and --approve says which file it wrote', () => {
    const baselineDir = dir();
    const qa = { ...prod, name: 'qa' };
    const file = shown(path.join(baselineDir, 'qa.json'));
    const resources =
      Object.values(approved.aws).reduce((n, t) => n + Object.keys(t.Resources!).length, 0) +
      Object.values(approved.gcp).reduce((n, t) => n + Object.values(t.resource!).reduce((m, r) => m + Object.keys(r).length, 0), 0);
    const check = runGuard({ outputs: new Map([['qa', approved]]), environments: [qa], baselineDir, approve: false });
    expect(check).toEqual({
      ok: true,
      lines: [
        `qa: new environment: ${resources} stateful resources to create, nothing replaced or removed.`,
        `qa: \`npm run guard -- --approve\` records its baseline in ${file}.`,
        'Replacement guard: 1 environment(s) checked (qa), no unapproved replacement.',
      ],
    });
    const approve = runGuard({ outputs: new Map([['qa', approved]]), environments: [qa], baselineDir, approve: true });
    expect(approve.lines[1]).toEqual(`qa: wrote ${file}; commit it.`);
    expect(readBaseline(baselineDir, 'qa')).toEqual(JSON.parse(JSON.stringify(approved)));
  });

  test("removing an environment's config file is flagged loudly, resource by resource, until guard/approved-removals.json approves it", () => {
    const baselineDir = dir();
    writeBaseline(baselineDir, 'prod', approved);
    const report = runGuard({ outputs: new Map(), environments: [], baselineDir, approve: true });
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toMatch(
      /^prod: ENVIRONMENT REMOVED — config\/prod\.ts is gone, so every stateful resource of prod would be deleted or orphaned \(\d+\):$/,
    );
    expect(report.lines).toContain(`  prod › prod-rds-orders › ${instanceId} (AWS::RDS::DBInstance, orphaned)`);
    expect(report.lines).toContain(
      '  Fix: restore config/prod.ts, or if the environment is really retired add to guard/approved-removals.json [{ "environment": "prod", "reason": "<why this is safe>" }], then run `npm run guard -- --approve`.',
    );
    expect(readBaseline(baselineDir, 'prod')).toBeDefined();

    const approvedRemovals = [{ environment: 'prod', reason: 'prod moved to the new organisation; data exported' }];
    const accepted = runGuard({ outputs: new Map(), environments: [], baselineDir, approve: true, approvedRemovals });
    expect(accepted.ok).toBe(true);
    expect(accepted.lines[1]).toEqual(`prod: deleted ${shown(path.join(baselineDir, 'prod.json'))}; now remove its entry from guard/approved-removals.json.`);
    expect(readBaseline(baselineDir, 'prod')).toBeUndefined();

    const stale = runGuard({ outputs: new Map(), environments: [], baselineDir, approve: false, approvedRemovals });
    expect(stale).toEqual({
      ok: false,
      lines: [
        "guard/approved-removals.json: entry for 'prod' matches no removed environment. Fix: remove it (the removal was applied, or the environment still has its config file).",
        'Replacement guard: 1 problem(s) block this change.',
      ],
    });
  });
});
