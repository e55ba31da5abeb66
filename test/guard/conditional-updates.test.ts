/**
 * Conditional updates (lib/guard/conditional-updates.ts): which stateful types have properties cloudformation-diff
 * calls "possibly replaced", that every decided property really is one of them and is not create-only in the
 * CloudFormation registry schema, and per type a routine change that passes and a change that stays blocked, through
 * the guard's comparison of the committed prod baseline.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadResourceModel } from '@aws-cdk/cloudformation-diff/lib/diff/util';
import { CfnTemplate, cloudFormationFindings } from '../../lib/guard/cloudformation-changes';
import { CONDITIONAL_UPDATES, conditionalUpdate } from '../../lib/guard/conditional-updates';
import { STATEFUL_CFN_TYPES } from '../../lib/guard/stateful-resources';
import { describeWithTool } from '../support/local-tools';

const GUARDED_TYPES = [...STATEFUL_CFN_TYPES, 'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'];

/** The properties the resource spec cloudformation-diff uses marks `causesReplacement: 'maybe'`. */
const conditionalProperties = (type: string) =>
  Object.entries(loadResourceModel(type)?.properties ?? {})
    .filter(([, property]) => property.causesReplacement === 'maybe')
    .map(([name]) => name)
    .sort();

test('the stateful types with conditional properties: RDS instances and clusters, ElastiCache replication groups (a spec update that adds one fails here)', () => {
  expect(Object.fromEntries(GUARDED_TYPES.map((type) => [type, conditionalProperties(type)]))).toEqual({
    'AWS::RDS::DBInstance': [
      'AutoMinorVersionUpgrade',
      'AvailabilityZone',
      'BackupRetentionPeriod',
      'DBClusterSnapshotIdentifier',
      'DBParameterGroupName',
      'DBSnapshotIdentifier',
      'Engine',
      'MultiAZ',
      'PerformanceInsightsKMSKeyId',
      'PreferredMaintenanceWindow',
      'RestoreTime',
      'SourceDBClusterIdentifier',
      'SourceDBInstanceAutomatedBackupsArn',
      'SourceDBInstanceIdentifier',
      'SourceDbiResourceId',
      'StorageType',
      'UseLatestRestorableTime',
    ],
    'AWS::RDS::DBCluster': ['Engine', 'GlobalClusterIdentifier', 'MasterUsername'],
    'AWS::RDS::GlobalCluster': [],
    'AWS::DynamoDB::Table': [],
    'AWS::DynamoDB::GlobalTable': [],
    'AWS::KMS::Key': [],
    'AWS::Backup::BackupVault': [],
    // AuthToken is not decided in CONDITIONAL_UPDATES: the guard keeps "possibly replaced" and blocks.
    'AWS::ElastiCache::ReplicationGroup': ['AuthToken', 'NodeGroupConfiguration', 'NumNodeGroups'],
    'AWS::ElastiCache::GlobalReplicationGroup': [],
    'AWS::SecretsManager::Secret': [],
    // A custom resource has no spec: nothing is conditional.
    'Custom::DatabaseAccess': [],
    'AWS::RDS::DBParameterGroup': [],
    'AWS::RDS::DBClusterParameterGroup': [],
  });
});

test('every decided property is a conditional one (no dead rule)', () => {
  for (const [type, rules] of Object.entries(CONDITIONAL_UPDATES)) {
    expect(conditionalProperties(type)).toEqual(expect.arrayContaining(Object.keys(rules)));
  }
});

