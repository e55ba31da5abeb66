/** CloudWatch alarm definitions for one RDS instance: the alarm catalog's rows that apply, thresholds resolved. */
import type { AlarmSeverity } from '../../../common/alarm-catalog';
import { CatalogAlarmRow, RDS_ALARMS, RdsAlarmContext, RdsLogMetric } from './rds-alarm-catalog';

export interface CloudWatchAlarmDefinition {
  readonly id: string;
  readonly alarmName: string;
  readonly description: string;
  readonly severity: AlarmSeverity;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: 'Average' | 'Minimum' | 'Maximum' | 'Sum';
  readonly comparison: 'GreaterThanThreshold' | 'LessThanThreshold';
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly missingDataIsOk: boolean;
  /** Set when the metric is derived from an exported log group. */
  readonly logMetric?: RdsLogMetric;
}

/** The rows that apply to `ctx`, thresholds resolved, overrides (by alarm id, in the catalog's unit) winning. */
export function resolveAlarmRows<C>(
  rows: ReadonlyArray<CatalogAlarmRow<C, string>>,
  identifier: string,
  dimensions: Readonly<Record<string, string>>,
  ctx: C,
  overrides: Readonly<Record<string, number>>,
): CloudWatchAlarmDefinition[] {
  return rows.flatMap((row) => {
    const derived = row.threshold(ctx);
    if (derived === undefined) return [];
    const threshold = overrides[row.id] ?? derived;
    return [
      {
        id: row.id,
        alarmName: `${identifier}-${row.id}`,
        description: `[${row.severity}] ${identifier}: ${row.describe(threshold, ctx)}. ${row.runbook}`,
        severity: row.severity,
        namespace: row.namespace,
        metricName: row.metricName,
        dimensions,
        statistic: row.statistic,
        comparison: row.comparison,
        threshold,
        periodSeconds: row.periodSeconds,
        evaluationPeriods: row.evaluationPeriods,
        missingDataIsOk: row.missingDataIsOk ?? false,
        logMetric: row.logMetric,
      },
    ];
  });
}

/**
 * @param overrides thresholds by alarm id, in the catalog's unit; they win over the derived ones.
 */
export function rdsAlarmDefinitions(identifier: string, ctx: RdsAlarmContext, overrides: Readonly<Record<string, number>> = {}): CloudWatchAlarmDefinition[] {
  return resolveAlarmRows(RDS_ALARMS, identifier, { DBInstanceIdentifier: identifier }, ctx, overrides);
}
