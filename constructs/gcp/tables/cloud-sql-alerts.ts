/**
 * The alert policies of one Cloud SQL instance, from the alert table (cloud-sql-alert-table.ts): what the plan gives
 * every instance, and what CloudSqlInstance and CloudSqlReadReplica create when no `alerts` are passed.
 */
import type { CloudSqlAlert } from './cloud-sql-alert';
import { CLOUD_SQL_SIGNALS, cloudSqlAlertRows } from './cloud-sql-alert-table';
import type { CloudSqlEngine } from './cloud-sql-choices';
import { CloudSqlMachineTier, InvalidCloudSqlTier, isValidCloudSqlTier } from './cloud-sql-tiers';
import { postgresMaxConnections } from './cloud-sql-tuning';

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
      return [
        {
          id: row.id,
          displayName: `${target.instanceName}: ${describe(threshold)} [${row.severity}]`,
          severity: row.severity,
          ...metric,
          threshold,
          durationSeconds: row.durationSeconds,
          documentation: row.runbook,
        },
      ];
    });
}

/**
 * The instance's connection cap, which the backends alert is a fraction of: its `max_connections` flag, else (for
 * PostgreSQL) Cloud SQL's default for the tier's memory; undefined when neither is known (no backends alert then).
 */
export function cloudSqlMaxConnections(
  engine: CloudSqlEngine,
  tier: CloudSqlMachineTier | InvalidCloudSqlTier,
  flags: Readonly<Record<string, string>>,
): number | undefined {
  if (flags.max_connections !== undefined) return Number(flags.max_connections);
  return engine === 'postgres' && isValidCloudSqlTier(tier) ? postgresMaxConnections(tier.size.memoryGiB) : undefined;
}

/**
 * The alerts an instance gets when it is given none: alerting is a default, not an opt-in. None for a version the
 * engine table does not know (validation reports that version).
 */
export function defaultAlerts(
  instanceName: string,
  role: 'primary' | 'replica',
  engine: CloudSqlEngine | undefined,
  tier: CloudSqlMachineTier | InvalidCloudSqlTier,
  flags: Readonly<Record<string, string>>,
): CloudSqlAlert[] {
  return engine ? cloudSqlAlerts({ instanceName, role, engine, maxConnections: cloudSqlMaxConnections(engine, tier, flags) }) : [];
}
