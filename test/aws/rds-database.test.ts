import { Annotations as CdkAnnotations, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { RdsDatabase, RdsDatabaseProps } from '../../constructs/aws/rds-database';
import { testApp } from '../support/fixtures';

/** GIVEN a stack with a VPC, key and topic, WHEN an RdsDatabase is added with these props. */
function synthDatabase(overrides: Partial<RdsDatabaseProps> = {}) {
  const stack = new Stack(testApp(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    privateSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
  });
  CdkAnnotations.of(vpc).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId');
  const database = new RdsDatabase(stack, 'Orders', {
    identifier: 'test-orders',
    engine: 'postgres',
    engineVersion: '17.6',
    instanceClass: 'db.r6g.large',
    vpc,
    subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    encryptionKey: kms.Alias.fromAliasName(stack, 'Key', 'alias/test-databases'),
    alarmTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:test-database-alarms'),
    ...overrides,
  });
  return { stack, database, template: Template.fromStack(stack) };
}

describe('RdsDatabase defaults', () => {
  const { template } = synthDatabase();

  test('encrypted with the customer key, private, Multi-AZ, protected, backed up', () => {
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceIdentifier: 'test-orders',
      Engine: 'postgres',
      EngineVersion: '17.6',
      DBInstanceClass: 'db.r6g.large',
      StorageEncrypted: true,
      KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/test-databases',
      StorageType: 'gp3',
      PubliclyAccessible: false,
      MultiAZ: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      CopyTagsToSnapshot: true,
      EnableIAMDatabaseAuthentication: true,
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    });
  });

  test('snapshot on removal by default, and the secret survives the database', () => {
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::RDS::DBParameterGroup', { DeletionPolicy: 'Retain' });
  });

  test('the master password is generated in Secrets Manager with the customer key, never a literal', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'test-orders/master',
      KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/test-databases',
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'password' }),
    });
    const instance = Object.values(template.findResources('AWS::RDS::DBInstance'))[0];
    expect(JSON.stringify(instance.Properties.MasterUserPassword)).toContain('resolve:secretsmanager');
  });

  test('a custom parameter group with TLS enforced and memory tuning as formulas', () => {
    template.hasResourceProperties('AWS::RDS::DBParameterGroup', {
      Family: 'postgres17',
      Parameters: {
        'rds.force_ssl': '1',
        shared_buffers: '{DBInstanceClassMemory/32768}',
        effective_cache_size: '{DBInstanceClassMemory*7/81920}',
        maintenance_work_mem: 'LEAST({DBInstanceClassMemory/16384},2097152)',
        random_page_cost: '1.1',
        log_min_duration_statement: '1000',
        log_lock_waits: '1',
      },
    });
  });

  test('no ingress unless CIDRs are named, and no open egress', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('alarms on CPU and free storage notify the topic on alarm and on recovery', () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:test-database-alarms';
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-cpu-high',
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/RDS',
      Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'test-orders' }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 90,
      EvaluationPeriods: 3,
      AlarmActions: [topic],
      OKActions: [topic],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'test-orders-storage-low',
      MetricName: 'FreeStorageSpace',
      ComparisonOperator: 'LessThanThreshold',
      // 15% of the default 20 GiB
      Threshold: Math.floor(20 * 1024 ** 3 * 0.15),
    });
  });
});

describe('RdsDatabase options', () => {
  test('allowed CIDRs open only the database port', () => {
    const { template } = synthDatabase({ allowedCidrs: ['10.0.0.0/16'], port: 6432 });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 6432, ToPort: 6432, Description: 'PostgreSQL clients in 10.0.0.0/16' }],
    });
  });

  test('a retained database retains its parameter group and secret', () => {
    const { template } = synthDatabase({ removalPolicy: RemovalPolicy.RETAIN });
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::RDS::DBParameterGroup', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });

  test('a disposable database is destroyed with its automated backups', () => {
    const { template } = synthDatabase({ removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false });
    template.hasResource('AWS::RDS::DBInstance', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeleteAutomatedBackups: true, DeletionProtection: false }) });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
  });

  test('storage autoscaling', () => {
    synthDatabase({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 400 }).template.hasResourceProperties('AWS::RDS::DBInstance', {
      AllocatedStorage: '100',
      MaxAllocatedStorage: 400,
    });
  });

  test('without a topic the alarms exist but a warning says nobody is notified', () => {
    const { stack, template } = synthDatabase({ alarmTopic: undefined });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'test-orders-cpu-high', AlarmActions: Match.absent() });
    Annotations.fromStack(stack).hasWarning('/Test/Orders', Match.stringLikeRegexp('alarms have no action; pass alarmTopic'));
  });
});

describe('RdsDatabase rejects what RDS would reject, with every problem at once', () => {
  test('bad identifier, bare version, unknown class, retention out of range, public CIDR', () => {
    expect(() =>
      synthDatabase({
        identifier: 'Orders--',
        engineVersion: '17',
        instanceClass: 'db.huge',
        backupRetentionDays: 40,
        allowedCidrs: ['0.0.0.0/0'],
      }),
    ).toThrow(
      'Invalid RdsDatabase Test/Orders:\n' +
        '  - identifier = "Orders--": the RDS identifier \'Orders--\' must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: shorten or rename the database\n' +
        '  - engineVersion = "17": is not a supported PostgreSQL version; supported full versions: 14.22, 15.17, 16.13, 17.6, 17.9, 18.3. Fix: pin one of the supported full versions (a bare major version is not accepted)\n' +
        '  - instanceClass = "db.huge": is not an instance class in our catalog (db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>). Fix: choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge\n' +
        '  - backupRetentionDays = 40: must be an integer from 0 to 35 days (RDS limit). Fix: choose from 0 to 35\n' +
        '  - allowedCidrs[0] = "0.0.0.0/0": opens the database to every address; databases are never public. Fix: name the CIDR blocks of your application subnets',
    );
  });

  test('an engine we do not render', () => {
    expect(() => synthDatabase({ engine: 'db2-se' })).toThrow(
      "  - engine = \"db2-se\": is not supported; supported: postgres. Fix: choose a supported engine",
    );
  });
});
