import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DatabaseBackupPlan, DatabaseBackupPlanProps } from '../../constructs/aws/backup/backup-plan';
import { DatabaseBackupVault, DatabaseBackupVaultProps } from '../../constructs/aws/backup/backup-vault';
import { testApp } from '../support/fixtures';

const DR_VAULT = 'arn:aws:backup:eu-central-1:123456789012:backup-vault:test-databases';

/** GIVEN a stack with a key and an encrypted topic, WHEN a vault (and optionally a plan into it) is added. */
function synth(vaultProps: Partial<DatabaseBackupVaultProps> = {}, planProps?: Partial<DatabaseBackupPlanProps>) {
  const stack = new Stack(testApp(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  const key = new kms.Key(stack, 'Key');
  const topic = new sns.Topic(stack, 'Topic', { masterKey: key });
  const vault = new DatabaseBackupVault(stack, 'Vault', { vaultName: 'test-databases', encryptionKey: key, notificationTopic: topic, ...vaultProps });
  if (planProps) {
    new DatabaseBackupPlan(stack, 'Plan', {
      planName: 'test-databases',
      vault: vault.vault,
      rules: [
        { name: 'daily', scheduleExpression: 'cron(0 3 * * ? *)', retentionDays: 35, copyTo: { vaultArn: DR_VAULT, retentionDays: 35 } },
        { name: 'monthly', scheduleExpression: 'cron(0 4 1 * ? *)', retentionDays: 365 },
      ],
      selection: { resourceArnPatterns: ['arn:aws:rds:eu-west-1:123456789012:db:*'], tagKey: 'backup-plan', tagValue: 'test-databases' },
      ...planProps,
    });
  }
  return Template.fromStack(stack);
}

describe('DatabaseBackupVault', () => {
  const template = synth();

  test('named, encrypted with the customer key, retained by default', () => {
    template.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BackupVaultName: 'test-databases',
        EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
      }),
    });
  });

  test('the access policy denies deleting recovery points and changing their lifecycle, to everyone', () => {
    const vault = Object.values(template.findResources('AWS::Backup::BackupVault'))[0];
    expect(vault.Properties.AccessPolicy.Statement).toEqual([
      { Effect: 'Deny', Principal: { AWS: '*' }, Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'], Resource: '*' },
    ]);
  });

  test('failed copy jobs (vault notification) and failed backup jobs (EventBridge) reach the topic', () => {
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      Notifications: { BackupVaultEvents: ['COPY_JOB_FAILED'], SNSTopicArn: { Ref: Match.stringLikeRegexp('^Topic') } },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.backup'],
        'detail-type': ['Backup Job State Change'],
        detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: ['test-databases'] },
      },
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^Topic') } })],
    });
  });

  test.each([
    ['backup.amazonaws.com', 'BackupVaultsPublish', 'arn:aws:backup:eu-west-1:123456789012:backup-vault:*'],
    ['events.amazonaws.com', 'EventBridgeRulesPublish', 'arn:aws:events:eu-west-1:123456789012:rule/*'],
  ])("%s may publish to the encrypted topic for this account's sources only, and use its key for SNS only", (service, sid, sourceArn) => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: sid,
            Action: 'sns:Publish',
            Effect: 'Allow',
            Principal: { Service: service },
            Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnLike: { 'aws:SourceArn': sourceArn } },
          }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: `${sid}WithKey`,
            Principal: { Service: service },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            // The key cannot name the topic that names it (a cycle): any topic of the account in the region.
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:sns:topicArn': 'arn:aws:sns:eu-west-1:123456789012:*' } },
          }),
        ]),
      }),
    });
  });

  test('no lock unless asked for; a lock in governance or compliance mode', () => {
    expect(Object.values(template.findResources('AWS::Backup::BackupVault'))[0].Properties.LockConfiguration).toBeUndefined();
    synth({ lock: { minRetentionDays: 35, maxRetentionDays: 365 } }).hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 365 },
    });
    synth({ lock: { minRetentionDays: 7, changeableForDays: 3 } }).hasResourceProperties('AWS::Backup::BackupVault', {
      LockConfiguration: { MinRetentionDays: 7, ChangeableForDays: 3 },
    });
  });

  test('a development vault may be destroyed', () => {
    synth({ removalPolicy: RemovalPolicy.DESTROY }).hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Delete' });
  });

  test('lock retention out of range, inverted, or a cooling-off period too short', () => {
    expect(() => synth({ lock: { minRetentionDays: 0, maxRetentionDays: 40000 } })).toThrow(
      'Invalid DatabaseBackupVault Test/Vault:\n' +
        '  - lock.minRetentionDays = 0: must be a whole number of days from 1 to 36500 (AWS Backup Vault Lock limit) for vault test-databases. Fix: choose from 1 to 36500\n' +
        '  - lock.maxRetentionDays = 40000: must be a whole number of days from 1 to 36500 (AWS Backup Vault Lock limit) for vault test-databases. Fix: choose from 1 to 36500',
    );
    expect(() => synth({ lock: { minRetentionDays: 35, maxRetentionDays: 30, changeableForDays: 1 } })).toThrow(
      '  - lock.maxRetentionDays = 30: must be greater than minRetentionDays (35) for vault test-databases. Fix: raise it above 35, or lower minRetentionDays\n' +
        '  - lock.changeableForDays = 1: must be from 3 to 36500 days for vault test-databases: AWS Backup waits 72 hours before a compliance lock becomes immutable. Fix: choose 3 days or more, or remove it to keep the lock in governance mode',
    );
  });
});

