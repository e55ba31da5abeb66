/**
 * The checks a CloudSqlInstance runs at synth, and the two it shares with read replicas: what a platform team would
 * otherwise only hit at apply time (or never, for the silent ones).
 */
import { Token } from 'cdktf';
import { CLOUD_SQL_NAME_MAX_LENGTH, identifierProblem } from '../common/identifiers';
import { CLOUD_SQL_EDITIONS, CloudSqlEngineRow, TRANSACTION_LOG_DAYS } from './tables/cloud-sql-engine-table';
import type { CloudSqlInstanceProps, ResolvedCloudSqlInstanceProps } from './cloud-sql-instance';
import {
  CloudSqlSettingProblem,
  denyMaintenancePeriodProblems,
  featureProblems,
  maintenanceWindowProblems,
  passwordPolicyProblems,
  queryInsightsProblems,
  tierProblem,
  versionKeyOf,
} from './tables/cloud-sql-instance-checks';
import { databaseFlagProblems, formatCloudSqlSettingProblem } from './cloud-sql-settings';

const BACKUP_START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const MIN_DISK_SIZE_GB = 10;
const MAX_DISK_SIZE_GB = 65536;

export const isMySql = (databaseVersion: string) => databaseVersion.startsWith('MYSQL_');

export function validateInstance(props: CloudSqlInstanceProps, resolved: ResolvedCloudSqlInstanceProps, row?: CloudSqlEngineRow): string[] {
  const errors: string[] = [];
  const known = (value: string | undefined) => value !== undefined && !Token.isUnresolved(value);
  const name = props.instanceName;

  if (!(CLOUD_SQL_EDITIONS as readonly string[]).includes(props.edition)) {
    errors.push(
      `edition must be set explicitly to ${CLOUD_SQL_EDITIONS.join(' or ')} (got ${JSON.stringify(props.edition)}); ` +
        'PostgreSQL 16+ otherwise defaults to ENTERPRISE_PLUS, which rejects most tiers',
    );
  }
  if (known(name)) {
    const problem = identifierProblem(name, CLOUD_SQL_NAME_MAX_LENGTH);
    if (problem) errors.push(`instanceName '${name}' ${problem}`);
  }
  if (known(props.databaseVersion)) {
    const mysql = isMySql(props.databaseVersion);
    if (mysql && resolved.pointInTimeRecoveryMode === 'pitr') {
      errors.push(`pointInTimeRecoveryMode 'pitr' is rejected for ${props.databaseVersion}; MySQL uses 'binary-log'`);
    }
    if (!mysql && resolved.pointInTimeRecoveryMode === 'binary-log') {
      errors.push(`pointInTimeRecoveryMode 'binary-log' is MySQL-only; ${props.databaseVersion} uses 'pitr'`);
    }
  }
  if (!Number.isInteger(resolved.retainedBackups) || resolved.retainedBackups < 1 || resolved.retainedBackups > 365) {
    errors.push(`retainedBackups must be an integer from 1 to 365 (got ${resolved.retainedBackups})`);
  }
  const longLogs = props.edition === 'ENTERPRISE_PLUS' && !isMySql(props.databaseVersion);
  const maxLogDays = longLogs ? TRANSACTION_LOG_DAYS.enterprisePlus : TRANSACTION_LOG_DAYS.standard;
  const logDays = resolved.transactionLogRetentionDays;
  if (!Number.isInteger(logDays) || logDays < 1 || logDays > maxLogDays) {
    errors.push(
      `transactionLogRetentionDays must be an integer from 1 to ${maxLogDays} for ${props.edition} ${props.databaseVersion} (got ${logDays})`,
    );
  }
  if (resolved.pointInTimeRecovery && logDays >= resolved.retainedBackups) {
    errors.push(
      `transactionLogRetentionDays (${logDays}) must be less than retainedBackups (${resolved.retainedBackups}); ` +
        'Cloud SQL rejects it otherwise ("backup retention should be > transaction log retention")',
    );
  }
  if (!resolved.backups && resolved.pointInTimeRecovery) {
    errors.push(`pointInTimeRecovery needs backups: Cloud SQL keeps ${resolved.pointInTimeRecoveryMode === 'pitr' ? 'transaction' : 'binary'} logs only with automated backups on`);
  }
  if (resolved.availabilityType === 'REGIONAL' && !(resolved.backups && resolved.pointInTimeRecovery)) {
    errors.push(`availabilityType REGIONAL needs backups with point-in-time recovery (${resolved.pointInTimeRecoveryMode === 'pitr' ? 'PITR' : 'binary logs'}); turn them on or use ZONAL`);
  }
  if (!Number.isInteger(resolved.diskSizeGb) || resolved.diskSizeGb < MIN_DISK_SIZE_GB || resolved.diskSizeGb > MAX_DISK_SIZE_GB) {
    errors.push(`diskSizeGb must be an integer from ${MIN_DISK_SIZE_GB} to ${MAX_DISK_SIZE_GB} (got ${resolved.diskSizeGb})`);
  }
  errors.push(...diskLimitErrors(resolved));
  if (known(resolved.backupStartTime) && !BACKUP_START_TIME.test(resolved.backupStartTime)) {
    errors.push(`backupStartTime must be HH:MM in UTC (got '${resolved.backupStartTime}')`);
  }
  errors.push(...keyRegionErrors(props.encryptionKeyName, props.region));
  if (row) errors.push(...engineErrors(props, row));
  const shared: CloudSqlSettingProblem[] = [
    ...(row && known(props.tier) ? [tierProblem(resolved.machineTier, props.edition, row)].flatMap((p) => p ?? []) : []),
    ...(row
      ? featureProblems(
          { ...props, version: versionKeyOf(row, props.databaseVersion), diskType: resolved.diskType, auditLogging: resolved.auditLogging, dataCache: props.dataCache },
          row,
        )
      : []),
    ...(resolved.queryInsights ? queryInsightsProblems(resolved.queryInsights, props.edition) : []),
    ...(props.passwordPolicy && row ? passwordPolicyProblems(props.passwordPolicy, row) : []),
    ...(props.maintenanceWindow ? maintenanceWindowProblems(props.maintenanceWindow) : []),
    ...(props.denyMaintenancePeriod ? denyMaintenancePeriodProblems(props.denyMaintenancePeriod) : []),
    ...databaseFlagProblems(row, resolved.databaseFlags),
  ];
  return [...errors, ...shared.map(formatCloudSqlSettingProblem)];
}

