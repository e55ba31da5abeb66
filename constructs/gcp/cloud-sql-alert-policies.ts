/** Alert policies on one instance's metrics: Cloud SQL primaries and read replicas, Memorystore instances. */
import { Construct } from 'constructs';
import { Annotations } from 'cdktf';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import type { AlarmSeverity } from '../common/alarm-catalog';
import type { CloudSqlAlert } from './tables/cloud-sql-alert';

const DEFAULT_ALIGNMENT_SECONDS = 300;
const SEVERITY: Readonly<Record<AlarmSeverity, string>> = { critical: 'CRITICAL', warning: 'WARNING' };

export interface CloudSqlAlertPoliciesProps {
  readonly project: string;
  readonly instanceName: string;
  readonly alerts: readonly CloudSqlAlert[];
  readonly notificationChannels: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * The monitored resource the metrics belong to, as a filter.
   * @default the Cloud SQL instance: `resource.type="cloudsql_database" AND resource.labels.database_id="<project>:<instance>"`
   */
  readonly resourceFilter?: string;
}

/** One policy per alert, named `Alert-<id>` in `scope`; warns when nobody would be notified. */
export function addCloudSqlAlertPolicies(scope: Construct, props: CloudSqlAlertPoliciesProps): MonitoringAlertPolicy[] {
  const resourceFilter = props.resourceFilter ?? `resource.type="cloudsql_database" AND resource.labels.database_id="${props.project}:${props.instanceName}"`;
  const policies = props.alerts.map((alert) => {
    const labels = Object.entries(alert.metricLabels ?? {})
      .map(([key, value]) => ` AND metric.labels.${key}="${value}"`)
      .join('');
    return new MonitoringAlertPolicy(scope, `Alert-${alert.id}`, {
      project: props.project,
      displayName: alert.displayName,
      severity: SEVERITY[alert.severity],
      combiner: 'OR',
      notificationChannels: [...props.notificationChannels],
      documentation: { content: alert.documentation, mimeType: 'text/markdown' },
      userLabels: props.labels && { ...props.labels },
      conditions: [
        {
          displayName: alert.displayName,
          conditionThreshold: {
            filter: `${resourceFilter} AND metric.type="${alert.metricType}"${labels}`,
            comparison: alert.comparison,
            thresholdValue: alert.threshold,
            duration: `${alert.durationSeconds}s`,
            aggregations: [
              {
                alignmentPeriod: `${alert.alignmentSeconds ?? DEFAULT_ALIGNMENT_SECONDS}s`,
                perSeriesAligner: alert.aligner ?? 'ALIGN_MEAN',
                ...(alert.sumAcrossSeries ? { crossSeriesReducer: 'REDUCE_SUM', groupByFields: ['resource.label.database_id'] } : {}),
              },
            ],
          },
        },
      ],
    });
  });
  if (props.alerts.length > 0 && props.notificationChannels.length === 0) {
    Annotations.of(scope).addWarning(
      `${props.instanceName}: ${props.alerts.length} alert policies notify nobody; pass notificationChannels so someone is told`,
    );
  }
  return policies;
}
