/** Helpers for the AWS construct tests: a stack with a VPC, key and topic, and an RdsDatabase in it. */
import { Annotations as CdkAnnotations, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { RdsDatabase, RdsDatabaseProps } from '../../constructs/aws/rds/rds-database';
import type { RdsInstanceBaseProps } from '../../constructs/aws/rds/rds-instance-base';
import { testApp } from '../support/fixtures';

export const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:test-database-alarms';
export const KEY_ALIAS_ARN = 'arn:aws:kms:eu-west-1:123456789012:alias/test-databases';

/** GIVEN a stack in eu-west-1 with an existing VPC (two private subnets). */
export function testStack(region = 'eu-west-1'): { stack: Stack; vpc: ec2.IVpc } {
  const stack = new Stack(testApp(), 'Test', { env: { account: '123456789012', region } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: [`${region}a`, `${region}b`],
    privateSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
  });
  CdkAnnotations.of(vpc).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId');
  return { stack, vpc };
}

/** Props every instance test starts from: PostgreSQL 17.6 on db.r6g.large, the region's key alias and topic. */
export function baseProps(stack: Stack, vpc: ec2.IVpc, identifier: string): RdsInstanceBaseProps {
  return {
    identifier,
    engine: 'postgres',
    engineVersion: '17.6',
    instanceClass: 'db.r6g.large',
    vpc,
    subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    encryptionKey: kms.Alias.fromAliasName(stack, 'Key', 'alias/test-databases'),
    logEncryptionKey: new kms.Key(stack, 'LogKey'),
    alarmTopic: sns.Topic.fromTopicArn(stack, 'Topic', `arn:aws:sns:${stack.region}:123456789012:test-database-alarms`),
  };
}

/** WHEN an RdsDatabase (PostgreSQL 17.6 on db.r6g.large by default) is added with these props. */
export function synthDatabase(overrides: Partial<RdsDatabaseProps> = {}) {
  const { stack, vpc } = testStack();
  const database = new RdsDatabase(stack, 'Orders', { ...baseProps(stack, vpc, 'test-orders'), ...overrides });
  return { stack, database, template: Template.fromStack(stack) };
}

/** The single resource of a type (or the one whose logical id matches). */
export function onlyResource(template: Template, type: string, idPattern?: RegExp): any {
  const entries = Object.entries(template.findResources(type)).filter(([id]) => !idPattern || idPattern.test(id));
  if (entries.length !== 1) throw new Error(`expected one ${type}${idPattern ? ` matching ${idPattern}` : ''}, found ${entries.length}`);
  return entries[0][1];
}
