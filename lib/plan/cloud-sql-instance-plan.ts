/** Plans one Cloud SQL instance: name, version, availability, recovery, CMEK, flags, alert policies. */
import { DATABASE_ALARMS, AlarmRow } from '../../constructs/common/alarm-catalog';
import { cloudSqlTierSize } from '../../constructs/gcp/cloud-sql-tiers';
import { tunePostgres } from '../../constructs/common/postgres-tuning';
import { CLOUD_SQL_ENGINE_TABLE } from '../../constructs/gcp/cloud-sql-engine-table';
import { TIER_DEFAULTS } from '../../config/schema';
import type { ResolvedCloudSqlInstance, ResolvedEnvironment } from '../config/resolved-environment';
import { toGcpLabels } from './gcp-labels';
import { cloudSqlStackName, databaseIdentifier } from './names';
import type { CloudSqlAlert } from '../../constructs/gcp/cloud-sql-alert';
import type { CloudSqlInstancePlan, GcpRegionKeyPlan } from './plan-types';

/** Cloud SQL writes transaction logs continuously; restores land within minutes of the requested time. */
const CLOUD_SQL_PITR_RPO_MINUTES = 5;
/** Without PITR the last daily backup is the newest restore point. */
const DAILY_BACKUP_RPO_MINUTES = 24 * 60;
const DEFAULT_BACKUP_START_TIME = '02:00';

export function planCloudSqlInstance(
  env: ResolvedEnvironment,
  db: ResolvedCloudSqlInstance,
  key: GcpRegionKeyPlan,
): CloudSqlInstancePlan {
  const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
  const size = cloudSqlTierSize(db.tier);
  if (!row || typeof size === 'string') throw new Error(`BUG: unvalidated Cloud SQL instance ${env.name}/${db.name}`);
  const instanceName = databaseIdentifier(env.name, db.name);

  const flags: Record<string, string> = {};
  const tuned = tunePostgres({ memoryGiB: size.memoryGiB, slowQueryThresholdMs: TIER_DEFAULTS[env.tier].slowQueryThresholdMs });
  for (const [name, setting] of Object.entries(tuned)) {
    if (setting.cloudSql) flags[name] = typeof setting.value === 'boolean' ? (setting.value ? 'on' : 'off') : setting.value;
  }
  for (const [name, value] of Object.entries(db.flags)) flags[name] = String(value);

  const pitr = db.pointInTimeRecovery;
  return {
    name: db.name,
    instanceName,
    stackName: cloudSqlStackName(env.name, db.name),
    projectId: env.gcp!.projectId,
    region: db.region,
    engine: row.engine,
    databaseVersion: row.versions[db.version],
    edition: db.edition,
    tier: db.tier,
    size,
    diskSizeGb: db.diskSizeGb,
    availabilityType: db.highAvailability ? 'REGIONAL' : 'ZONAL',
    recovery: {
      backupRetentionDays: db.retainedBackups,
      pointInTimeRecovery: pitr,
      restorableWindowDays: pitr ? db.transactionLogRetentionDays : db.retainedBackups,
      rpoMinutes: pitr ? CLOUD_SQL_PITR_RPO_MINUTES : DAILY_BACKUP_RPO_MINUTES,
      transactionLogRetentionDays: db.transactionLogRetentionDays,
      backupStartTime: DEFAULT_BACKUP_START_TIME,
    },
    pointInTimeRecoveryMode: row.pointInTimeRecovery,
    deletionProtection: db.deletionProtection,
    preventDestroy: db.removalPolicy === 'retain',
    retainBackupsOnDelete: db.removalPolicy !== 'destroy',
    keyId: key.keyId,
    privateNetwork: env.gcp!.privateNetwork,
    sslMode: 'ENCRYPTED_ONLY',
    flags,
    alerts: DATABASE_ALARMS.map((alarm) => alertPolicy(alarm, instanceName)),
    labels: toGcpLabels(db.tags),
  };
}

function alertPolicy(row: AlarmRow, instanceName: string): CloudSqlAlert {
  const common = {
    id: row.id,
    severity: row.severity,
    comparison: 'COMPARISON_GT' as const,
    durationSeconds: row.periodSeconds * row.evaluationPeriods,
  };
  switch (row.signal) {
    case 'cpu-utilization':
      return {
        ...common,
        displayName: `${instanceName}: CPU above ${row.thresholdPercent}% [${row.severity}]`,
        metricType: 'cloudsql.googleapis.com/database/cpu/utilization',
        threshold: row.thresholdPercent / 100,
        documentation: row.runbook,
      };
    case 'storage-free':
      return {
        ...common,
        displayName: `${instanceName}: disk more than ${100 - row.thresholdPercent}% full [${row.severity}]`,
        metricType: 'cloudsql.googleapis.com/database/disk/utilization',
        threshold: (100 - row.thresholdPercent) / 100,
        documentation: row.runbook,
      };
  }
}
