/** CloudWatch alarm definitions for an RDS instance, from the shared alarm catalog. */
import { AlarmRow, AlarmSeverity, DATABASE_ALARMS } from '../common/alarm-catalog';

export interface CloudWatchAlarmDefinition {
  readonly id: string;
  readonly alarmName: string;
  readonly description: string;
  readonly severity: AlarmSeverity;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: 'Average' | 'Minimum' | 'Maximum';
  readonly comparison: 'GreaterThanThreshold' | 'LessThanThreshold';
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

const GIB = 1024 ** 3;

export function rdsAlarmDefinitions(identifier: string, allocatedStorageGiB: number): CloudWatchAlarmDefinition[] {
  return DATABASE_ALARMS.map((row) => rdsAlarm(row, identifier, allocatedStorageGiB));
}

function rdsAlarm(row: AlarmRow, identifier: string, allocatedStorageGiB: number): CloudWatchAlarmDefinition {
  const common = {
    id: row.id,
    alarmName: `${identifier}-${row.id}`,
    severity: row.severity,
    namespace: 'AWS/RDS',
    dimensions: { DBInstanceIdentifier: identifier },
    periodSeconds: row.periodSeconds,
    evaluationPeriods: row.evaluationPeriods,
  };
  switch (row.signal) {
    case 'cpu-utilization':
      return {
        ...common,
        description: `[${row.severity}] ${identifier}: CPU above ${row.thresholdPercent}%. ${row.runbook}`,
        metricName: 'CPUUtilization',
        statistic: 'Average',
        comparison: 'GreaterThanThreshold',
        threshold: row.thresholdPercent,
      };
    case 'storage-free':
      return {
        ...common,
        description: `[${row.severity}] ${identifier}: free storage below ${row.thresholdPercent}% of ${allocatedStorageGiB} GiB. ${row.runbook}`,
        metricName: 'FreeStorageSpace',
        statistic: 'Minimum',
        comparison: 'LessThanThreshold',
        threshold: Math.floor((allocatedStorageGiB * GIB * row.thresholdPercent) / 100),
      };
  }
}
