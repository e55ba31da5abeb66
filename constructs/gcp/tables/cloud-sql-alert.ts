/** An alert policy definition for a Cloud SQL instance. Pure data (no CDKTF import) so the plan can use it. */
import type { AlarmSeverity } from '../../common/alarm-catalog';

/** One alert policy on a `cloudsql.googleapis.com/database/...` metric of this instance. */
export interface CloudSqlAlert {
  /** Stable id, unique per instance: it names the construct, so changing it replaces the policy. */
  readonly id: string;
  readonly displayName: string;
  readonly severity: AlarmSeverity;
  /** e.g. `cloudsql.googleapis.com/database/cpu/utilization`. */
  readonly metricType: string;
  /** Metric labels the series must carry, e.g. `{ state: 'FAILED' }` for `database/instance_state`. */
  readonly metricLabels?: Readonly<Record<string, string>>;
  readonly comparison: 'COMPARISON_GT' | 'COMPARISON_LT';
  readonly threshold: number;
  /** How long the condition must hold before an incident opens. */
  readonly durationSeconds: number;
  /**
   * How each series is aligned: the mean for utilizations, the max/min for gauges that must not be averaged away,
   * the fraction of true points for boolean metrics, the per-second rate for counters (Memorystore's evictions).
   * @default 'ALIGN_MEAN'
   */
  readonly aligner?: 'ALIGN_MEAN' | 'ALIGN_MAX' | 'ALIGN_MIN' | 'ALIGN_FRACTION_TRUE' | 'ALIGN_RATE';
  /** @default 300 */
  readonly alignmentSeconds?: number;
  /** Sums the instance's series (e.g. backends of every database) before comparing. */
  readonly sumAcrossSeries?: boolean;
  /** Runbook text shown in the incident and the notification: what to check first. */
  readonly documentation: string;
}
