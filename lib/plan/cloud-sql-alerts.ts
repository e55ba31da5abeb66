/** The alert policies of one Cloud SQL instance, from the alert table (constructs/gcp/cloud-sql-alert-table.ts). */
import type { CloudSqlAlert } from '../../constructs/gcp/cloud-sql-alert';
import { CLOUD_SQL_SIGNALS, cloudSqlAlertRows } from '../../constructs/gcp/cloud-sql-alert-table';
import type { CloudSqlEngine } from '../../constructs/gcp/cloud-sql-engine-table';

export interface CloudSqlAlertTarget {
  readonly instanceName: string;
  readonly role: 'primary' | 'replica';
  readonly engine: CloudSqlEngine;
  /** The instance's max_connections flag: the backends threshold is a fraction of it. */
  readonly maxConnections?: number;
}

export function cloudSqlAlerts(target: CloudSqlAlertTarget): CloudSqlAlert[] {
  return cloudSqlAlertRows()
    .filter((row) => (row.on === 'every-instance' || row.on === target.role) && (!row.engines || row.engines.includes(target.engine)))
    .flatMap((row): CloudSqlAlert[] => {
      const { describe, ...metric } = CLOUD_SQL_SIGNALS[row.signal];
      if (row.signal === 'backends' && target.maxConnections === undefined) return [];
      const threshold = row.signal === 'backends' ? Math.floor(row.threshold * target.maxConnections!) : row.threshold;
      return [{
        id: row.id,
        displayName: `${target.instanceName}: ${describe(threshold)} [${row.severity}]`,
        severity: row.severity,
        ...metric,
        threshold,
        durationSeconds: row.durationSeconds,
        documentation: row.runbook,
      }];
    });
}
