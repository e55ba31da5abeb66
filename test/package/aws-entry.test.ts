import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as entry from '../../constructs/aws';
import { testApp } from '../support/fixtures';

test('the README example composes RdsDatabase in a stack of your own', () => {
  // GIVEN a platform team's own stack with its own VPC, key and topic
  const stack = new Stack(testApp(), 'PlatformStack', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const topic = new sns.Topic(stack, 'Alarms');

  // WHEN the README example is added
  new entry.RdsDatabase(stack, 'Orders', {
    identifier: 'orders',
    engine: 'postgres',
    engineVersion: '17.6',
    instanceClass: 'db.r7g.large',
    vpc,
    subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    encryptionKey: key,
    alarmTopic: topic,
  });

  // THEN it gets the safe defaults
  Template.fromStack(stack).hasResourceProperties('AWS::RDS::DBInstance', {
    DBInstanceIdentifier: 'orders',
    MultiAZ: true,
    DeletionProtection: true,
    StorageEncrypted: true,
    BackupRetentionPeriod: 7,
  });
});
