/** Defaults a first deploy relies on, read across resources (issue: what passes synth deploys). */
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AuroraCluster } from '../../constructs/aws/aurora/aurora-cluster';
import { DatabaseFoundation } from '../../constructs/aws/foundation/database-foundation';
import { DatabaseNetwork } from '../../constructs/aws/foundation/database-network';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { testApp } from '../support/fixtures';
import { baseProps, synthDatabase, testStack } from './support';
import { DashboardStack } from '../../lib/aws/dashboard-stack';

describe('the flow-log group of an isolated VPC', () => {
  // GIVEN a foundation key and an isolated network whose flow logs use it
  const stack = new Stack(testApp(), 'dev-foundation-eu-west-1', { env: { account: '123456789012', region: 'eu-west-1' } });
  const foundation = new DatabaseFoundation(stack, 'Foundation', { keyAlias: 'alias/dev-databases', alarmTopicName: 'dev-database-alarms' });
  new DatabaseNetwork(stack, 'Network', { isolated: { cidr: '10.9.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'], flowLogKey: foundation.key } });
  const template = Template.fromStack(stack);

  test('is named, so the key policy can name it', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/vpc/flow-logs/dev-foundation-eu-west-1', KmsKeyId: Match.anyValue() });
  });

  test('and the key lets CloudWatch Logs use it for exactly that group', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsForFlowLogGroup',
            Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
            Condition: {
              ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/flow-logs/dev-foundation-eu-west-1' },
            },
          }),
        ]),
      }),
    });
  });
});

test('an RDS Proxy leaves the shared security group without allow-all egress', () => {
  const { template } = synthDatabase({ proxy: true });
  const [group] = Object.values<any>(
    template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('test-orders') } }),
  );
  // Inline egress present (no EC2 default), and it is the no-traffic placeholder; the proxy's rule is its own resource.
  expect(group.Properties.SecurityGroupEgress).toEqual([
    { CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 },
  ]);
  template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 1);
});

test('every database security group of every sample environment has inline egress (no EC2 default allow-all)', () => {
  const stages = addAwsEnvironments(testApp(), planSelectedEnvironments(''));
  const groups = stages.flatMap((stage) =>
    stage.synth().stacks.flatMap((stack) =>
      Object.entries<any>(stack.template.Resources)
        .filter(([, r]) => r.Type === 'AWS::EC2::SecurityGroup' && /^Clients of /.test(r.Properties.GroupDescription))
        .map(([id, r]) => [`${stack.stackName}/${id}`, r.Properties.SecurityGroupEgress !== undefined]),
    ),
  );
  expect(groups.length).toBeGreaterThan(5);
  expect(groups.filter(([, hasEgress]) => !hasEgress)).toEqual([]);
});

test('production dashboard stacks have termination protection, development ones do not', () => {
  const stages = addAwsEnvironments(testApp(), planSelectedEnvironments(''));
  const stage = (name: string) => stages.find((s) => s.stageName === name)!;
  expect(
    stage('prod')
      .stacksOf(DashboardStack)
      .map((d) => d.terminationProtection),
  ).toEqual([true, true]);
  expect(
    stage('dev')
      .stacksOf(DashboardStack)
      .map((d) => d.terminationProtection),
  ).toEqual([false]);
});

test('an Aurora cluster used directly encrypts its log groups with its key, as an RDS instance does', () => {
  const { stack, vpc } = testStack();
  const key = new kms.Key(stack, 'ClusterKey');
  const { logEncryptionKey: _none, ...props } = baseProps(stack, vpc, 'test-payments');
  new AuroraCluster(stack, 'Payments', {
    ...props,
    encryptionKey: key,
    clusterIdentifier: 'test-payments',
    engine: 'aurora-postgresql',
    engineVersion: '17.6',
    instances: [{ identifier: 'test-payments-1' }],
  } as any);
  const template = Template.fromStack(stack);
  const groups = Object.values<any>(template.findResources('AWS::Logs::LogGroup'));
  expect(groups.length).toBeGreaterThan(0);
  for (const group of groups) expect(group.Properties.KmsKeyId['Fn::GetAtt']).toEqual([expect.stringMatching(/^ClusterKey/), 'Arn']);
});
