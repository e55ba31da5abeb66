/** An alert policy definition for a Cloud SQL instance. Pure data (no CDKTF import) so the plan can use it. */
import type { AlarmSeverity } from '../common/alarm-catalog';

/** One alert policy on a `cloudsql.googleapis.com/database/...` metric of this instance. */
export interface CloudSqlAlert {
  /** Stable id, unique per instance: it names the construct, so changing it replaces the policy. */
  readonly id: string;
  readonly displayName: string;
  readonly severity: AlarmSeverity;
  /** e.g. `cloudsql.googleapis.com/database/cpu/utilization`. */
  readonly metricType: string;
  readonly comparison: 'COMPARISON_GT' | 'COMPARISON_LT';
  readonly threshold: number;
  /** How long the condition must hold before an incident opens. */
  readonly durationSeconds: number;
  /** Runbook text shown in the incident and the notification. */
  readonly documentation: string;
}
