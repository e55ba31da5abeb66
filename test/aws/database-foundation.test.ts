import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DatabaseFoundation } from '../../constructs/aws/foundation/database-foundation';
import { DatabaseNetwork } from '../../constructs/aws/foundation/database-network';
import { testApp } from '../support/fixtures';

function foundationTemplate(removalPolicy?: RemovalPolicy) {
  const stack = new Stack(testApp(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  new DatabaseFoundation(stack, 'Foundation', {
    keyAlias: 'alias/test-databases',
    alarmTopicName: 'test-database-alarms',
    notificationEmails: ['oncall@example.com'],
    removalPolicy,
  });
  return Template.fromStack(stack);
}

describe('DatabaseFoundation', () => {
  const template = foundationTemplate();

  test('a customer-managed key with rotation and a deterministic alias, retained by default', () => {
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true, PendingWindowInDays: 30 }),
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/test-databases' });
  });

  test("CloudWatch alarms of this account and region may publish to the topic (its policy replaces SNS's default one)", () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchAlarmsPublish',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: {
              StringEquals: { 'aws:SourceAccount': '123456789012' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*' },
            },
          }),
        ]),
      }),
    });
  });

  test('CloudWatch may use the key for this topic only, so alarms can publish to the encrypted topic', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchAlarmsPublishWithKey',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:sns:topicArn': 'arn:aws:sns:eu-west-1:123456789012:test-database-alarms' } },
          }),
        ]),
      }),
    });
  });

  test('every service principal in the key and topic policies is scoped by a condition (no confused deputy)', () => {
    const statements = [
      ...Object.values<any>(template.findResources('AWS::KMS::Key')).flatMap((r) => r.Properties.KeyPolicy.Statement),
      ...Object.values<any>(template.findResources('AWS::SNS::TopicPolicy')).flatMap((r) => r.Properties.PolicyDocument.Statement),
    ];
    const unscoped = statements.filter((s) => s.Effect === 'Allow' && s.Principal?.Service !== undefined && s.Condition === undefined);
    expect(unscoped).toEqual([]);
  });

  test('the alarm topic is encrypted with the key, refuses plain HTTP, and emails on-call', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'test-database-alarms',
      KmsMasterKeyId: Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('FoundationKey'), 'Arn'] }),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
  });

  test('a development key may be destroyed', () => {
    foundationTemplate(RemovalPolicy.DESTROY).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });
});

describe('DatabaseNetwork', () => {
  test('an isolated VPC has no internet route and no NAT', () => {
    const stack = new Stack(testApp(), 'Net', { env: { account: '123456789012', region: 'eu-west-1' } });
    new DatabaseNetwork(stack, 'Network', { isolated: { cidr: '10.9.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'] } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
  });

  test('exactly one of existing or isolated', () => {
    const stack = new Stack(testApp(), 'Net');
    expect(() => new DatabaseNetwork(stack, 'Network', {})).toThrow(
      "Invalid DatabaseNetwork Net/Network:\n  - existing = undefined: give exactly one of 'existing' (an existing VPC) or 'isolated' (a new isolated VPC)",
    );
  });
});
