/**
 * The plan: every decision made once, as plain data. Constructs render it; policy rules, docs and the operations
 * CLI read it. Nothing here holds a construct.
 */
import type { CloudWatchAlarmDefinition } from '../../constructs/aws/rds-alarm-definitions';
import type { CloudSqlAlert } from '../../constructs/gcp/cloud-sql-alert';
import type { CloudSqlDiskType, CloudSqlEdition, CloudSqlEngine, CloudSqlSslMode } from '../../constructs/gcp/cloud-sql-engine-table';
import type {
  CloudSqlDenyMaintenancePeriod,
  CloudSqlMaintenanceWindow,
  CloudSqlPasswordPolicy,
  CloudSqlQueryInsights,
} from '../../constructs/gcp/cloud-sql-instance-checks';
import type { InstanceSize } from '../../constructs/common/instance-catalog';
import type { AwsNetwork, GcpSettings, RemovalPolicyName, Tier } from '../../config/schema';

export interface EnvironmentPlan {
  readonly environment: string;
  readonly tier: Tier;
  readonly tags: Readonly<Record<string, string>>;
  readonly aws?: AwsPlan;
  readonly gcp?: GcpPlan;
}

/** Recovery objectives the docs and the operations CLI state and check. */
export interface RecoveryPlan {
  readonly backupRetentionDays: number;
  readonly pointInTimeRecovery: boolean;
  /** How far back a point-in-time restore can go. */
  readonly restorableWindowDays: number;
  /** Worst-case data loss on restore, in minutes; undefined when there is no backup to restore from. */
  readonly rpoMinutes?: number;
}

// ---------- AWS ----------

export interface AwsPlan {
  readonly account: string;
  readonly primaryRegion: string;
  readonly regions: readonly AwsRegionPlan[];
  readonly rdsInstances: readonly RdsInstancePlan[];
}

export interface AwsRegionPlan {
  readonly region: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly network: AwsNetwork;
  /** `alias/<env>-databases`: deterministic, so stacks in any region can name the key without a reference. */
  readonly keyAlias: string;
  readonly keyAliasArn: string;
  readonly alarmTopicName: string;
  readonly alarmTopicArn: string;
  readonly notificationEmails: readonly string[];
  readonly removalPolicy: RemovalPolicyName;
}

export interface RdsInstancePlan {
  readonly name: string;
  /** RDS DB instance identifier, `<env>-<name>`. */
  readonly identifier: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly majorVersion: string;
  readonly parameterGroupFamily: string;
  readonly instanceClass: string;
  readonly size: InstanceSize;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB?: number;
  readonly multiAz: boolean;
  readonly port: number;
  readonly databaseName?: string;
  readonly allowedCidrs: readonly string[];
  readonly recovery: RecoveryPlan;
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicyName;
  readonly keyAlias: string;
  readonly keyAliasArn: string;
  readonly alarmTopicArn: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly logExports: readonly string[];
  readonly alarms: readonly CloudWatchAlarmDefinition[];
  readonly tags: Readonly<Record<string, string>>;
}

// ---------- Google Cloud ----------

export interface GcpPlan {
  readonly projectId: string;
  readonly projectNumber: string;
  readonly primaryRegion: string;
  readonly privateNetwork: string;
  readonly stateBackend: GcpSettings['stateBackend'];
  readonly foundation: GcpFoundationPlan;
  readonly cloudSqlInstances: readonly CloudSqlInstancePlan[];
}

export interface GcpFoundationPlan {
  readonly stackName: string;
  readonly keys: readonly GcpRegionKeyPlan[];
  /** `service-<project number>@gcp-sa-cloud-sql.iam.gserviceaccount.com`, granted use of every key. */
  readonly cloudSqlServiceAgent: string;
  readonly notificationEmails: readonly string[];
  readonly preventDestroy: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

export interface GcpRegionKeyPlan {
  readonly region: string;
  readonly keyRingName: string;
  readonly keyName: string;
  /** Full resource id, deterministic so instance stacks name it without a cross-stack reference. */
  readonly keyId: string;
  readonly rotationPeriod: string;
}

export interface CloudSqlInstancePlan {
  readonly name: string;
  readonly instanceName: string;
  readonly stackName: string;
  readonly projectId: string;
  readonly region: string;
  readonly engine: CloudSqlEngine;
  readonly databaseVersion: string;
  readonly edition: CloudSqlEdition;
  readonly tier: string;
  readonly size: InstanceSize;
  readonly diskSizeGb: number;
  readonly diskType: CloudSqlDiskType;
  readonly diskAutoresize: boolean;
  /** 0: no limit. */
  readonly diskAutoresizeLimitGb: number;
  readonly availabilityType: 'REGIONAL' | 'ZONAL';
  readonly recovery: RecoveryPlan & {
    readonly backups: boolean;
    readonly transactionLogRetentionDays: number;
    readonly backupStartTime: string;
    readonly backupLocation: string;
  };
  readonly pointInTimeRecoveryMode: 'pitr' | 'binary-log';
  readonly deletionProtection: boolean;
  readonly preventDestroy: boolean;
  /** Keep automated backups after the instance is deleted (every removal policy but `destroy`). */
  readonly retainBackupsOnDelete: boolean;
  readonly keyId: string;
  readonly privateNetwork: string;
  readonly sslMode: CloudSqlSslMode;
  readonly iamAuthentication: boolean;
  /** Undefined where the engine has no password policy or the config turns it off. */
  readonly passwordPolicy?: CloudSqlPasswordPolicy;
  readonly queryInsights: CloudSqlQueryInsights | false;
  readonly auditLogging: boolean;
  readonly auditBucket?: string;
  readonly maintenanceWindow: Required<CloudSqlMaintenanceWindow>;
  readonly denyMaintenancePeriod?: CloudSqlDenyMaintenancePeriod;
  readonly dataCache: boolean;
  /** Secret Manager secret holding the root password (SQL Server). */
  readonly rootPasswordSecret?: string;
  /** Tuned flags with the config's overrides applied (IAM and audit flags are added by the construct). */
  readonly flags: Readonly<Record<string, string>>;
  readonly alerts: readonly CloudSqlAlert[];
  readonly labels: Readonly<Record<string, string>>;
  readonly replicas: readonly CloudSqlReplicaPlan[];
  /** The replica designated for disaster recovery by the primary (PostgreSQL, MySQL). */
  readonly disasterRecoveryReplicaName?: string;
}

export interface CloudSqlReplicaPlan {
  /** `<primary>-replica-<region>[-<n>]`. */
  readonly instanceName: string;
  readonly region: string;
  readonly tier: string;
  readonly size: InstanceSize;
  readonly diskSizeGb: number;
  readonly availabilityType: 'REGIONAL' | 'ZONAL';
  /** The key of the replica's own region. */
  readonly keyId: string;
  readonly disasterRecovery: boolean;
  readonly deletionProtection: boolean;
  readonly flags: Readonly<Record<string, string>>;
  readonly alerts: readonly CloudSqlAlert[];
  readonly labels: Readonly<Record<string, string>>;
}
