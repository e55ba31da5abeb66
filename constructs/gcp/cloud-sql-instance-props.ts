/** CloudSqlInstance's props and their defaults: apart from the construct, so its validation reads them without a cycle. */
import type { CloudSqlAlert } from './tables/cloud-sql-alert';
import { defaultAlerts } from './tables/cloud-sql-alerts';
import type { CloudSqlDiskType, CloudSqlEdition, CloudSqlSslMode } from './tables/cloud-sql-choices';
import { CLOUD_SQL_DEFAULTS, defaultDataCache, defaultIamAuthentication, defaultTransactionLogRetentionDays } from './tables/cloud-sql-defaults';
import { cloudSqlVersionOf } from './tables/cloud-sql-engine-table';
import type {
  CloudSqlDenyMaintenancePeriod,
  CloudSqlMaintenanceWindow,
  CloudSqlPasswordPolicy,
  CloudSqlQueryInsights,
} from './tables/cloud-sql-instance-checks';
import { parseCloudSqlTier } from './tables/cloud-sql-tiers';
import { featureFlags, resolveQueryInsights } from './cloud-sql-settings';

export const isMySql = (databaseVersion: string) => databaseVersion.startsWith('MYSQL_');

/** PostgreSQL and SQL Server keep transaction logs (`pitr`); MySQL uses binary logs (`binary-log`). */
export type PointInTimeRecoveryMode = 'pitr' | 'binary-log';

/** What a primary and a read replica both take. */
export interface CloudSqlInstanceCommonProps {
  /** Changing it replaces the instance. */
  readonly region: string;
  /** `[a-z][a-z0-9-]*`, at most 98 characters. Changing it replaces the instance. */
  readonly instanceName: string;
  /** Machine tier, e.g. `db-custom-2-7680`. */
  readonly tier: string;
  /**
   * Customer-managed key id (`projects/…/locations/<region>/keyRings/…/cryptoKeys/…`) in the instance's region.
   * The Cloud SQL service agent needs `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. Changing it replaces the
   * instance.
   */
  readonly encryptionKeyName: string;
  /**
   * Initial disk size; the disk grows automatically while `diskAutoresize` is on.
   * @default 10 (a replica: its primary's size)
   */
  readonly diskSizeGb?: number;
  /** @default true */
  readonly diskAutoresize?: boolean;
  /**
   * Largest size, in GB, automatic growth may reach; 0 for no limit.
   * @default 0
   */
  readonly diskAutoresizeLimitGb?: number;
  /**
   * Database flags by name; values as Cloud SQL expects them (`on`, `200`, `1.1`). Checked against the engine's
   * allow-list (cloud-sql-flag-table.ts) at synth.
   * @default {}
   */
  readonly databaseFlags?: Readonly<Record<string, string>>;
  /**
   * Labels for the instance and its alert policies.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Sets both `deletion_protection` (Terraform refuses to delete) and `settings.deletion_protection_enabled`
   * (the Cloud SQL API refuses to delete, whatever tool asks).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Alert policies to create; without `notificationChannels` they open incidents but notify nobody (a warning).
   * Pass `[]` to create none.
   * @default - the alert table's alerts for the engine and role (cloud-sql-alert-table.ts): CPU, memory, disk, server
   * down, instance failed; replica lag on replicas; backends and transaction ids on PostgreSQL
   */
  readonly alerts?: readonly CloudSqlAlert[];
  /**
   * Notification channel names (`projects/<project>/notificationChannels/<id>`) every alert notifies.
   * @default []
   */
  readonly notificationChannels?: readonly string[];
}