describe('DatabaseBackupPlan', () => {
  const template = synth({}, {});

  test('rules with schedule and retention into the vault, and a copy into the other region by ARN', () => {
    const plan = Object.values(template.findResources('AWS::Backup::BackupPlan'))[0].Properties.BackupPlan;
    expect(plan.BackupPlanName).toBe('test-databases');
    expect(plan.BackupPlanRule).toEqual([
      expect.objectContaining({
        RuleName: 'daily',
        ScheduleExpression: 'cron(0 3 * * ? *)',
        Lifecycle: { DeleteAfterDays: 35 },
        TargetBackupVault: { 'Fn::GetAtt': [expect.stringMatching(/^Vault/), 'BackupVaultName'] },
        CopyActions: [{ DestinationBackupVaultArn: DR_VAULT, Lifecycle: { DeleteAfterDays: 35 } }],
      }),
      expect.objectContaining({ RuleName: 'monthly', ScheduleExpression: 'cron(0 4 1 * ? *)', Lifecycle: { DeleteAfterDays: 365 } }),
    ]);
  });

  test('the selection takes database resource types carrying the plan tag', () => {
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: {
        SelectionName: 'test-databases-tagged',
        IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanRole'), 'Arn'] },
        Resources: ['arn:aws:rds:eu-west-1:123456789012:db:*'],
        Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup-plan', ConditionValue: 'test-databases' }] },
      },
    });
  });

  test('AWS Backup assumes a role with the managed backup policy only (backing up needs no restore rights)', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup']] }],
    });
  });

  test('continuous backup on a rule', () => {
    const continuous = synth({}, { rules: [{ name: 'continuous', scheduleExpression: 'cron(0 5 * * ? *)', retentionDays: 35, continuous: true }] });
    const plan = Object.values(continuous.findResources('AWS::Backup::BackupPlan'))[0].Properties.BackupPlan;
    expect(plan.BackupPlanRule[0]).toMatchObject({ RuleName: 'continuous', EnableContinuousBackup: true, Lifecycle: { DeleteAfterDays: 35 } });
  });

  test('a copy into the source region, a continuous rule beyond 35 days, and no rules', () => {
    expect(() =>
      synth(
        {},
        {
          rules: [
            {
              name: 'daily',
              scheduleExpression: 'cron(0 3 * * ? *)',
              retentionDays: 35,
              copyTo: { vaultArn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:other', retentionDays: 35 },
            },
            { name: 'continuous', scheduleExpression: 'cron(0 5 * * ? *)', retentionDays: 60, continuous: true },
          ],
        },
      ),
    ).toThrow(
      'Invalid DatabaseBackupPlan Test/Plan:\n' +
        '  - rules[0].copyTo.region = "eu-west-1": rule \'daily\' copies into its own region; a copy protects against losing the region only in another one. Fix: copy to a vault in another region than eu-west-1\n' +
        "  - rules[1].retentionDays = 60: rule 'continuous' is a continuous backup, which keeps at most 35 days. Fix: lower it to 35 or less, or make the rule a snapshot rule",
    );
    expect(() => synth({}, { rules: [] })).toThrow('  - rules = []: a plan needs at least one rule. Fix: add a rule');
  });
});
