/**
 * Every default a Cloud SQL instance or read replica takes when a prop (or config field) is left out, in one place:
 * the constructs fill their props from here, and the config resolution and the plan take the same values. The
 * constructs' `@default` tags document these (test/gcp/cloud-sql-defaults.test.ts holds them together). Pure data.
 */
import type { CloudSqlEngineRow } from './cloud-sql-engine-table';
import type { CloudSqlDiskType, CloudSqlEdition, CloudSqlSslMode } from './cloud-sql-choices';
import { TRANSACTION_LOG_DAYS } from './cloud-sql-engine-table';

export const CLOUD_SQL_DEFAULTS = {
  availabilityType: 'REGIONAL' as 'REGIONAL' | 'ZONAL',
  /** A replica has no standby of its own unless asked. */
  replicaAvailabilityType: 'ZONAL' as 'REGIONAL' | 'ZONAL',
  diskType: 'PD_SSD' as CloudSqlDiskType,
  /** Cloud SQL's smallest disk. */
  diskSizeGb: 10,
  diskAutoresize: true,
  /** 0: no limit. */
  diskAutoresizeLimitGb: 0,
  sslMode: 'ENCRYPTED_ONLY' as CloudSqlSslMode,
  backups: true,
  /** Start of the daily backup window, UTC; the maintenance windows are placed after it. */
  backupStartTime: '02:00',
  retainedBackups: 7,
  pointInTimeRecovery: true,
  retainBackupsOnDelete: true,
  auditLogging: false,
  deletionProtection: true,
  preventDestroy: true,
  disasterRecovery: false,
  maintenanceUpdateTrack: 'stable' as const,
  /** Start and end time of a deny-maintenance period on its dates, UTC. */
  denyMaintenanceTime: '00:00:00',
  passwordPolicy: { minLength: 12, complexity: true, reuseInterval: 5, disallowUsernameSubstring: true },
  /** Customer-managed keys rotate every 90 days (CloudSqlEncryptionKeys, and the plan's keys). */
  keyRotationPeriod: `${90 * 24 * 3600}s`,
  queryInsights: { queryStringLength: 1024, queryPlansPerMinute: 5, recordApplicationTags: false, recordClientAddress: false },
} as const;

/** The smaller of 7 days and one fewer than the retained backups (Cloud SQL keeps more backups than days of logs). */
export const defaultTransactionLogRetentionDays = (retainedBackups: number) => Math.max(1, Math.min(TRANSACTION_LOG_DAYS.standard, retainedBackups - 1));

/** On wherever the engine has IAM database authentication (PostgreSQL, MySQL; not SQL Server). */
export const defaultIamAuthentication = (row: CloudSqlEngineRow | undefined) => row?.iamAuthenticationFlag !== undefined;

/** The ENTERPRISE_PLUS data cache is on by default there (and exists nowhere else). */
export const defaultDataCache = (edition: CloudSqlEdition) => edition === 'ENTERPRISE_PLUS';
