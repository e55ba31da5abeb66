/**
 * A Cloud SQL instance's settings for the checks (constructs/gcp/tables/cloud-sql-instance-checks.ts), built from the
 * resolved config: once by the plan, which keeps them, and by the config rule, which reports their problems with
 * config paths.
 */
import { CLOUD_SQL_ENGINE_TABLE, CloudSqlEngineRow } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import type { CloudSqlInstanceSettings, CloudSqlSettingNames } from '../../../constructs/gcp/tables/cloud-sql-instance-checks';
import type { ResolvedCloudSqlInstance } from '../../config/resolved-environment';

export function cloudSqlInstanceSettings(db: ResolvedCloudSqlInstance): CloudSqlInstanceSettings {
  const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
  return {
    engine: row,
    version: db.version,
    edition: db.edition,
    machineTier: db.machineTier,
    highAvailability: db.highAvailability,
    diskType: db.diskType,
    diskSizeGb: db.diskSizeGb,
    diskAutoresize: db.diskAutoresize,
    diskAutoresizeLimitGb: db.diskAutoresizeLimitGb,
    backups: db.backups,
    retainedBackups: db.retainedBackups,
    // MySQL restores to a point in time from binary logs, the others from transaction logs.
    logsOn: row.pointInTimeRecovery === 'binary-log' ? db.binaryLog : db.pointInTimeRecovery,
    transactionLogRetentionDays: db.transactionLogRetentionDays,
    iamAuthentication: db.iamAuthentication,
    auditLogging: db.auditLogging,
    auditBucket: db.auditBucket,
    dataCache: db.dataCache,
    queryInsights: db.queryInsights,
    passwordPolicy: db.passwordPolicy,
    maintenanceWindow: db.maintenanceWindow,
    denyMaintenancePeriod: db.denyMaintenancePeriod,
    flags: db.flags,
  };
}

/** The config's names for the settings the construct props name differently. */
export function configSettingNames(row: CloudSqlEngineRow): CloudSqlSettingNames {
  return {
    logSwitch: row.pointInTimeRecovery === 'binary-log' ? 'binaryLog' : 'pointInTimeRecovery',
    availability: { field: 'highAvailability', value: true, off: 'highAvailability: false' },
    flags: 'flags',
  };
}
