/** The selection row of a backup plan (moto 5.2.1 has no selections, so it is compared here on SDK-shaped values). */
import { backupPlanChecks } from '../../lib/operations/verify/backup-plan-checks';
import type { AwsRegionPlan, BackupPlanDefinition } from '../../lib/plan/plan-types';

const plan: BackupPlanDefinition = {
  name: 'prod-databases-eu-west-1',
  rules: [{ name: 'daily', scheduleExpression: 'cron(0 3 * * ? *)', retentionDays: 35, continuous: false }],
  selection: {
    resourceArnPatterns: ['arn:aws:rds:eu-west-1:123456789012:db:*', 'arn:aws:dynamodb:eu-west-1:123456789012:table/*'],
    tagKey: 'backup-plan',
    tagValue: 'prod-databases-eu-west-1',
  },
};
const region = { region: 'eu-west-1', backupVault: { name: 'prod-databases' } } as AwsRegionPlan;
const rules = [{ RuleName: 'daily', ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: 35 }, TargetBackupVaultName: 'prod-databases' }];
const PLANNED = 'arn:aws:dynamodb:eu-west-1:123456789012:table/*, arn:aws:rds:eu-west-1:123456789012:db:* where backup-plan=prod-databases-eu-west-1';
const selectionRow = (selections: object[]) => {
  const row = backupPlanChecks({ region, plan, live: { rules, selections: selections as never } }).find((r) => r.check === 'selection')!;
  return { status: row.status, planned: row.planned, live: row.live };
};

describe('backup plan selection', () => {
  test('GIVEN a selection by the planned resource types and tag condition THEN it passes', () => {
    const selection = {
      Resources: [...plan.selection.resourceArnPatterns].reverse(),
      Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup-plan', ConditionValue: 'prod-databases-eu-west-1' }] },
    };
    expect(selectionRow([selection])).toEqual({ status: 'pass', planned: PLANNED, live: PLANNED });
  });

  test('GIVEN a selection with another tag value THEN it fails with both sides', () => {
    const selection = {
      Resources: plan.selection.resourceArnPatterns,
      Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup-plan', ConditionValue: 'staging' }] },
    };
    expect(selectionRow([selection])).toEqual({ status: 'fail', planned: PLANNED, live: PLANNED.replace(/=prod-databases-eu-west-1$/, '=staging') });
  });

  test('GIVEN a selection without DynamoDB THEN it fails', () => {
    const selection = {
      Resources: ['arn:aws:rds:eu-west-1:123456789012:db:*'],
      ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup-plan', ConditionValue: 'prod-databases-eu-west-1' }],
    };
    expect(selectionRow([selection])).toEqual({
      status: 'fail',
      planned: PLANNED,
      live: 'arn:aws:rds:eu-west-1:123456789012:db:* where backup-plan=prod-databases-eu-west-1',
    });
  });

  test('GIVEN no selection THEN it fails: the plan backs nothing up', () => {
    expect(selectionRow([])).toEqual({ status: 'fail', planned: PLANNED, live: 'no selection: the plan backs nothing up' });
  });
});
