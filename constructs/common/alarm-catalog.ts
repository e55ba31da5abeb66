/**
 * Alarms as rows of a table, in cloud-neutral terms (a signal and a percentage). Each cloud's plan turns a row into
 * its own metric, unit and threshold: free storage below 15% is `FreeStorageSpace < 15% of allocated bytes` on RDS
 * and `disk/utilization > 0.85` on Cloud SQL.
 */

export type AlarmSeverity = 'critical' | 'warning';
export type AlarmSignal = 'cpu-utilization' | 'storage-free';

export interface AlarmRow {
  readonly id: string;
  readonly signal: AlarmSignal;
  readonly severity: AlarmSeverity;
  /** CPU: busy above this percentage. Storage: free below this percentage of capacity. */
  readonly thresholdPercent: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** What the on-call engineer should check first. */
  readonly runbook: string;
}

export const DATABASE_ALARMS: readonly AlarmRow[] = [
  {
    id: 'cpu-high',
    signal: 'cpu-utilization',
    severity: 'critical',
    thresholdPercent: 90,
    periodSeconds: 300,
    evaluationPeriods: 3,
    runbook: 'Look for long-running or new queries (Performance Insights / Query Insights) before resizing.',
  },
  {
    id: 'storage-low',
    signal: 'storage-free',
    severity: 'critical',
    thresholdPercent: 15,
    periodSeconds: 300,
    evaluationPeriods: 1,
    runbook: 'Check table and WAL growth; raise the storage (or its autoscaling limit) before it runs out.',
  },
];
