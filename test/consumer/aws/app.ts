/**
 * A platform team's own CDK stack composing our AWS constructs with minimal props; asserts that the safe defaults are
 * in the template: customer-managed key, TLS, backups, deletion protection and alarms wired to the topic.
 */
import * as assert from 'node:assert/strict';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AuroraCluster, DatabaseValidationError, DynamoDbGlobalTable, RdsDatabase } from 'databases-as-code/aws';

const app = new App();
const stack = new Stack(app, 'Consumer', { env: { account: '123456789012', region: 'eu-west-1' } });
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const encryptionKey = new kms.Key(stack, 'Key', { enableKeyRotation: true });
const alarmTopic = new sns.Topic(stack, 'Alarms');
const placement = { vpc, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, encryptionKey, alarmTopic };

new RdsDatabase(stack, 'Orders', { identifier: 'orders', engine: 'postgres', engineVersion: '17.6', instanceClass: 'db.r7g.large', ...placement });
new AuroraCluster(stack, 'Payments', {
  clusterIdentifier: 'payments',
  engine: 'aurora-postgresql',
  engineVersion: '17.6',
  instanceClass: 'db.r7g.large',
  instances: [{ identifier: 'payments-1' }, { identifier: 'payments-2' }],
  ...placement,
});
new DynamoDbGlobalTable(stack, 'Sessions', { tableName: 'sessions', partitionKey: { name: 'pk', type: 'string' }, encryptionKey, alarmTopic });

const template = Template.fromStack(stack).toJSON();
const resources = Object.values<any>(template.Resources);
const ofType = (type: string) => resources.filter((resource) => resource.Type === type).map((resource) => resource.Properties);
const keyRef = { 'Fn::GetAtt': [expect1(Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::KMS::Key')), 'Arn'] };

function expect1(ids: string[]): string {
  assert.equal(ids.length, 1, 'one customer-managed key');
  return ids[0];
}

const [instance] = ofType('AWS::RDS::DBInstance');
assert.equal(instance.StorageEncrypted, true, 'RDS: storage encrypted');
assert.deepEqual(instance.KmsKeyId, keyRef, 'RDS: with the customer-managed key');
assert.equal(instance.DeletionProtection, true, 'RDS: deletion protection');
assert.ok(instance.BackupRetentionPeriod >= 7, 'RDS: backups kept at least 7 days');
assert.equal(instance.MultiAZ, true, 'RDS: Multi-AZ');

const [cluster] = ofType('AWS::RDS::DBCluster');
assert.equal(cluster.StorageEncrypted, true, 'Aurora: storage encrypted');
assert.deepEqual(cluster.KmsKeyId, keyRef, 'Aurora: with the customer-managed key');
assert.equal(cluster.DeletionProtection, true, 'Aurora: deletion protection');
assert.ok(cluster.BackupRetentionPeriod >= 7, 'Aurora: backups kept at least 7 days');

const tls = [...ofType('AWS::RDS::DBParameterGroup'), ...ofType('AWS::RDS::DBClusterParameterGroup')].filter(
  (group) => group.Parameters?.['rds.force_ssl'] === '1',
);
assert.equal(tls.length, 2, 'TLS required (rds.force_ssl=1) for the instance and the cluster');

for (const group of ofType('AWS::Logs::LogGroup'))
  assert.ok(group.KmsKeyId, `log group ${group.LogGroupName?.['Fn::Join'] ? '(joined name)' : group.LogGroupName} encrypted with the key`);

const [table] = ofType('AWS::DynamoDB::GlobalTable');
assert.equal(table.SSESpecification.SSEType, 'KMS', 'DynamoDB: encrypted with a customer-managed key');
assert.ok(
  table.Replicas.every((replica: any) => replica.DeletionProtectionEnabled && replica.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled),
  'DynamoDB: deletion protection and point-in-time recovery',
);

const alarms = ofType('AWS::CloudWatch::Alarm');
assert.ok(alarms.length >= 10, `alarms created (${alarms.length})`);
assert.ok(
  alarms.every((alarm) => JSON.stringify(alarm.AlarmActions ?? []).includes('Alarms')),
  'every alarm notifies the topic',
);

console.log(`aws consumer: ${resources.length} resources; key, TLS, backups, deletion protection and ${alarms.length} alarms are there`);

// A prop mistake throws the package's own error class at construction, with the problem as data.
assert.throws(
  () =>
    new RdsDatabase(new Stack(app, 'Mistake'), 'Orders', {
      identifier: 'orders',
      engine: 'postgres',
      engineVersion: '17.6',
      instanceClass: 'db.r7g.large',
      backupRetentionDays: 36,
      ...placement,
    }),
  (error: unknown) =>
    error instanceof DatabaseValidationError &&
    error.problems.length === 1 &&
    error.problems[0].path.join('.') === 'backupRetentionDays' &&
    error.message.includes('backupRetentionDays = 36: must be an integer from 0 to 35 days'),
  'a bad prop is a DatabaseValidationError naming the prop, the value and the limit',
);
console.log('aws consumer: a bad prop throws DatabaseValidationError');
