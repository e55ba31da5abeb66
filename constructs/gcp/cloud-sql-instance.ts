/**
 * A Cloud SQL instance with safe defaults: explicit edition, customer-managed encryption, private IP only with TLS
 * enforced, IAM database authentication and a password policy, automated backups with point-in-time recovery (binary
 * logs on MySQL), Query Insights, deletion protection on both the Terraform and the API side, and one alert policy
 * per requested alert. Usable on its own: it takes typed props, not our config. Read replicas:
 * cloud-sql-read-replica.ts.
 */
import { Construct } from 'constructs';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance';
import { addCloudSqlAlertPolicies } from './cloud-sql-alert-policies';
import { CloudSqlEngineRow, CloudSqlVersionRow, cloudSqlVersionOf } from './tables/cloud-sql-engine-table';
import { CloudSqlDiskType, CloudSqlEdition, CloudSqlSslMode } from './tables/cloud-sql-choices';
import { CLOUD_SQL_DEFAULTS } from './tables/cloud-sql-defaults';
import { instanceProblems } from './cloud-sql-instance-validation';
import { type CloudSqlInstanceProps, withDefaults } from './cloud-sql-instance-props';
import { DatabaseValidationError } from '../common/database-validation-error';
import { renderFlags, renderInsights, renderIpConfiguration, ResolvedQueryInsights } from './cloud-sql-settings';

export type { CloudSqlAlert } from './tables/cloud-sql-alert';

// The props live beside their defaults (cloud-sql-instance-props.ts), which the validation reads without a cycle.
export type { CloudSqlInstanceCommonProps, CloudSqlInstanceProps, PointInTimeRecoveryMode } from './cloud-sql-instance-props';

export class CloudSqlInstance extends Construct {
  readonly instance: SqlDatabaseInstance;
  readonly alertPolicies: readonly MonitoringAlertPolicy[];
  /** `<project>:<region>:<name>`, for the Cloud SQL connectors. */
  readonly connectionName: string;
  /** What read replicas of this instance inherit. */
  readonly replicaDefaults: CloudSqlReplicaDefaults;

