/**
 * Alarms: each planned CloudWatch alarm exists with the planned metric, statistic, comparison, threshold and period,
 * and notifies the planned topic. Pure; shared by every AWS database kind whose plan lists CloudWatch alarms. A
 * DynamoDB alarm over several operations is a metric-math alarm (`SUM([m0, m1, …])` of one metric per operation):
 * its live side is read back from the alarm's metric queries.
 */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
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
  /** A metric-math alarm over per-operation metrics. */
  readonly acrossOperations?: { readonly operations: readonly string[]; readonly combine: string };
}

/** What alarmChecks needs of a planned alarm: an RDS or DynamoDB alarm definition. */
export interface PlannedAlarm extends AlarmShape {
  readonly alarmName: string;
}

/** `CPUUtilization Average > 90, 3×300s`: the metric's condition, alike for both sides. */
export function describeCondition(alarm: AlarmShape): string {
  const comparison = COMPARISON_SYMBOL[alarm.comparison ?? ''] ?? alarm.comparison ?? '?';
  const across = alarm.acrossOperations ? `, ${alarm.acrossOperations.combine} over ${alarm.acrossOperations.operations.length} operations` : '';
  return `${alarm.metricName ?? '?'} ${alarm.statistic ?? '?'} ${comparison} ${alarm.threshold ?? '?'}, ${alarm.evaluationPeriods ?? '?'}×${alarm.periodSeconds ?? '?'}s${across}`;
}

/** The operations of a metric-math alarm, sorted, so two alarms over the same operations compare equal. */
const operationsKey = (alarm: AlarmShape) => (alarm.acrossOperations ? [...alarm.acrossOperations.operations].sort().join(',') : '');

/** `AWS/RDS DBInstanceIdentifier=prod-orders`: what the metric is about. */
export function describeSubject(alarm: AlarmShape): string {
  const dimensions = Object.entries(alarm.dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
  return `${alarm.namespace ?? '?'} ${dimensions}`;
}

function liveShape(alarm: MetricAlarm): AlarmShape {
  if (alarm.Metrics && alarm.Metrics.length > 0) return liveMathShape(alarm);
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

/** `SUM([m0, m1])` over metrics that differ only in their Operation dimension: read back as one shape. */
function liveMathShape(alarm: MetricAlarm): AlarmShape {
  const queries = alarm.Metrics ?? [];
  const expression = queries.find((q) => q.ReturnData !== false && q.Expression)?.Expression ?? '';
  const stats = queries.flatMap((q) => (q.MetricStat ? [q.MetricStat] : []));
  const first = stats[0];
  const dimensions = (stat: (typeof stats)[number]) => Object.fromEntries((stat.Metric?.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
  const { Operation: _operation, ...shared } = first ? dimensions(first) : {};
  const same = <T>(values: T[]) => (values.every((v) => v === values[0]) ? values[0] : undefined);
  return {
    namespace: same(stats.map((s) => s.Metric?.Namespace)),
    metricName: same(stats.map((s) => s.Metric?.MetricName)),
    dimensions: shared,
    statistic: same(stats.map((s) => s.Stat)),
    comparison: alarm.ComparisonOperator,
    threshold: alarm.Threshold,
    periodSeconds: same(stats.map((s) => s.Period)),
    evaluationPeriods: alarm.EvaluationPeriods,
    acrossOperations: {
      combine: /^\s*([A-Z]+)\s*\(/.exec(expression)?.[1] ?? (expression || '?'),
      operations: stats.map((s) => dimensions(s).Operation ?? '?'),
    },
  };
}

/** The topic's name is enough to tell topics apart in a table (`arn:aws:sns:r:a:name` → `name`). */
export const topicName = (arn: string) => arn.split(':').pop() ?? arn;

export interface AlarmFacts {
  readonly database: string;
  readonly kind: string;
  readonly alarms: readonly PlannedAlarm[];
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
      status: sameSubject && describeCondition(shape) === plannedText && operationsKey(shape) === operationsKey(planned) ? 'pass' : 'fail',
      planned: sameSubject ? plannedText : `${plannedText} on ${describeSubject(planned)}`,
      live: `${describeCondition(shape)}${sameSubject ? '' : ` on ${describeSubject(shape)}`}${
        operationsKey(shape) === operationsKey(planned) ? '' : ` (${shape.acrossOperations?.operations.join(', ') ?? 'one metric'})`
      }`,
    };
    const actions = alarm.AlarmActions ?? [];
    const notifies = alarm.ActionsEnabled !== false && actions.includes(topicArn);
    const liveActions =
      alarm.ActionsEnabled === false ? 'actions disabled' : actions.length === 0 ? 'no alarm actions' : `→ ${actions.map(topicName).join(', ')}`;
    return [alarmRow, { ...base, check: 'alarm actions', status: notifies ? 'pass' : 'fail', planned: `→ ${topicName(topicArn)}`, live: liveActions }];
  });
}
