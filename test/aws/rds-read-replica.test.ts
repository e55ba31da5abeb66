import { Match, Template } from 'aws-cdk-lib/assertions';
import { RdsReadReplica, RdsReadReplicaProps } from '../../constructs/aws/rds/rds-read-replica';
import { baseProps, onlyResource, testStack } from './support';

/** GIVEN a stack in eu-central-1, WHEN a cross-region replica of an eu-west-1 instance is added. */
function crossRegionReplica(overrides: Partial<RdsReadReplicaProps> = {}) {
  const { stack, vpc } = testStack('eu-central-1');
  new RdsReadReplica(stack, 'Replica', {
    ...baseProps(stack, vpc, 'test-orders-replica-2'),
    sourceArn: 'arn:aws:rds:eu-west-1:123456789012:db:test-orders',
    allocatedStorageGiB: 100,
    ...overrides,
  });
  return Template.fromStack(stack);
}

describe('a cross-region read replica', () => {
  const template = crossRegionReplica();
  const instance = onlyResource(template, 'AWS::RDS::DBInstance');

  test("names its source by ARN and its own region's key by alias, without StorageEncrypted", () => {
    expect(instance.Properties).toMatchObject({
      DBInstanceIdentifier: 'test-orders-replica-2',
      SourceDBInstanceIdentifier: 'arn:aws:rds:eu-west-1:123456789012:db:test-orders',
      KmsKeyId: 'arn:aws:kms:eu-central-1:123456789012:alias/test-databases',
      PerformanceInsightsKMSKeyId: 'arn:aws:kms:eu-central-1:123456789012:alias/test-databases',
      PubliclyAccessible: false,
      MultiAZ: false,
    });
    // cfn-lint E3020: a read replica must not set StorageEncrypted; it inherits encryption.
    expect(instance.Properties.StorageEncrypted).toBeUndefined();
    // No engine, version or credentials: a replica takes them from its source.
    expect(instance.Properties.Engine).toBeUndefined();
    expect(instance.Properties.MasterUsername).toBeUndefined();
  });

  test('its own parameter group, private security group, encrypted logs, and replica-lag alarms', () => {
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', { Family: 'postgres17', Parameters: Match.objectLike({ 'rds.force_ssl': '1' }) });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/rds/instance/test-orders-replica-2/postgresql', KmsKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-replica-2-replica-lag-critical',
      MetricName: 'ReplicaLag',
      Threshold: 300,
      AlarmActions: ['arn:aws:sns:eu-central-1:123456789012:test-database-alarms'],
    });
    // Free-storage thresholds follow the source's storage, which the replica inherits.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-replica-2-storage-critical',
      Threshold: Math.floor(100 * 1024 ** 3 * 0.15),
    });
  });

  test('is destroyed with its stack by default: its data lives in the source', () => {
    expect(instance.DeletionPolicy).toBe('Delete');
  });
});

test('a replica names exactly one source', () => {
  expect(() => crossRegionReplica({ sourceArn: undefined })).toThrow(
    "Invalid RdsReadReplica Test/Replica:\n  - sourceArn = undefined: give exactly one of 'source' (same region) or 'sourceArn' (cross-region)",
  );
});

test('a replica identifier follows the RDS naming rules', () => {
  expect(() => crossRegionReplica({ identifier: `${'a'.repeat(60)}-replica-1` })).toThrow(
    `Invalid RdsReadReplica Test/Replica:\n  - identifier = "${'a'.repeat(60)}-replica-1": the replica identifier must be 1–63 characters long (it has 70)`,
  );
});
