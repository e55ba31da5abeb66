/**
 * One CloudWatch dashboard per environment and region: a graph per metric of the alarm catalog, one line per
 * instance, so the dashboard shows exactly what the alarms watch.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { AURORA_ALARMS } from '../aurora/tables/aurora-alarm-catalog';
import { ELASTICACHE_ALARMS } from '../elasticache/tables/elasticache-alarm-catalog';
import { RDS_ALARMS } from '../rds/tables/rds-alarm-catalog';

export interface DashboardInstance {
  readonly identifier: string;
  /** Metrics the instance's alarms watch; it gets a line on each of their graphs. */
  readonly metrics: ReadonlyArray<{ readonly namespace: string; readonly metricName: string }>;
  /** Aurora cluster-level lines; ElastiCache nodes. @default 'DBInstanceIdentifier' */
  readonly dimension?: 'DBClusterIdentifier' | 'CacheClusterId';
}

export interface DatabaseDashboardProps {
  readonly dashboardName: string;
  readonly instances: readonly DashboardInstance[];
}

const key = (metric: { namespace: string; metricName: string }) => `${metric.namespace}|${metric.metricName}`;

/**
 * Each metric of the catalog once, in catalog order, with the statistic its alarms use. A metric is its namespace
 * and name: the log-derived PostgreSQL `Deadlocks` and Aurora MySQL's own `Deadlocks` are two graphs.
 */
function dashboardMetrics() {
  const seen = new Map<string, { namespace: string; metricName: string; statistic: string }>();
  for (const row of [...RDS_ALARMS, ...AURORA_ALARMS, ...ELASTICACHE_ALARMS]) {
    if (!seen.has(key(row))) seen.set(key(row), { namespace: row.namespace, metricName: row.metricName, statistic: row.statistic });
  }
  return [...seen.values()];
}

export class DatabaseDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DatabaseDashboardProps) {
    super(scope, id);
    const widgets = dashboardMetrics().flatMap((metric) => {
      const instances = props.instances.filter((instance) => instance.metrics.some((m) => key(m) === key(metric)));
      if (instances.length === 0) return [];
      return [
        new cloudwatch.GraphWidget({
          title: metric.namespace === 'AWS/RDS' ? metric.metricName : `${metric.metricName} (${metric.namespace})`,
          width: 12,
          left: instances.map(
            (instance) =>
              new cloudwatch.Metric({
                namespace: metric.namespace,
                metricName: metric.metricName,
                dimensionsMap: { [instance.dimension ?? 'DBInstanceIdentifier']: instance.identifier },
                statistic: metric.statistic,
                period: Duration.minutes(5),
                label: instance.identifier,
              }),
          ),
        }),
      ];
    });
    const rows = widgets.map((_, i) => widgets.slice(i, i + 2)).filter((_, i) => i % 2 === 0);
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: props.dashboardName, widgets: rows });
  }
}
