/**
 * A Cloud SQL instance with safe defaults: explicit edition, customer-managed encryption, private IP only with TLS
 * enforced, automated backups with point-in-time recovery, deletion protection on both the Terraform and the API
 * side, and one alert policy per requested alert. Usable on its own: it takes typed props, not our config.
 */
import { Construct } from 'constructs';
import { Annotations, Token } from 'cdktf';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance';
import type { AlarmSeverity } from '../common/alarm-catalog';
import type { CloudSqlAlert } from './cloud-sql-alert';
import { CLOUD_SQL_NAME_MAX_LENGTH, identifierProblem } from '../common/identifiers';
import { CLOUD_SQL_EDITIONS, CloudSqlEdition, TRANSACTION_LOG_DAYS } from './cloud-sql-engine-table';

export type { CloudSqlAlert } from './cloud-sql-alert';

/** PostgreSQL and SQL Server keep transaction logs (`pitr`); MySQL uses binary logs (`binary-log`). */
export type PointInTimeRecoveryMode = 'pitr' | 'binary-log';

export interface CloudSqlInstanceProps {
  readonly project: string;
  /** Changing it replaces the instance. */
  readonly region: string;
  /** `[a-z][a-z0-9-]*`, at most 98 characters. Changing it replaces the instance. */
  readonly instanceName: string;
  /** Explicit version, e.g. `POSTGRES_16` or `MYSQL_8_0`. */
  readonly databaseVersion: string;
  /**
   * Always explicit: PostgreSQL 16+ defaults to ENTERPRISE_PLUS server-side, which rejects most tiers.
   */
  readonly edition: CloudSqlEdition;
  /** Machine tier, e.g. `db-custom-2-7680`. */
  readonly tier: string;
  /**
   * Customer-managed key id (`projects/…/locations/<region>/keyRings/…/cryptoKeys/…`) in the instance's region.
   * The Cloud SQL service agent needs `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it. Changing it replaces the
   * instance.
   */
  readonly encryptionKeyName: string;
  /** VPC network with private services access, `projects/<project>/global/networks/<name>`. */
  readonly privateNetwork: string;
  /**
   * `REGIONAL` keeps a standby in another zone.
   * @default 'REGIONAL'
   */
  readonly availabilityType?: 'REGIONAL' | 'ZONAL';
  /**
   * Initial disk size; the disk grows automatically while `diskAutoresize` is on.
   * @default 10
   */
  readonly diskSizeGb?: number;
  /** @default true */
  readonly diskAutoresize?: boolean;
  /** @default 'ENCRYPTED_ONLY' */
  readonly sslMode?: 'ENCRYPTED_ONLY' | 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED';
  /**
   * Start of the daily backup window, `HH:MM` UTC.
   * @default '02:00'
   */
  readonly backupStartTime?: string;
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
  /** @default true */
  readonly queryInsights?: boolean;
  /**
   * Database flags by name; values as Cloud SQL expects them (`on`, `200`, `1.1`).
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
   * Adds `lifecycle.prevent_destroy`, so no plan that destroys the instance can be applied.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Alert policies to create; without `notificationChannels` they open incidents but notify nobody (a warning).
   * @default []
   */
  readonly alerts?: readonly CloudSqlAlert[];
  /**
   * Notification channel names (`projects/<project>/notificationChannels/<id>`) every alert notifies.
   * @default []
   */
  readonly notificationChannels?: readonly string[];
}

const ALERT_ALIGNMENT_PERIOD = '300s';
const SEVERITY: Readonly<Record<AlarmSeverity, string>> = { critical: 'CRITICAL', warning: 'WARNING' };
const BACKUP_START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MIN_DISK_SIZE_GB = 10;

const isMySql = (databaseVersion: string) => databaseVersion.startsWith('MYSQL_');

export class CloudSqlInstance extends Construct {
  readonly instance: SqlDatabaseInstance;
  readonly alertPolicies: readonly MonitoringAlertPolicy[];
  /** `<project>:<region>:<name>`, for the Cloud SQL connectors. */
  readonly connectionName: string;

