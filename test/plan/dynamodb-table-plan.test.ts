import type { DynamodbTableInput, Tier } from '../../config/schema';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { withChange } from '../support/fixtures';

/** GIVEN the fixture plus a DynamoDB table, WHEN planned as environment `prod`. */
function planWith(table: Partial<DynamodbTableInput> = {}, tier: Tier = 'production') {
  const config = withChange(
    (c) => c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' }, ...table }),
    tier,
  );
  return buildPlan(validateEnvironment('prod', config));
}

describe('DynamoDB table plan', () => {
  const plan = planWith({ replicaRegions: ['eu-central-1'] });
  const table = plan.databases['dynamodb-table'][0];

  test('names, stack and primary region', () => {
    expect(table).toMatchObject({
      name: 'sessions',
      tableName: 'prod-sessions',
      stackId: 'dynamodb-sessions',
      stackName: 'prod-dynamodb-sessions',
      region: 'eu-west-1',
      account: '123456789012',
    });
  });

  test("the primary and every replica use their own region's key by alias ARN", () => {
    expect(table.keyAliasArn).toBe('arn:aws:kms:eu-west-1:123456789012:alias/prod-databases');
    expect(table.replicas).toEqual([{ region: 'eu-central-1', keyAliasArn: 'arn:aws:kms:eu-central-1:123456789012:alias/prod-databases', tlsOnly: false }]);
    expect(planWith({ replicaRegions: ['eu-central-1'], tlsOnlyReplicas: true }).databases['dynamodb-table'][0].replicas[0].tlsOnly).toBe(true);
  });

  test('production: PITR 35 days (RPO 5 min), protected, retained, Contributor Insights on', () => {
    expect(table).toMatchObject({
      recovery: { backupRetentionDays: 35, pointInTimeRecovery: true, restorableWindowDays: 35, rpoMinutes: 5 },
      deletionProtection: true,
      removalPolicy: 'retain',
      contributorInsights: true,
      alarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:prod-database-alarms',
      dashboardName: 'dynamodb-prod-sessions',
    });
  });

  test('alarms: throttles, errors, latency, and replication latency per replica region', () => {
    expect(table.alarms.map((a) => a.alarmName)).toEqual([
      'prod-sessions-read-throttles',
      'prod-sessions-write-throttles',
      'prod-sessions-system-errors',
      'prod-sessions-latency-p99',
      'prod-sessions-replication-latency-eu-central-1',
    ]);
  });

  test('staging keeps the table on removal (DynamoDB has no final snapshot); development may destroy it', () => {
    expect(planWith({}, 'staging').databases['dynamodb-table'][0]).toMatchObject({ removalPolicy: 'retain', recovery: { restorableWindowDays: 7 } });
    expect(planWith({}, 'development').databases['dynamodb-table'][0]).toMatchObject({
      removalPolicy: 'destroy',
      deletionProtection: false,
      contributorInsights: false,
      recovery: { restorableWindowDays: 1 },
    });
  });

  test('without PITR the newest restore point is the daily backup, and without a plan there is none', () => {
    expect(planWith({ pointInTimeRecovery: false }).databases['dynamodb-table'][0].recovery).toEqual({
      backupRetentionDays: 0,
      pointInTimeRecovery: false,
      restorableWindowDays: 0,
      rpoMinutes: 1440,
    });
    expect(planWith({ pointInTimeRecovery: false }, 'development').databases['dynamodb-table'][0].recovery.rpoMinutes).toBeUndefined();
  });

  test('provisioned billing adds capacity alarms at 80% of the autoscaling maximum', () => {
    const provisioned = planWith({ billing: { mode: 'provisioned', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 5, max: 50 } } }).databases[
      'dynamodb-table'
    ][0];
    expect(provisioned.alarms.filter((a) => a.id.endsWith('-capacity')).map((a) => [a.id, a.threshold])).toEqual([
      ['read-capacity', 24000],
      ['write-capacity', 12000],
    ]);
  });

  test('the region-wide UserErrors alarm lives in every region with a table or replica', () => {
    expect(plan.aws!.regions.map((r) => [r.region, r.dynamodbAlarms.map((a) => a.alarmName)])).toEqual([
      ['eu-west-1', ['prod-dynamodb-user-errors']],
      ['eu-central-1', ['prod-dynamodb-user-errors']],
    ]);
    expect(planWith().aws!.regions.map((r) => r.dynamodbAlarms.length)).toEqual([1, 0]);
  });
});
