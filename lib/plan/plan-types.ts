/**
 * The plan: every decision made once, as plain data. Constructs render it; policy rules, docs and the operations
 * CLI read it. Nothing here holds a construct.
 */
import type { VaultLockSettings } from '../../constructs/aws/backup-checks';
import type { DynamoDbAlarmDefinition } from '../../constructs/aws/dynamodb-alarm-definitions';
import type { DynamodbTableSettings } from '../../constructs/aws/dynamodb-table-checks';
import type { CloudWatchAlarmDefinition } from '../../constructs/aws/rds-alarm-definitions';
import type { CloudSqlAlert } from '../../constructs/gcp/cloud-sql-alert';
import type { InstanceSize } from '../../constructs/common/instance-catalog';
import type { AwsNetwork, DatabaseKind, GcpSettings, RemovalPolicyName, Tier } from '../../config/schema';

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
  readonly dynamodbTables: readonly DynamodbTablePlan[];
  /** Every AWS database and the AWS Backup plans that protect it (or why none does). */
  readonly backupMembership: readonly BackupMembershipPlan[];
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
  /** `<env>-databases` in every region, encrypted with the region's key. */
  readonly backupVault: BackupVaultPlan;
  /** AWS Backup plans of the databases whose primary is in this region; none when the tier has no plan. */
  readonly backupPlans: readonly BackupPlanDefinition[];
  /** Region-wide DynamoDB alarms (UserErrors has no table dimension), where a table or replica lives. */
  readonly dynamodbAlarms: readonly DynamoDbAlarmDefinition[];
}

export interface BackupVaultPlan {
  readonly name: string;
  /** Deterministic, so copy rules in other regions name it without a cross-region reference. */
  readonly arn: string;
  readonly lock?: VaultLockSettings;
  readonly removalPolicy: RemovalPolicyName;
}

export interface BackupRulePlan {
  readonly name: string;
  /** `cron(…)` in UTC. */
  readonly scheduleExpression: string;
  readonly retentionDays: number;
  readonly continuous: boolean;
  readonly copyTo?: { readonly region: string; readonly vaultArn: string; readonly retentionDays: number };
}

export interface BackupPlanDefinition {
  /** Also the value of the selection tag that database stacks carry. */
  readonly name: string;
  readonly rules: readonly BackupRulePlan[];
  /** Resources of these types carrying tag `tagKey` = `tagValue`. */
  readonly selection: { readonly resourceArnPatterns: readonly string[]; readonly tagKey: string; readonly tagValue: string };
}

export interface BackupMembershipPlan {
  readonly database: string;
  readonly kind: DatabaseKind;
  readonly region: string;
  /** Plans that back the database up; empty when it opted out or the tier has no plan. */
  readonly plans: readonly string[];
  /** The tag its stack carries so the plans' selections find it. */
  readonly tag?: { readonly key: string; readonly value: string };
  /** From aws.backup.optOuts. */
  readonly optOutReason?: string;
  /** For people: `daily 35 d, monthly 365 d; copies in eu-central-1`. */
  readonly summary: string;
}

export interface DynamodbTablePlan {
  readonly name: string;
  /** `<env>-<name>`, the same in every replica region. */
  readonly tableName: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  /** Keys, indexes, billing, stream, PITR, replica regions and consistency, as checked. */
  readonly settings: DynamodbTableSettings;
  readonly tableClass: 'standard' | 'standard-infrequent-access';
  readonly timeToLiveAttribute?: string;
  /** Each replica with its own region's key, by alias ARN, and whether it refuses plain HTTP yet. */
  readonly replicas: ReadonlyArray<{ readonly region: string; readonly keyAliasArn: string; readonly tlsOnly: boolean }>;
  readonly recovery: RecoveryPlan;
  readonly deletionProtection: boolean;
  readonly contributorInsights: boolean;
  /** DynamoDB cannot snapshot on removal: `snapshot` in config means keeping the table. */
  readonly removalPolicy: 'retain' | 'destroy';
  readonly keyAlias: string;
  readonly keyAliasArn: string;
  readonly alarmTopicArn: string;
  readonly alarms: readonly DynamoDbAlarmDefinition[];
  readonly dashboardName: string;
  readonly tags: Readonly<Record<string, string>>;
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
  readonly engine: string;
  readonly databaseVersion: string;
  readonly edition: 'ENTERPRISE' | 'ENTERPRISE_PLUS';
  readonly tier: string;
  readonly size: InstanceSize;
  readonly diskSizeGb: number;
  readonly availabilityType: 'REGIONAL' | 'ZONAL';
  readonly recovery: RecoveryPlan & { readonly transactionLogRetentionDays: number; readonly backupStartTime: string };
  readonly pointInTimeRecoveryMode: 'pitr' | 'binary-log';
  readonly deletionProtection: boolean;
  readonly preventDestroy: boolean;
  /** Keep automated backups after the instance is deleted (every removal policy but `destroy`). */
  readonly retainBackupsOnDelete: boolean;
  readonly keyId: string;
  readonly privateNetwork: string;
  readonly sslMode: 'ENCRYPTED_ONLY' | 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED';
  readonly flags: Readonly<Record<string, string>>;
  readonly alerts: readonly CloudSqlAlert[];
  readonly labels: Readonly<Record<string, string>>;
}
