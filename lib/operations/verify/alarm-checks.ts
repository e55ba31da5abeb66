/**
 * Alarms: each planned CloudWatch alarm exists with the planned metric, statistic, comparison, threshold and period,
 * and notifies the planned topic. Pure; shared by every AWS database kind whose plan lists CloudWatch alarms.
 */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchAlarmDefinition } from '../../../constructs/aws/rds-alarm-definitions';
import type { CheckResult } from '../check-result';

const COMPARISON_SYMBOL: Readonly<Record<string, string>> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

interface AlarmShape {
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic?: string;
  readonly comparison?: string;
  readonly threshold?: number;
  readonly periodSeconds?: number;
  readonly evaluationPeriods?: number;
}

/** `CPUUtilization Average > 90, 3×300s`: the metric's condition, alike for both sides. */
export function describeCondition(alarm: AlarmShape): string {
  const comparison = COMPARISON_SYMBOL[alarm.comparison ?? ''] ?? alarm.comparison ?? '?';
  return `${alarm.metricName ?? '?'} ${alarm.statistic ?? '?'} ${comparison} ${alarm.threshold ?? '?'}, ${alarm.evaluationPeriods ?? '?'}×${alarm.periodSeconds ?? '?'}s`;
}

/** `AWS/RDS DBInstanceIdentifier=prod-orders`: what the metric is about. */
export function describeSubject(alarm: AlarmShape): string {
  const dimensions = Object.entries(alarm.dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
  return `${alarm.namespace ?? '?'} ${dimensions}`;
}

function liveShape(alarm: MetricAlarm): AlarmShape {
  return {
    namespace: alarm.Namespace,
    metricName: alarm.MetricName,
    dimensions: Object.fromEntries((alarm.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? ''])),
    statistic: alarm.Statistic ?? alarm.ExtendedStatistic,
    comparison: alarm.ComparisonOperator,
    threshold: alarm.Threshold,
    periodSeconds: alarm.Period,
    evaluationPeriods: alarm.EvaluationPeriods,
  };
}

/** The topic's name is enough to tell topics apart in a table (`arn:aws:sns:r:a:name` → `name`). */
export const topicName = (arn: string) => arn.split(':').pop() ?? arn;

export interface AlarmFacts {
  readonly database: string;
  readonly kind: string;
  readonly alarms: readonly CloudWatchAlarmDefinition[];
  readonly topicArn: string;
  readonly live: ReadonlyMap<string, MetricAlarm>;
}

export function alarmChecks({ database, kind, alarms, topicArn, live }: AlarmFacts): CheckResult[] {
  return alarms.flatMap((planned): CheckResult[] => {
    const base = { database, kind, resource: planned.alarmName };
    const alarm = live.get(planned.alarmName);
    const plannedText = describeCondition(planned);
    if (!alarm) return [{ ...base, check: 'alarm', status: 'fail', planned: plannedText, live: 'missing' }];
    const shape = liveShape(alarm);
    // The subject (namespace and dimensions) is shown only when it differs: it is the same on every healthy row.
    const sameSubject = describeSubject(shape) === describeSubject(planned);
    const alarmRow: CheckResult = {
      ...base,
      check: 'alarm',
      status: sameSubject && describeCondition(shape) === plannedText ? 'pass' : 'fail',
      planned: sameSubject ? plannedText : `${plannedText} on ${describeSubject(planned)}`,
      live: sameSubject ? describeCondition(shape) : `${describeCondition(shape)} on ${describeSubject(shape)}`,
    };
    const actions = alarm.AlarmActions ?? [];
    const notifies = alarm.ActionsEnabled !== false && actions.includes(topicArn);
    const liveActions =
      alarm.ActionsEnabled === false ? 'actions disabled' : actions.length === 0 ? 'no alarm actions' : `→ ${actions.map(topicName).join(', ')}`;
    return [
      alarmRow,
      { ...base, check: 'alarm actions', status: notifies ? 'pass' : 'fail', planned: `→ ${topicName(topicArn)}`, live: liveActions },
    ];
  });
}