/** createOnlyProperties of the registry schemas cfn-lint ships (us-east-1's list of types). */
function createOnlyProperties(types: readonly string[]): Record<string, string[]> {
  const script = [
    'import json, os, sys, cfnlint',
    'from cfnlint.data.schemas.providers import us_east_1',
    "schemas = os.path.join(os.path.dirname(cfnlint.__file__), 'data', 'schemas', 'resources')",
    "load = lambda t: json.load(open(os.path.join(schemas, us_east_1.types[t] + '.json')))",
    "print(json.dumps({t: [p.split('/')[-1] for p in load(t).get('createOnlyProperties', [])] for t in sys.argv[1:]}))",
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, ...types], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`reading cfn-lint's schemas failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

describeWithTool('cfn-lint', 'pip install cfn-lint (see README: Local extras)')('against the CloudFormation registry schemas (cfn-lint)', () => {
  test('no property with a rule is create-only (a create-only property always replaces)', () => {
    const createOnly = createOnlyProperties(Object.keys(CONDITIONAL_UPDATES));
    expect(createOnly['AWS::RDS::DBInstance']).toContain('KmsKeyId');
    for (const [type, rules] of Object.entries(CONDITIONAL_UPDATES)) {
      expect(Object.keys(rules).filter((property) => createOnly[type].includes(property))).toEqual([]);
    }
  });
});

// Crafted changes to the committed prod baseline (the synthesized guarded resources), through the guard's comparison.
const baseline = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'guard', 'baseline', 'prod.json'), 'utf8')) as {
  aws: Record<string, CfnTemplate>;
};
type Properties = Record<string, unknown>;
function verdictAfter(stack: string, logicalId: string, change: (properties: Properties) => void) {
  const approved = baseline.aws[stack];
  const current = structuredClone(approved);
  const resource = current.Resources![logicalId] as { Properties: Properties };
  expect(resource).toBeDefined();
  change(resource.Properties);
  return cloudFormationFindings('prod', stack, approved, current).map((f) => [f.impact, f.properties.join(', ')]);
}

describe('AWS::RDS::DBCluster', () => {
  const primary = ['prod-aurora-payments', 'DatabaseCluster5B53A178'] as const;
  const secondary = ['prod-aurora-payments-eu-central-1', 'DatabaseCluster5B53A178'] as const;
  test('in place: a secondary cluster detached from its global database (GlobalClusterIdentifier emptied or removed)', () => {
    expect(verdictAfter(...secondary, (p) => (p.GlobalClusterIdentifier = ''))).toEqual([]);
    expect(verdictAfter(...secondary, (p) => delete p.GlobalClusterIdentifier)).toEqual([]);
  });
  test('blocked: a new master user name, another engine', () => {
    expect(verdictAfter(...primary, (p) => (p.MasterUsername = 'admin2'))).toEqual([['possibly replaced', 'MasterUsername']]);
    expect(verdictAfter(...primary, (p) => (p.Engine = 'aurora-mysql'))).toEqual([['possibly replaced', 'Engine']]);
  });
});

describe('AWS::RDS::DBInstance (beyond the four routine properties in replacement-guard.test.ts)', () => {
  const primary = ['prod-rds-orders', 'DatabaseInstanceAA8A5FDE'] as const;
  const replica = ['prod-rds-orders', 'DatabaseReplica1Instance011626F2'] as const;
  test.each([
    ['AutoMinorVersionUpgrade off', (p: Properties) => (p.AutoMinorVersionUpgrade = false)],
    ['StorageType gp3 → io2', (p: Properties) => (p.StorageType = 'io2')],
    ['another Performance Insights key', (p: Properties) => (p.PerformanceInsightsKMSKeyId = 'arn:aws:kms:eu-west-1:333333333333:alias/other')],
  ])('in place: %s', (_name, change) => {
    expect(verdictAfter(...primary, change)).toEqual([]);
  });
  test('in place: a read replica promoted (SourceDBInstanceIdentifier removed)', () => {
    expect(verdictAfter(...replica, (p) => delete p.SourceDBInstanceIdentifier)).toEqual([]);
  });
  test('blocked: a replica pointed at another source, a source added to a primary, another Availability Zone', () => {
    expect(verdictAfter(...replica, (p) => (p.SourceDBInstanceIdentifier = 'arn:aws:rds:eu-west-1:333333333333:db:other'))).toEqual([
      ['possibly replaced', 'SourceDBInstanceIdentifier'],
    ]);
    expect(verdictAfter(...primary, (p) => (p.SourceDBInstanceIdentifier = 'arn:aws:rds:eu-west-1:333333333333:db:other'))).toEqual([
      ['possibly replaced', 'SourceDBInstanceIdentifier'],
    ]);
    expect(verdictAfter(...replica, (p) => (p.AvailabilityZone = 'eu-west-1c'))).toEqual([['possibly replaced', 'AvailabilityZone']]);
  });
});

describe('ElastiCache resharding (NumNodeGroups, NodeGroupConfiguration)', () => {
  const resharding = (property: string, resource: Record<string, unknown>) => conditionalUpdate('AWS::ElastiCache::ReplicationGroup', property, 2, 3, resource);
  test.each(['NumNodeGroups', 'NodeGroupConfiguration'])('%s changes in place under the UseOnlineResharding update policy', (property) => {
    expect(resharding(property, { UpdatePolicy: { UseOnlineResharding: true } })).toBe('in place');
  });
  test.each([{}, { UpdatePolicy: { UseOnlineResharding: false } }])('without it (%j) the change replaces the group: data is lost', (resource) => {
    expect(resharding('NumNodeGroups', resource)).toEqual({
      losesData: 'without the UseOnlineResharding update policy CloudFormation replaces the replication group to reshard it (a new, empty cache)',
    });
  });
});
