import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { alarmChecks } from '../../lib/operations/verify/alarm-checks';
import { fixturePlan } from '../support/fixtures';

const plan = fixturePlan('production').databases['rds-instance'][0];
const TOPIC = plan.alarmTopicArn;
const cpu = plan.alarms.find((a) => a.id === 'cpu-critical')!;

function liveAlarm(change: (alarm: MetricAlarm) => void = () => undefined): MetricAlarm {
  const alarm: MetricAlarm = {
    AlarmName: cpu.alarmName,
    Namespace: 'AWS/RDS',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'test-orders' }],
    Statistic: 'Average',
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: 90,
    Period: 300,
    EvaluationPeriods: 3,
    ActionsEnabled: true,
    AlarmActions: [TOPIC],
  };
  change(alarm);
  return alarm;
}

const check = (alarm: MetricAlarm | undefined) =>
  alarmChecks({ database: 'orders', kind: 'rds-instance', alarms: [cpu], topicArn: TOPIC, live: new Map(alarm ? [[cpu.alarmName, alarm]] : []) }).map(
    ({ check, status, planned, live }) => ({ check, status, planned, live }),
  );

describe('alarm checks', () => {
  test('GIVEN the planned alarm notifying the planned topic THEN both rows pass', () => {
    expect(check(liveAlarm())).toEqual([
      { check: 'alarm', status: 'pass', planned: 'CPUUtilization Average > 90, 3×300s', live: 'CPUUtilization Average > 90, 3×300s' },
      { check: 'alarm actions', status: 'pass', planned: '→ test-database-alarms', live: '→ test-database-alarms' },
    ]);
  });

  test('GIVEN no alarm THEN one row says missing', () => {
    expect(check(undefined)).toEqual([{ check: 'alarm', status: 'fail', planned: 'CPUUtilization Average > 90, 3×300s', live: 'missing' }]);
  });

  test('GIVEN another threshold, period or comparison THEN the alarm row fails showing both conditions', () => {
    expect(check(liveAlarm((a) => ((a.Threshold = 80), (a.EvaluationPeriods = 1), (a.ComparisonOperator = 'GreaterThanOrEqualToThreshold'))))[0]).toEqual({
      check: 'alarm',
      status: 'fail',
      planned: 'CPUUtilization Average > 90, 3×300s',
      live: 'CPUUtilization Average >= 80, 1×300s',
    });
  });

  test('GIVEN an alarm on another instance THEN the row fails and shows what each watches', () => {
    expect(check(liveAlarm((a) => (a.Dimensions = [{ Name: 'DBInstanceIdentifier', Value: 'other' }])))[0]).toEqual({
      check: 'alarm',
      status: 'fail',
      planned: 'CPUUtilization Average > 90, 3×300s on AWS/RDS DBInstanceIdentifier=test-orders',
      live: 'CPUUtilization Average > 90, 3×300s on AWS/RDS DBInstanceIdentifier=other',
    });
  });

  test.each([
    ['actions disabled', (a: MetricAlarm) => (a.ActionsEnabled = false), 'actions disabled'],
    ['no actions', (a: MetricAlarm) => (a.AlarmActions = []), 'no alarm actions'],
    ['another topic', (a: MetricAlarm) => (a.AlarmActions = ['arn:aws:sns:eu-west-1:123456789012:somebody-else']), '→ somebody-else'],
  ])('GIVEN %s THEN the actions row fails', (_name, change, live) => {
    expect(check(liveAlarm(change))[1]).toEqual({ check: 'alarm actions', status: 'fail', planned: '→ test-database-alarms', live });
  });
});
