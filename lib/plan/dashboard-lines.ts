/** A database's lines on its region's dashboard (lib/plan/aws-dashboards.ts): kinds with CloudWatch graphs give them. */
import type { CloudWatchAlarmDefinition } from '../../constructs/aws/rds/tables/rds-alarm-definitions';
import type { AwsDashboardPlan } from './plan-types';

export type DashboardLine = AwsDashboardPlan['instances'][number] & { readonly region: string };

/** The metrics the alarms watch, each once, by namespace and name (the same name can live in two namespaces). */
export function alarmMetrics(alarms: readonly CloudWatchAlarmDefinition[]): DashboardLine['metrics'] {
  const metrics = new Map(alarms.map((alarm) => [`${alarm.namespace}|${alarm.metricName}`, { namespace: alarm.namespace, metricName: alarm.metricName }]));
  return [...metrics.values()];
}