  constructor(scope: Construct, id: string, props: CloudSqlInstanceProps) {
    super(scope, id);
    const resolved = withDefaults(props);
    const known = cloudSqlVersionOf(props.databaseVersion);
    // Thrown here, as the AWS constructs do, so a mistake surfaces where the instance is declared.
    const problems = instanceProblems(props, resolved, known?.row);
    if (problems.length > 0) throw new DatabaseValidationError('CloudSqlInstance', this.node.path, problems);
    const pitr = resolved.pointInTimeRecovery;
    const labels = props.labels && { ...props.labels };
    const policy = resolved.passwordPolicy;
    const window = props.maintenanceWindow;
    const deny = props.denyMaintenancePeriod;

    this.instance = new SqlDatabaseInstance(this, 'Instance', {
      project: props.project,
      region: props.region,
      name: props.instanceName,
      databaseVersion: props.databaseVersion,
      encryptionKeyName: props.encryptionKeyName,
      deletionProtection: resolved.deletionProtection,
      rootPassword: props.rootPassword,
      replicationCluster: props.disasterRecoveryReplicaName ? { failoverDrReplicaName: props.disasterRecoveryReplicaName } : undefined,
      settings: {
        edition: props.edition,
        tier: props.tier,
        availabilityType: resolved.availabilityType,
        diskType: resolved.diskType,
        diskSize: resolved.diskSizeGb,
        diskAutoresize: resolved.diskAutoresize,
        diskAutoresizeLimit: resolved.diskAutoresize ? resolved.diskAutoresizeLimitGb : undefined,
        deletionProtectionEnabled: resolved.deletionProtection,
        retainBackupsOnDelete: resolved.retainBackupsOnDelete,
        userLabels: labels,
        ipConfiguration: renderIpConfiguration(props.privateNetwork, resolved.sslMode),
        backupConfiguration: resolved.backups
          ? {
              enabled: true,
              startTime: resolved.backupStartTime,
              location: resolved.backupLocation,
              backupRetentionSettings: { retainedBackups: resolved.retainedBackups, retentionUnit: 'COUNT' },
              // Each engine has its own switch; the other one must stay unset (PITR is rejected for MySQL).
              ...(resolved.pointInTimeRecoveryMode === 'pitr' ? { pointInTimeRecoveryEnabled: pitr } : { binaryLogEnabled: pitr }),
              transactionLogRetentionDays: pitr ? resolved.transactionLogRetentionDays : undefined,
            }
          : { enabled: false },
        insightsConfig: renderInsights(resolved.queryInsights),
        passwordValidationPolicy: policy
          ? {
              enablePasswordPolicy: true,
              minLength: policy.minLength,
              complexity: policy.complexity ? 'COMPLEXITY_DEFAULT' : undefined,
              reuseInterval: policy.reuseInterval,
              disallowUsernameSubstring: policy.disallowUsernameSubstring,
              passwordChangeInterval: policy.passwordChangeInterval,
            }
          : undefined,
        maintenanceWindow: window && { day: window.day, hour: window.hour, updateTrack: window.updateTrack ?? CLOUD_SQL_DEFAULTS.maintenanceUpdateTrack },
        denyMaintenancePeriod: deny && { startDate: deny.startDate, endDate: deny.endDate, time: deny.time ?? CLOUD_SQL_DEFAULTS.denyMaintenanceTime },
        dataCacheConfig: resolved.dataCache ? { dataCacheEnabled: true } : undefined,
        sqlServerAuditConfig: resolved.auditLogging && props.auditBucket ? { bucket: props.auditBucket } : undefined,
        databaseFlags: renderFlags({ ...resolved.featureFlags, ...resolved.databaseFlags }),
      },
      lifecycle: resolved.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.connectionName = this.instance.connectionName;
    this.replicaDefaults = {
      preventDestroy: resolved.preventDestroy,
      project: props.project,
      region: props.region,
      instanceName: props.instanceName,
      databaseVersion: props.databaseVersion,
      edition: props.edition,
      tier: props.tier,
      privateNetwork: props.privateNetwork,
      sslMode: resolved.sslMode,
      diskType: resolved.diskType,
      diskSizeGb: resolved.diskSizeGb,
      queryInsights: resolved.queryInsights,
      dataCache: resolved.dataCache,
      featureFlags: resolved.featureFlags,
      backups: resolved.backups,
      pointInTimeRecovery: resolved.pointInTimeRecovery,
      engine: known?.row,
      version: known?.version,
    };

    this.alertPolicies = addCloudSqlAlertPolicies(this, {
      project: props.project,
      instanceName: props.instanceName,
      alerts: resolved.alerts,
      notificationChannels: resolved.notificationChannels,
      labels,
    });
  }
}

/** A primary's settings its read replicas inherit (and check themselves against). */
export interface CloudSqlReplicaDefaults {
  readonly project: string;
  readonly region: string;
  readonly instanceName: string;
  readonly databaseVersion: string;
  readonly edition: CloudSqlEdition;
  readonly tier: string;
  readonly privateNetwork: string;
  readonly sslMode: CloudSqlSslMode;
  readonly diskType: CloudSqlDiskType;
  readonly diskSizeGb: number;
  readonly queryInsights: ResolvedQueryInsights;
  readonly dataCache: boolean;
  /** IAM and audit flags: a replica needs them too for the same users to log in and be audited. */
  readonly featureFlags: Readonly<Record<string, string>>;
  readonly backups: boolean;
  readonly pointInTimeRecovery: boolean;
  readonly preventDestroy: boolean;
  /** Undefined for a `databaseVersion` our engine table does not know. */
  readonly engine?: CloudSqlEngineRow;
  readonly version?: CloudSqlVersionRow;
}