/** What only some engines or versions offer, beyond the checks shared with the config. */
function engineErrors(props: CloudSqlInstanceProps, row: CloudSqlEngineRow): string[] {
  const errors: string[] = [];
  const name = `${row.displayName} (${props.databaseVersion})`;
  if (row.requiresRootPassword && props.rootPassword === undefined) errors.push(`rootPassword is required for ${name}: Cloud SQL creates the instance with it`);
  if (props.disasterRecoveryReplicaName !== undefined && (props.edition !== 'ENTERPRISE_PLUS' || row.disasterRecoveryReplica !== 'designated')) {
    errors.push(`disasterRecoveryReplicaName needs ENTERPRISE_PLUS PostgreSQL or MySQL (${name}, ${props.edition})`);
  }
  return errors;
}

/** Shared with read replicas: a limit must leave room to grow. */
export function diskLimitErrors(disk: { diskAutoresize: boolean; diskAutoresizeLimitGb: number; diskSizeGb: number }): string[] {
  const limit = disk.diskAutoresizeLimitGb;
  if (limit === 0) return [];
  if (!Number.isInteger(limit) || limit <= disk.diskSizeGb || limit > MAX_DISK_SIZE_GB) {
    return [`diskAutoresizeLimitGb must be 0 (no limit) or an integer above diskSizeGb (${disk.diskSizeGb}) up to ${MAX_DISK_SIZE_GB} (got ${limit})`];
  }
  return disk.diskAutoresize ? [] : ['diskAutoresizeLimitGb has no effect with diskAutoresize off; remove one of them'];
}

/** Shared with read replicas: Cloud SQL uses a key only in the instance's own region. */
export function keyRegionErrors(encryptionKeyName: string, region: string): string[] {
  if (Token.isUnresolved(encryptionKeyName) || Token.isUnresolved(region)) return [];
  const keyRegion = /\/locations\/([^/]+)\//.exec(encryptionKeyName)?.[1];
  if (keyRegion === region) return [];
  return [
    `encryptionKeyName must be a key in the instance's region ${region} ` +
      `(projects/…/locations/${region}/keyRings/…/cryptoKeys/…); got '${encryptionKeyName}'`,
  ];
}
