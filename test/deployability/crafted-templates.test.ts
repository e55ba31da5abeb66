/**
 * Each interaction class can fail: a real synthesized environment (prod) with one statement or reference broken is
 * refused, and the message names the two resources, the action and the missing statement.
 */
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { testApp } from '../support/fixtures';
import { checkDeployability } from './check-deployability';
import { EnvironmentTemplates, StackTemplate } from './template-values';

const prodStage = addAwsEnvironments(testApp(), planSelectedEnvironments('')).find((s) => s.stageName === 'prod')!;
const prodStacks: StackTemplate[] = prodStage.synth().stacks.map((stack) => ({
  stackName: stack.stackName,
  account: stack.environment.account,
  region: stack.environment.region,
  template: stack.template,
}));

/** A deep copy of prod with `change` applied to the first resource of `type` in the named stack. */
function crafted(stackName: string, type: string, change: (resource: any) => void): EnvironmentTemplates {
  const stacks = structuredClone(prodStacks);
  const stack = stacks.find((s) => s.stackName === stackName)!;
  const resource = Object.values<any>(stack.template.Resources).find((r) => r.Type === type);
  change(resource);
  return new EnvironmentTemplates(stacks);
}
const withoutStatement = (sid: string) => (statements: any[]) => statements.filter((s) => s.Sid !== sid);
const FOUNDATION = 'prod-foundation-eu-west-1';

test.each([
  [
    'alarm → topic: the topic policy lacks the CloudWatch statement',
    crafted(FOUNDATION, 'AWS::SNS::TopicPolicy', (r) => {
      r.Properties.PolicyDocument.Statement = withoutStatement('CloudWatchAlarmsPublish')(r.Properties.PolicyDocument.Statement);
    }),
    /^alarm → topic: prod-rds-orders\/\w+ \(AWS::CloudWatch::Alarm\) → prod-foundation-eu-west-1\/FoundationAlarmTopic\w+ \(AWS::SNS::Topic\): cloudwatch\.amazonaws\.com cannot sns:Publish .*Missing: a statement in prod-foundation-eu-west-1\/FoundationAlarmTopicPolicy\w+ \(AWS::SNS::TopicPolicy\) that allows cloudwatch\.amazonaws\.com sns:Publish/,
  ],
  [
    'alarm → topic key: the key policy lacks the CloudWatch statement',
    crafted(FOUNDATION, 'AWS::KMS::Key', (r) => {
      r.Properties.KeyPolicy.Statement = withoutStatement('CloudWatchAlarmsPublishWithKey')(r.Properties.KeyPolicy.Statement);
    }),
    /^alarm → topic key: .*\(AWS::CloudWatch::Alarm\) → prod-foundation-eu-west-1\/FoundationKey\w+ \(AWS::KMS::Key\): cloudwatch\.amazonaws\.com cannot kms:GenerateDataKey .*Missing: a statement in key policy of/,
  ],
  [
    'EventBridge rule → topic: the topic policy lacks the EventBridge statement',
    crafted(FOUNDATION, 'AWS::SNS::TopicPolicy', (r) => {
      r.Properties.PolicyDocument.Statement = withoutStatement('EventBridgeRulesPublish')(r.Properties.PolicyDocument.Statement);
    }),
    /^EventBridge rule → topic: prod-foundation-eu-west-1\/BackupVaultFailedBackupJobs\w+ \(AWS::Events::Rule\) → .*events\.amazonaws\.com cannot sns:Publish/,
  ],
  [
    'backup vault notifications → topic: the topic policy lacks the AWS Backup statement',
    crafted(FOUNDATION, 'AWS::SNS::TopicPolicy', (r) => {
      r.Properties.PolicyDocument.Statement = withoutStatement('BackupVaultsPublish')(r.Properties.PolicyDocument.Statement);
    }),
    /^backup vault notifications → topic: prod-foundation-eu-west-1\/BackupVault\w+ \(AWS::Backup::BackupVault\) → .*backup\.amazonaws\.com cannot sns:Publish/,
  ],
  [
    'log group → key: a log group whose name the key policy does not cover',
    crafted('prod-rds-orders', 'AWS::Logs::LogGroup', (r) => {
      r.Properties.LogGroupName = '/custom/orders/postgresql';
    }),
    /^log group → key: prod-rds-orders\/\w+ \(AWS::Logs::LogGroup\) → prod-foundation-eu-west-1\/FoundationKey\w+ \(AWS::KMS::Key\): logs\.eu-west-1\.amazonaws\.com cannot kms:Encrypt .*log-group:\/custom\/orders\/postgresql/,
  ],
  [
    'log group → key: an alias instead of a key',
    crafted('prod-rds-orders', 'AWS::Logs::LogGroup', (r) => {
      r.Properties.KmsKeyId = 'arn:aws:kms:eu-west-1:333333333333:alias/prod-databases';
    }),
    /^prod-rds-orders\/\w+ \(AWS::Logs::LogGroup\): names arn:aws:kms:eu-west-1:333333333333:alias\/prod-databases: CloudWatch Logs takes a key ARN, not an alias$/,
  ],
  [
    'rds → key: a key policy that does not delegate to the account',
    crafted(FOUNDATION, 'AWS::KMS::Key', (r) => {
      r.Properties.KeyPolicy.Statement = r.Properties.KeyPolicy.Statement.filter((s: any) => s.Action !== 'kms:*');
    }),
    /^rds → key: prod-rds-orders\/DatabaseInstance\w+ \(AWS::RDS::DBInstance\) → prod-foundation-eu-west-1\/FoundationKey\w+ \(AWS::KMS::Key\): arn:aws:iam::333333333333:role\/cdk-hnb659fds-cfn-exec-role-333333333333-eu-west-1 cannot kms:CreateGrant/,
  ],
  [
    'cross-region replica → key: a key alias of another region',
    crafted('prod-rds-orders-replica-2', 'AWS::RDS::DBInstance', (r) => {
      r.Properties.KmsKeyId = 'arn:aws:kms:eu-west-1:333333333333:alias/prod-databases';
    }),
    /^prod-rds-orders-replica-2\/\w+ \(AWS::RDS::DBInstance\): names key arn:aws:kms:eu-west-1:333333333333:alias\/prod-databases in eu-west-1, but is created in eu-central-1: a key must be in the resource's region$/,
  ],
  [
    'service → role: a monitoring role the service may not assume',
    crafted('prod-rds-orders', 'AWS::IAM::Role', (r) => {
      r.Properties.AssumeRolePolicyDocument.Statement[0].Principal.Service = 'ec2.amazonaws.com';
    }),
    /^service → role: prod-rds-orders\/DatabaseInstance\w+ \(AWS::RDS::DBInstance\) → prod-rds-orders\/\w+ \(AWS::IAM::Role\): monitoring\.rds\.amazonaws\.com cannot sts:AssumeRole/,
  ],
])('%s', async (_name, env, expected) => {
  const report = await checkDeployability(env);
  expect(report.problems.length).toBeGreaterThan(0);
  expect(report.problems.some((p) => expected.test(p))).toBe(true);
});

test('the unchanged prod environment passes (the crafted failures come from the change alone)', async () => {
  expect((await checkDeployability(new EnvironmentTemplates(structuredClone(prodStacks)))).problems).toEqual([]);
});
