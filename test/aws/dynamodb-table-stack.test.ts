import { Match, Template } from 'aws-cdk-lib/assertions';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { testApp } from '../support/fixtures';
import { DynamodbTableStack } from '../../lib/kinds/dynamodb-table/dynamodb-table-stack';

/** The sample environments from config/, synthesized once. */
const stages = addAwsEnvironments(testApp(), planSelectedEnvironments('prod,staging'));
const stage = (name: string) => stages.find((s) => s.stageName === name)!;
const tableStack = (name: string) => stage(name).stacksOf(DynamodbTableStack)[0];
const globalTable = (template: Template) => Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0];

describe('the production DynamoDB global table (config/prod.ts)', () => {
  const stack = tableStack('prod');
  const template = Template.fromStack(stack);
  const table = globalTable(template);
  const replicas: any[] = table.Properties.Replicas;

  test('its own stack in the primary region, after the foundations of every region it lives in', () => {
    expect(stack.stackName).toBe('prod-dynamodb-sessions');
    expect(stack.region).toBe('eu-west-1');
    expect(stack.terminationProtection).toBe(true);
    expect(stack.dependencies.map((d) => d.stackName).sort()).toEqual(['prod-foundation-eu-central-1', 'prod-foundation-eu-west-1']);
  });

  test('at least two regions, every replica with PITR, its own region key and deletion protection', () => {
    expect(replicas.map((r) => r.Region).sort()).toEqual(['eu-central-1', 'eu-west-1']);
    for (const replica of replicas) {
      expect(replica).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
        SSESpecification: { KMSMasterKeyId: `arn:aws:kms:${replica.Region}:333333333333:alias/prod-databases` },
        DeletionProtectionEnabled: true,
        ContributorInsightsSpecification: { Enabled: true },
      });
    }
  });

  test('retained with its replicas, keys from config, time to live, the replication stream', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      TableName: 'prod-sessions',
      KeySchema: [{ AttributeName: 'sessionId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: [expect.objectContaining({ IndexName: 'byUser', Projection: { ProjectionType: 'KEYS_ONLY' } })],
    });
  });

  test('the stack carries the backup plan tag and the environment tags, on every replica', () => {
    for (const replica of replicas) {
      expect(replica.Tags).toEqual([
        { Key: 'backup-plan', Value: 'prod-databases-eu-west-1' },
        { Key: 'cost-center', Value: 'platform' },
        { Key: 'data-classification', Value: 'confidential' },
        { Key: 'environment', Value: 'prod' },
      ]);
    }
  });

  test('alarms notify the primary region topic; a dashboard shows them', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.AlarmName)).toContain('prod-sessions-replication-latency-eu-central-1');
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:333333333333:prod-database-alarms']);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'dynamodb-prod-sessions' });
  });

  test('the UserErrors alarm (no table dimension) sits in the foundation of each region with a replica', () => {
    for (const region of ['eu-west-1', 'eu-central-1']) {
      Template.fromStack(stage('prod').foundations.get(region)!).hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'prod-dynamodb-user-errors',
        MetricName: 'UserErrors',
        Namespace: 'AWS/DynamoDB',
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^FoundationAlarmTopic') }],
      });
    }
  });
});

test('the staging table: provisioned with autoscaling and capacity alarms, PITR for the staging retention, retained', () => {
  const template = Template.fromStack(tableStack('staging'));
  const table = globalTable(template);
  expect(table.DeletionPolicy).toBe('Retain');
  expect(table.Properties.BillingMode).toBe('PROVISIONED');
  expect(table.Properties.Replicas).toEqual([
    expect.objectContaining({
      Region: 'eu-west-1',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
      DeletionProtectionEnabled: true,
    }),
  ]);
  const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
  expect(names).toEqual(expect.arrayContaining(['staging-sessions-read-capacity', 'staging-sessions-write-capacity']));
});