  constructor(scope: Construct, id: string, props: CloudSqlInstanceProps) {
    super(scope, id);
    const resolved = withDefaults(props);
    const pitr = resolved.pointInTimeRecovery;
    const labels = props.labels && { ...props.labels };

    this.instance = new SqlDatabaseInstance(this, 'Instance', {
      project: props.project,
      region: props.region,
      name: props.instanceName,
      databaseVersion: props.databaseVersion,
      encryptionKeyName: props.encryptionKeyName,
      deletionProtection: resolved.deletionProtection,
      settings: {
        edition: props.edition,
        tier: props.tier,
        availabilityType: resolved.availabilityType,
        diskType: 'PD_SSD',
        diskSize: resolved.diskSizeGb,
        diskAutoresize: resolved.diskAutoresize,
        deletionProtectionEnabled: resolved.deletionProtection,
        retainBackupsOnDelete: resolved.retainBackupsOnDelete,
        userLabels: labels,
        ipConfiguration: { ipv4Enabled: false, privateNetwork: props.privateNetwork, sslMode: resolved.sslMode },
        backupConfiguration: {
          enabled: true,
          startTime: resolved.backupStartTime,
          location: props.region,
          backupRetentionSettings: { retainedBackups: resolved.retainedBackups, retentionUnit: 'COUNT' },
          // Each engine has its own switch; the other one must stay unset (PITR is rejected for MySQL).
          ...(resolved.pointInTimeRecoveryMode === 'pitr' ? { pointInTimeRecoveryEnabled: pitr } : { binaryLogEnabled: pitr }),
          transactionLogRetentionDays: pitr ? resolved.transactionLogRetentionDays : undefined,
        },
        insightsConfig: resolved.queryInsights ? { queryInsightsEnabled: true } : undefined,
        databaseFlags: renderFlags(resolved.databaseFlags),
      },
      lifecycle: resolved.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.connectionName = this.instance.connectionName;

    const databaseId = `${props.project}:${props.instanceName}`;
    this.alertPolicies = resolved.alerts.map(
      (alert) =>
        new MonitoringAlertPolicy(this, `Alert-${alert.id}`, {
          project: props.project,
          displayName: alert.displayName,
          severity: SEVERITY[alert.severity],
          combiner: 'OR',
          notificationChannels: [...resolved.notificationChannels],
          documentation: { content: alert.documentation, mimeType: 'text/markdown' },
          userLabels: labels,
          conditions: [
            {
              displayName: alert.displayName,
              conditionThreshold: {
                filter: `resource.type="cloudsql_database" AND resource.labels.database_id="${databaseId}" AND metric.type="${alert.metricType}"`,
                comparison: alert.comparison,
                thresholdValue: alert.threshold,
                duration: `${alert.durationSeconds}s`,
                aggregations: [{ alignmentPeriod: ALERT_ALIGNMENT_PERIOD, perSeriesAligner: 'ALIGN_MEAN' }],
              },
            },
          ],
        }),
    );

    this.node.addValidation({ validate: () => validateInstance(props, resolved) });
    if (resolved.alerts.length > 0 && resolved.notificationChannels.length === 0) {
      Annotations.of(this).addWarning(
        `${props.instanceName}: ${resolved.alerts.length} alert policies notify nobody; pass notificationChannels so someone is told`,
      );
    }
  }
}

/** In name order, so reordering the record changes nothing; left out when empty. */
function renderFlags(flags: Readonly<Record<string, string>>) {
  const entries = Object.entries(flags).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? entries.map(([name, value]) => ({ name, value })) : undefined;
}

type ResolvedProps = Required<Omit<CloudSqlInstanceProps, 'labels'>>;

function withDefaults(props: CloudSqlInstanceProps): ResolvedProps {
  return {
    ...props,
    availabilityType: props.availabilityType ?? 'REGIONAL',
    diskSizeGb: props.diskSizeGb ?? MIN_DISK_SIZE_GB,
    diskAutoresize: props.diskAutoresize ?? true,
    sslMode: props.sslMode ?? 'ENCRYPTED_ONLY',
    backupStartTime: props.backupStartTime ?? '02:00',
    retainedBackups: props.retainedBackups ?? 7,
    pointInTimeRecovery: props.pointInTimeRecovery ?? true,
    pointInTimeRecoveryMode: props.pointInTimeRecoveryMode ?? (isMySql(props.databaseVersion) ? 'binary-log' : 'pitr'),
    transactionLogRetentionDays:
      props.transactionLogRetentionDays ?? Math.max(1, Math.min(TRANSACTION_LOG_DAYS.standard, (props.retainedBackups ?? 7) - 1)),
    retainBackupsOnDelete: props.retainBackupsOnDelete ?? true,
    queryInsights: props.queryInsights ?? true,
    databaseFlags: props.databaseFlags ?? {},
    deletionProtection: props.deletionProtection ?? true,
    preventDestroy: props.preventDestroy ?? true,
    alerts: props.alerts ?? [],
    notificationChannels: props.notificationChannels ?? [],
  };
}

/** Checks a platform team would otherwise only hit at apply time (or never, for the silent ones). */
function validateInstance(props: CloudSqlInstanceProps, resolved: ResolvedProps): string[] {
  const errors: string[] = [];
  const known = (value: string) => !Token.isUnresolved(value);
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
  if (!Number.isInteger(resolved.diskSizeGb) || resolved.diskSizeGb < MIN_DISK_SIZE_GB) {
    errors.push(`diskSizeGb must be an integer of at least ${MIN_DISK_SIZE_GB} (got ${resolved.diskSizeGb})`);
  }
  if (known(resolved.backupStartTime) && !BACKUP_START_TIME.test(resolved.backupStartTime)) {
    errors.push(`backupStartTime must be HH:MM in UTC (got '${resolved.backupStartTime}')`);
  }
  if (known(props.encryptionKeyName) && known(props.region)) {
    const keyRegion = /\/locations\/([^/]+)\//.exec(props.encryptionKeyName)?.[1];
    if (keyRegion !== props.region) {
      errors.push(
        `encryptionKeyName must be a key in the instance's region ${props.region} ` +
          `(projects/…/locations/${props.region}/keyRings/…/cryptoKeys/…); got '${props.encryptionKeyName}'`,
      );
    }
  }
  return errors;
}