export interface CloudSqlInstanceProps extends CloudSqlInstanceCommonProps {
  readonly project: string;
  /** Explicit version, e.g. `POSTGRES_16`, `MYSQL_8_4` or `SQLSERVER_2022_STANDARD`. */
  readonly databaseVersion: string;
  /** Always explicit: PostgreSQL 16+ defaults to ENTERPRISE_PLUS server-side, which rejects most tiers. */
  readonly edition: CloudSqlEdition;
  /** VPC network with private services access, `projects/<project>/global/networks/<name>`. */
  readonly privateNetwork: string;
  /**
   * `REGIONAL` keeps a standby in another zone; it needs backups with point-in-time recovery (binary logs on MySQL).
   * @default 'REGIONAL'
   */
  readonly availabilityType?: 'REGIONAL' | 'ZONAL';
  /** Changing it replaces the instance. @default 'PD_SSD' */
  readonly diskType?: CloudSqlDiskType;
  /** @default 'ENCRYPTED_ONLY' */
  readonly sslMode?: CloudSqlSslMode;
  /** Automated daily backups. @default true */
  readonly backups?: boolean;
  /**
   * Start of the daily backup window, `HH:MM` UTC.
   * @default '02:00'
   */
  readonly backupStartTime?: string;
  /**
   * Where backups are stored: a region or a multi-region (`eu`, `us`, `asia`).
   * @default the instance's region
   */
  readonly backupLocation?: string;
  /**
   * Automated backups kept, 1–365.
   * @default 7
   */
  readonly retainedBackups?: number;
  /** @default true */
  readonly pointInTimeRecovery?: boolean;
  /**
   * How point-in-time recovery is switched on.
   * @default 'binary-log' for MySQL versions, 'pitr' otherwise
   */
  readonly pointInTimeRecoveryMode?: PointInTimeRecoveryMode;
  /**
   * Days of transaction logs kept for point-in-time recovery: 1–7 (1–35 on ENTERPRISE_PLUS for PostgreSQL and
   * SQL Server), and fewer than `retainedBackups` (Cloud SQL keeps more backups than days of logs).
   * @default the smaller of 7 and retainedBackups - 1
   */
  readonly transactionLogRetentionDays?: number;
  /**
   * Keep the automated backups when the instance is deleted, so it can still be restored.
   * @default true
   */
  readonly retainBackupsOnDelete?: boolean;
  /**
   * Query Insights; `true` takes the defaults (1024-byte queries, 5 plans a minute, no tags or client addresses).
   * @default true (false for SQL Server Express, which has none)
   */
  readonly queryInsights?: boolean | CloudSqlQueryInsights;
  /**
   * IAM database authentication (PostgreSQL, MySQL); SQL Server has none on Cloud SQL.
   * @default true where the engine has it
   */
  readonly iamAuthentication?: boolean;
  /**
   * Password policy for local users (PostgreSQL, MySQL); `false` turns it off.
   * @default the policy's defaults where the engine has one
   */
  readonly passwordPolicy?: CloudSqlPasswordPolicy | false;
  /**
   * Audit logging: pgaudit (PostgreSQL), the Cloud SQL audit plugin (MySQL), SQL Server audit files uploaded to
   * `auditBucket`.
   * @default false
   */
  readonly auditLogging?: boolean;
  /** SQL Server audit: the bucket, `gs://<bucket>`, the audit files go to (required with auditLogging). @default - none */
  readonly auditBucket?: string;
  /** @default Cloud SQL's choice */
  readonly maintenanceWindow?: CloudSqlMaintenanceWindow;
  /** A period (at most 90 days) without maintenance, e.g. a sales peak. @default - none */
  readonly denyMaintenancePeriod?: CloudSqlDenyMaintenancePeriod;
  /** ENTERPRISE_PLUS data cache. @default true on ENTERPRISE_PLUS */
  readonly dataCache?: boolean;
  /** Initial root password, required by Cloud SQL for SQL Server; pass a secret reference, never a literal. @default - none */
  readonly rootPassword?: string;
  /**
   * Name of the cross-region read replica designated for disaster recovery (ENTERPRISE_PLUS, PostgreSQL and MySQL).
   * A plain name, not a reference: the replica itself references this instance.
   * @default - none
   */
  readonly disasterRecoveryReplicaName?: string;
  /**
   * Adds `lifecycle.prevent_destroy`, so no plan that destroys the instance can be applied.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** The props with every default filled in (what the validation checks). */
export type ResolvedCloudSqlInstanceProps = ReturnType<typeof withDefaults>;

export function withDefaults(props: CloudSqlInstanceProps) {
  const known = cloudSqlVersionOf(props.databaseVersion);
  const row = known?.row;
  const defaults = CLOUD_SQL_DEFAULTS;
  const iamAuthentication = props.iamAuthentication ?? defaultIamAuthentication(row);
  const auditLogging = props.auditLogging ?? defaults.auditLogging;
  const passwordPolicy =
    props.passwordPolicy === false || (props.passwordPolicy === undefined && row?.passwordPolicy === 'none')
      ? undefined
      : { ...defaults.passwordPolicy, ...props.passwordPolicy };
  const retainedBackups = props.retainedBackups ?? defaults.retainedBackups;
  const machineTier = parseCloudSqlTier(props.tier);
  const databaseFlags = props.databaseFlags ?? {};
  return {
    machineTier,
    availabilityType: props.availabilityType ?? defaults.availabilityType,
    diskType: props.diskType ?? defaults.diskType,
    diskSizeGb: props.diskSizeGb ?? defaults.diskSizeGb,
    diskAutoresize: props.diskAutoresize ?? defaults.diskAutoresize,
    diskAutoresizeLimitGb: props.diskAutoresizeLimitGb ?? defaults.diskAutoresizeLimitGb,
    sslMode: props.sslMode ?? defaults.sslMode,
    backups: props.backups ?? defaults.backups,
    backupStartTime: props.backupStartTime ?? defaults.backupStartTime,
    backupLocation: props.backupLocation ?? props.region,
    retainedBackups,
    pointInTimeRecovery: props.pointInTimeRecovery ?? defaults.pointInTimeRecovery,
    pointInTimeRecoveryMode: props.pointInTimeRecoveryMode ?? (isMySql(props.databaseVersion) ? 'binary-log' : 'pitr'),
    transactionLogRetentionDays: props.transactionLogRetentionDays ?? defaultTransactionLogRetentionDays(retainedBackups),
    retainBackupsOnDelete: props.retainBackupsOnDelete ?? defaults.retainBackupsOnDelete,
    queryInsights: resolveQueryInsights(props.queryInsights ?? known?.version.queryInsights !== false),
    iamAuthentication,
    passwordPolicy,
    auditLogging,
    dataCache: props.dataCache ?? defaultDataCache(props.edition),
    featureFlags: featureFlags(row, { iamAuthentication, auditLogging }),
    databaseFlags,
    deletionProtection: props.deletionProtection ?? defaults.deletionProtection,
    preventDestroy: props.preventDestroy ?? defaults.preventDestroy,
    alerts: props.alerts ?? defaultAlerts(props.instanceName, 'primary', row?.engine, machineTier, databaseFlags),
    notificationChannels: props.notificationChannels ?? [],
  };
}
