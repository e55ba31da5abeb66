import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import type { EnvironmentStage } from '../../lib/aws/environment-stage';
import { testApp } from '../support/fixtures';
import { DynamodbTableStack } from '../../lib/kinds/dynamodb-table/dynamodb-table-stack';
import { RdsInstanceStack } from '../../lib/kinds/rds-instance/rds-instance-stack';

/** The sample environments from config/, synthesized once. */
const stages = addAwsEnvironments(testApp(), planSelectedEnvironments(''));
const stage = (name: string) => stages.find((s) => s.stageName === name)!;
const foundation = (name: string, region: string) => Template.fromStack(stage(name).foundations.get(region)!);
const plans = (template: Template) => Object.values(template.findResources('AWS::Backup::BackupPlan')).map((p) => p.Properties.BackupPlan);

describe('backup vaults in every environment and region', () => {
  test.each([
    ['dev', 'eu-west-1', 'Delete'],
    ['staging', 'eu-west-1', 'Retain'],
    ['prod', 'eu-west-1', 'Retain'],
    ['prod', 'eu-central-1', 'Retain'],
  ])("%s %s: a vault named <env>-databases, encrypted with the region's customer-managed key, deletion denied", (env, region, deletionPolicy) => {
    const template = foundation(env, region);
    const vault = Object.values(template.findResources('AWS::Backup::BackupVault'))[0];
    expect(vault.DeletionPolicy).toBe(deletionPolicy);
    expect(vault.Properties.BackupVaultName).toBe(`${env}-databases`);
    expect(vault.Properties.EncryptionKeyArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^FoundationKey/), 'Arn'] });
    expect(vault.Properties.AccessPolicy.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'],
    });
    expect(vault.Properties.Notifications.SNSTopicArn).toEqual({ Ref: expect.stringMatching(/^FoundationAlarmTopic/) });
  });

  test('production vaults are locked; others are not', () => {
    for (const region of ['eu-west-1', 'eu-central-1']) {
      foundation('prod', region).hasResourceProperties('AWS::Backup::BackupVault', { LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 365 } });
    }
    const staging = Object.values(foundation('staging', 'eu-west-1').findResources('AWS::Backup::BackupVault'))[0];
    expect(staging.Properties.LockConfiguration).toBeUndefined();
  });
});

describe('plans by tier', () => {
  test('development has none', () => {
    expect(plans(foundation('dev', 'eu-west-1'))).toEqual([]);
  });

  test("staging: daily, the tier's 7 days, no copy", () => {
    const [plan] = plans(foundation('staging', 'eu-west-1'));
    expect(plan.BackupPlanRule.map((r: any) => [r.RuleName, r.ScheduleExpression, r.Lifecycle.DeleteAfterDays, r.CopyActions])).toEqual([
      ['daily', 'cron(0 3 * * ? *)', 7, undefined],
    ]);
  });

  test('production: daily 35 days + monthly 1 year, each copied into the DR region vault', () => {
    const [plan] = plans(foundation('prod', 'eu-west-1'));
    expect(plan.BackupPlanRule.map((r: any) => [r.RuleName, r.Lifecycle.DeleteAfterDays, r.CopyActions])).toEqual([
      [
        'daily',
        35,
        [{ DestinationBackupVaultArn: 'arn:aws:backup:eu-central-1:333333333333:backup-vault:prod-databases', Lifecycle: { DeleteAfterDays: 35 } }],
      ],
      [
        'monthly',
        365,
        [{ DestinationBackupVaultArn: 'arn:aws:backup:eu-central-1:333333333333:backup-vault:prod-databases', Lifecycle: { DeleteAfterDays: 365 } }],
      ],
    ]);
    expect(plans(foundation('prod', 'eu-central-1'))).toEqual([]);
  });
});

/** The database resource of a database stack, with the ARN pattern AWS Backup selects it by. */
function databaseOf(stack: Stack): { tags: Array<{ Key: string; Value: string }>; arnPattern: string } {
  const template = Template.fromStack(stack);
  const [instance] = Object.values(template.findResources('AWS::RDS::DBInstance'));
  if (instance) return { tags: instance.Properties.Tags, arnPattern: `arn:aws:rds:${stack.region}:${stack.account}:db:*` };
  const [table] = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'));
  const primary = table.Properties.Replicas.find((r: any) => r.Region === stack.region);
  return { tags: primary.Tags, arnPattern: `arn:aws:dynamodb:${stack.region}:${stack.account}:table/*` };
}

describe.each(['staging', 'prod'])('the %s selection reaches every database of the environment', (env) => {
  const s: EnvironmentStage = stage(env);
  const databaseStacks: Stack[] = [...s.stacksOf(RdsInstanceStack), ...s.stacksOf(DynamodbTableStack)];

  test.each(databaseStacks.map((stack) => [stack.stackName, stack] as const))('%s', (_name, stack) => {
    const { tags, arnPattern } = databaseOf(stack);
    const selection = Object.values(foundation(env, stack.region).findResources('AWS::Backup::BackupSelection'))[0].Properties.BackupSelection;
    const [condition] = selection.Conditions.StringEquals;
    expect(selection.Resources).toContain(arnPattern);
    expect(condition.ConditionKey).toBe('aws:ResourceTag/backup-plan');
    expect(tags).toContainEqual({ Key: 'backup-plan', Value: condition.ConditionValue });
  });

  test('RDS instances and DynamoDB tables are both there', () => {
    expect(s.stacksOf(RdsInstanceStack).length).toBeGreaterThan(0);
    expect(s.stacksOf(DynamodbTableStack).length).toBeGreaterThan(0);
  });
});

test('development databases carry no backup tag (no plan)', () => {
  const [instance] = Object.values(Template.fromStack(stage('dev').stacksOf(RdsInstanceStack)[0]).findResources('AWS::RDS::DBInstance'));
  expect(instance.Properties.Tags.map((t: any) => t.Key)).not.toContain('backup-plan');
});
