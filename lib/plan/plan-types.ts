/**
 * The plan: every decision made once, as plain data. Constructs render it; policy rules, docs and the operations
 * CLI read it. Nothing here holds a construct.
 */
import type { DeclaredAccess } from '../provisioning/declared-access';
import type { BackupRuleSettings, VaultLockSettings } from '../../constructs/aws/backup/tables/backup-checks';
import type { DynamoDbAlarmDefinition } from '../../constructs/aws/dynamodb/tables/dynamodb-alarm-definitions';
import type { DynamodbTableSettings } from '../../constructs/aws/dynamodb/tables/dynamodb-table-checks';
import type { CloudWatchAlarmDefinition } from '../../constructs/aws/rds/tables/rds-alarm-definitions';
import type { AuroraRole } from '../../constructs/aws/aurora/tables/aurora-alarm-catalog';
import type { CacheNodeRole } from '../../constructs/aws/elasticache/tables/elasticache-alarm-catalog';
import type { CacheUse, ElasticacheClusterSettings } from '../../constructs/aws/elasticache/tables/elasticache-cluster-checks';
import type { ElasticacheEngine } from '../../constructs/aws/elasticache/tables/elasticache-engine-table';
import type { CacheNodeSize } from '../../constructs/aws/elasticache/tables/elasticache-node-types';
import type { AuroraClusterSettings, AuroraServerlessV2Settings } from '../../constructs/aws/aurora/tables/aurora-cluster-checks';
import type { RdsInstanceSettings } from '../../constructs/aws/rds/tables/rds-instance-checks';
import type { RdsInstanceRole } from '../../constructs/aws/rds/tables/rds-alarm-catalog';
import type { RdsEngine, RdsLicenseModel, RdsOptionSpec } from '../../constructs/aws/rds/tables/rds-engine-table';
import type { CloudSqlAlert } from '../../constructs/gcp/tables/cloud-sql-alert';
import type { CloudSqlDiskType, CloudSqlEdition, CloudSqlEngine, CloudSqlSslMode } from '../../constructs/gcp/tables/cloud-sql-choices';
import type {
  CloudSqlDenyMaintenancePeriod,
  CloudSqlMaintenanceWindow,
  CloudSqlPasswordPolicy,
  CloudSqlInstanceSettings,
  CloudSqlQueryInsights,
} from '../../constructs/gcp/tables/cloud-sql-instance-checks';
import type { CloudSqlMachineTier } from '../../constructs/gcp/tables/cloud-sql-tiers';
import type { KeyServiceAgent } from '../../constructs/gcp/cloud-sql-encryption-keys';
import type { MemorystoreAlert } from '../../constructs/gcp/tables/memorystore-alerts';
import type { MemorystoreMaintenanceWindow } from '../../constructs/gcp/tables/memorystore-checks';
import type { MemorystoreRedisVersion, MemorystoreSnapshotChoice, MemorystoreUse } from '../../constructs/gcp/tables/memorystore-table';
import type { InstanceSize, RdsInstanceClass } from '../../constructs/common/instance-catalog';
import type { DatabaseKind, GcpSettings, RemovalPolicyName, Tier } from '../../config/schema';
import type { AwsNetwork } from '../../config/schema/aws';
import type { DatabaseAccessPlan } from './database-access-plan';

export interface EnvironmentPlan {
  readonly environment: string;
  readonly tier: Tier;
  readonly tags: Readonly<Record<string, string>>;
  /** Every database's plan, by kind, each list in config order. */
  readonly databases: DatabasePlans;
  readonly aws?: AwsPlan;
  readonly gcp?: GcpPlan;
}

/** The plan of one database of each kind: a kind's row in lib/kinds/registry.ts plans its databases into these. */
export interface KindPlans {
  readonly 'rds-instance': RdsInstancePlan;
  readonly 'aurora-cluster': AuroraClusterPlan;
  readonly 'dynamodb-table': DynamodbTablePlan;
  readonly 'cloudsql-instance': CloudSqlInstancePlan;
  readonly 'elasticache-cluster': ElasticacheClusterPlan;
  readonly 'memorystore-instance': MemorystoreInstancePlan;
}

export type DatabasePlans = { readonly [K in DatabaseKind]: readonly KindPlans[K][] };

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
  /** Every AWS database and the AWS Backup plans that protect it (or why none does). */
  readonly backupMembership: readonly BackupMembershipPlan[];
  /** One CloudWatch dashboard per region that holds databases. */
  readonly dashboards: readonly AwsDashboardPlan[];
  /** Every stack of the environment's Stage, in creation order: foundations, databases, dashboards. */
  readonly stacks: readonly AwsStackSpec[];
}

/**
 * One stack of an environment's Stage, as data: where it goes, what it depends on, and what it renders. The Stage
 * walks these (lib/aws/environment-stage.ts) and renders each by its `type` (lib/aws/aws-stack-renderers.ts).
 */
export type AwsStackSpec = AwsStackPlan & {
  readonly description: string;
  /** Ids of the stacks to deploy first: their names (key alias, topic, source ARN) are used without a reference. */
  readonly dependsOn: readonly string[];
  /** The database whose AWS Backup membership (aws.backupMembership) the stack carries. */
  readonly backupMemberOf?: string;
  /** The stack's databases are not backed up on their own: their source (or the global database's primary) is. */
  readonly backupCoveredBySource?: 'read-replica' | 'secondary-cluster';
} & (
    | { readonly type: 'foundation'; readonly plan: AwsRegionPlan }
    | { readonly type: 'rds-instance'; readonly plan: RdsInstancePlan }
    | { readonly type: 'rds-replica'; readonly plan: RdsReplicaPlan; readonly allocatedStorageGiB: number }
    | { readonly type: 'aurora-cluster'; readonly plan: AuroraClusterPlan | AuroraSecondaryPlan }
    | { readonly type: 'dynamodb-table'; readonly plan: DynamodbTablePlan }
    | { readonly type: 'dashboard'; readonly plan: AwsDashboardPlan }
    | { readonly type: 'elasticache-cluster'; readonly plan: ElasticacheClusterPlan | ElasticacheSecondaryPlan }
  );

export type AwsStackType = AwsStackSpec['type'];

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

/** A rule as the backup checks take it (BackupRuleSettings), with its schedule and the copy's vault. */
export interface BackupRulePlan extends BackupRuleSettings {
  /** `cron(…)` in UTC. */
  readonly scheduleExpression: string;
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

/** What the stage needs to place a stack: id, CloudFormation name and region. */
export interface AwsStackPlan {
  readonly stackId: string;
  readonly stackName: string;
  readonly region: string;
}

export interface AwsDashboardPlan extends AwsStackPlan {
  readonly dashboardName: string;
  readonly instances: ReadonlyArray<{
    readonly identifier: string;
    readonly role: RdsInstanceRole | AuroraRole | CacheNodeRole;
    /** Metrics its alarms watch, by namespace and name (the same name can live in two namespaces). */
    readonly metrics: ReadonlyArray<{ readonly namespace: string; readonly metricName: string }>;
    /** Aurora cluster-level lines use DBClusterIdentifier, ElastiCache nodes CacheClusterId. @default 'DBInstanceIdentifier' */
    readonly dimension?: 'DBClusterIdentifier' | 'CacheClusterId';
  }>;
}

/** Recovery of an RDS instance, plus where its automated backups are replicated. */
export interface RdsRecoveryPlan extends RecoveryPlan {
  readonly preferredBackupWindow: string;
  readonly copyTagsToSnapshot: true;
  /** Automated backups (and so point-in-time restores) replicated to a second region, encrypted with its key. */
  readonly backupReplication?: { readonly region: string; readonly keyAliasArn: string; readonly retentionDays: number };
}

export interface RdsObservabilityPlan {
  /** Performance Insights, as Database Insights; off on micro and small classes, which do not support it. */
  readonly performanceInsights: boolean;
  readonly databaseInsightsMode: 'standard' | 'advanced';
  readonly performanceInsightsRetentionDays: number;
  /** Enhanced Monitoring interval. */
  readonly monitoringIntervalSeconds: number;
  readonly logExports: readonly string[];
  readonly logRetentionDays: number;
}

/** Settings an instance and its replicas share. */
interface RdsInstanceCommon {
  /** RDS DB instance identifier: `<env>-<name>`, replicas `<env>-<name>-replica-<n>`. */
  readonly identifier: string;
  readonly account: string;
  readonly region: string;
  readonly engine: RdsEngine;
  readonly engineVersion: string;
  readonly majorVersion: string;
  readonly parameterGroupFamily: string;
  readonly instanceClass: RdsInstanceClass;
  readonly size: InstanceSize;
  readonly keyAlias: string;
  /** The customer-managed key of this instance's region, by alias ARN. */
  readonly keyAliasArn: string;
  readonly alarmTopicArn: string;
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicyName;
  readonly parameters: Readonly<Record<string, string>>;
  /** The connection cap the parameters give on this class (alarms compare against it). */
  readonly maxConnections: number;
  readonly observability: RdsObservabilityPlan;
  readonly alarms: readonly CloudWatchAlarmDefinition[];
  readonly allowedCidrs: readonly string[];
  /** Security groups are regional: a cross-region replica gets none of the source's. */
  readonly allowedSecurityGroupIds: readonly string[];
  /** The port clients connect to and the security group opens: the TLS listener for Oracle, else the database port. */
  readonly clientPort: number;
  readonly tags: Readonly<Record<string, string>>;
}

export interface RdsInstancePlan extends RdsInstanceCommon, AwsStackPlan {
  readonly name: string;
  /** Identifier, engine, class, storage, retention, windows, replicas, as checked (the fields below are made of it). */
  readonly settings: RdsInstanceSettings;
  /** ARN of the instance, deterministic from identifier, account and region (cross-region replicas name it). */
  readonly arn: string;
  readonly licenseModel: RdsLicenseModel;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB?: number;
  readonly multiAz: boolean;
  /** The database port. */
  readonly port: number;
  readonly databaseName?: string;
  readonly credentials: { readonly mode: 'rds-managed' | 'secrets-manager'; readonly rotationDays: number };
  readonly iamAuthentication: boolean;
  readonly options: readonly RdsOptionSpec[];
  readonly preferredMaintenanceWindow: string;
  readonly recovery: RdsRecoveryPlan;
  /** A major version change upgrades in place: new parameter group family, same instance. */
  readonly allowMajorVersionUpgrade: true;
  readonly proxy: boolean;
  readonly replicas: readonly RdsReplicaPlan[];
  /**
   * What must exist inside the database (`declared`: the provisioning engine's input, whose roles the policy rules and
   * the inventory read), the consumers and the connection contract's path (lib/plan/database-access-plan.ts);
   * undefined for engines the engine does not support (SQL Server, Oracle).
   */
  readonly accessPlan?: DatabaseAccessPlan;
}

export interface RdsReplicaPlan extends RdsInstanceCommon {
  readonly index: number;
  readonly crossRegion: boolean;
  /** Cross-region replicas live in a stack of their own in the target region. */
  readonly stack?: AwsStackPlan;
  /** Same-region replicas are spread over the availability zones. */
  readonly availabilityZone?: string;
  /** The source by ARN (a cross-region replica must name it so). */
  readonly sourceArn: string;
  readonly sourceIdentifier: string;
}

/** A writer or reader of an Aurora cluster. */
export interface AuroraInstancePlan {
  readonly identifier: string;
  readonly role: 'writer' | 'reader';
  /** Failover order: the first reader is tier 1, so it is promoted before the others. */
  readonly promotionTier: number;
  /** Spread over the region's zones. */
  readonly availabilityZone: string;
  readonly alarms: readonly CloudWatchAlarmDefinition[];
}

export type AuroraCapacityPlan =
  | { readonly mode: 'provisioned'; readonly instanceClass: RdsInstanceClass; readonly size: InstanceSize }
  | ({ readonly mode: 'serverless-v2' } & AuroraServerlessV2Settings);

/** What a primary cluster and a secondary cluster of a global database decide the same way, each in its region. */
export interface AuroraClusterCommonPlan extends AwsStackPlan {
  readonly clusterIdentifier: string;
  readonly account: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly majorVersion: string;
  /** `aurora-postgresql16`: both parameter groups' family; a major upgrade changes it. */
  readonly parameterGroupFamily: string;
  readonly capacity: AuroraCapacityPlan;
  readonly port: number;
  readonly keyAlias: string;
  /** This cluster's region's customer-managed key, by alias ARN. */
  readonly keyAliasArn: string;
  readonly alarmTopicArn: string;
  readonly clusterParameters: Readonly<Record<string, string>>;
  readonly instanceParameters: Readonly<Record<string, string>>;
  readonly instances: readonly AuroraInstancePlan[];
  /** Cluster-level alarms (volume, deadlocks from the log, global replication lag). */
  readonly clusterAlarms: readonly CloudWatchAlarmDefinition[];
  readonly allowedCidrs: readonly string[];
  readonly allowedSecurityGroupIds: readonly string[];
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicyName;
  readonly backupRetentionDays: number;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly iamAuthentication: true;
  readonly observability: RdsObservabilityPlan;
  readonly tags: Readonly<Record<string, string>>;
}

export interface AuroraRecoveryPlan extends RecoveryPlan {
  readonly preferredBackupWindow: string;
  readonly copyTagsToSnapshot: true;
  /** Aurora MySQL: rewind in place up to this many hours. */
  readonly backtrackHours?: number;
}

export interface AuroraClusterPlan extends AuroraClusterCommonPlan {
  readonly name: string;
  /** Identifier, engine, capacity, readers, retention, windows, secondary regions, as checked. */
  readonly settings: AuroraClusterSettings;
  readonly arn: string;
  readonly databaseName?: string;
  readonly credentials: { readonly mode: 'rds-managed' | 'secrets-manager'; readonly rotationDays: number };
  readonly recovery: AuroraRecoveryPlan;
  /** A major version change upgrades the cluster in place: new parameter group family, same cluster. */
  readonly allowMajorVersionUpgrade: true;
  /** A global database: the AWS::RDS::GlobalCluster (in the primary's stack) and its secondary clusters. */
  readonly global?: { readonly globalClusterIdentifier: string; readonly secondaries: readonly AuroraSecondaryPlan[] };
  /**
   * What must exist inside the database (`declared`: the provisioning engine's input, whose roles the policy rules and
   * the inventory read), the consumers and the connection contract's path (lib/plan/database-access-plan.ts);
   * undefined for engines the engine does not support (SQL Server, Oracle).
   */
  readonly accessPlan?: DatabaseAccessPlan;
}

/** A secondary cluster: no credentials or database name of its own (they replicate from the primary). */
export interface AuroraSecondaryPlan extends AuroraClusterCommonPlan {
  readonly globalClusterIdentifier: string;
  readonly primaryRegion: string;
  readonly primaryClusterIdentifier: string;
}

// ---------- ElastiCache ----------

/** One node of a replication group, by the id ElastiCache gives it, with its alarms. */
export interface CacheNodePlan {
  readonly cacheClusterId: string;
  readonly role: CacheNodeRole;
  readonly alarms: readonly CloudWatchAlarmDefinition[];
}

/** What a primary replication group and a Global Datastore secondary decide the same way, each in its region. */
export interface ElasticacheGroupPlan extends AwsStackPlan {
  readonly replicationGroupId: string;
  readonly account: string;
  readonly engine: ElasticacheEngine;
  readonly engineVersion: string;
  /** `valkey8`, `redis7`: the parameter group's family; a major upgrade changes it. */
  readonly parameterGroupFamily: string;
  readonly nodeType: string;
  readonly size: CacheNodeSize;
  readonly clusterMode: boolean;
  readonly shards: number;
  readonly replicasPerShard: number;
  /** Multi-AZ with automatic failover (needs a replica per shard). */
  readonly multiAz: boolean;
  readonly port: number;
  readonly parameters: Readonly<Record<string, string>>;
  readonly keyAlias: string;
  /** This group's region's customer-managed key, by alias ARN (the construct uses the key's ARN from the foundation). */
  readonly keyAliasArn: string;
  readonly alarmTopicArn: string;
  readonly allowedCidrs: readonly string[];
  /** Nodes by shard, the first of each shard its primary. */
  readonly nodes: readonly CacheNodePlan[];
  readonly preferredMaintenanceWindow: string;
  /** Slow log and engine log to CloudWatch Logs, encrypted with the region's key. */
  readonly logRetentionDays: number;
  readonly removalPolicy: RemovalPolicyName;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ElasticacheClusterPlan extends ElasticacheGroupPlan {
  readonly name: string;
  /** Id, engine, version, node type, shards, replicas, retention, keyspace events, secondaries, as checked. */
  readonly settings: ElasticacheClusterSettings;
  readonly use: CacheUse;
  /** Daily automatic snapshots kept this many days (0: none); ElastiCache has no point-in-time recovery. */
  readonly snapshotRetentionDays: number;
  readonly snapshotWindow: string;
  /** Secrets Manager secret holding the AUTH token, generated and encrypted with the region's key. */
  readonly authSecretName: string;
  readonly recovery: RecoveryPlan;
  /** A Global Datastore: the AWS::ElastiCache::GlobalReplicationGroup (in the primary's stack) and its secondaries. */
  readonly global?: { readonly globalReplicationGroupIdSuffix: string; readonly secondaries: readonly ElasticacheSecondaryPlan[] };
}

/** A Global Datastore secondary: read-only, replicated from the primary; no snapshots or AUTH token of its own. */
export interface ElasticacheSecondaryPlan extends ElasticacheGroupPlan {
  readonly primaryStackId: string;
  readonly primaryRegion: string;
  readonly globalReplicationGroupIdSuffix: string;
}

// ---------- Google Cloud ----------

export interface GcpPlan {
  readonly projectId: string;
  readonly projectNumber: string;
  readonly primaryRegion: string;
  readonly privateNetwork: string;
  readonly stateBackend: GcpSettings['stateBackend'];
  readonly foundation: GcpFoundationPlan;
  /** The stacks after the foundation's, in creation order (the foundation is every one's dependency). */
  readonly stacks: readonly GcpStackSpec[];
}

/** One CDKTF stack of an environment after its foundation, rendered by `type` (lib/gcp/gcp-stack-renderers.ts). */
export type GcpStackSpec =
  | { readonly type: 'cloudsql-instance'; readonly plan: CloudSqlInstancePlan }
  | { readonly type: 'memorystore-instance'; readonly plan: MemorystoreInstancePlan };

export type GcpStackType = GcpStackSpec['type'];

export interface GcpFoundationPlan {
  readonly stackName: string;
  readonly keys: readonly GcpRegionKeyPlan[];
  /** `service-<project number>@gcp-sa-cloud-sql.iam.gserviceaccount.com`, granted use of every key. */
  readonly cloudSqlServiceAgent: string;
  /** Other kinds' service agents granted use of every key, when the environment has a database of that kind. */
  readonly otherServiceAgents: readonly KeyServiceAgent[];
  /** Project-level IAM grants of the environment's databases (their consumers' roles), each once, sorted. */
  readonly projectGrants: readonly ProjectGrant[];
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
  /** What the checks saw (built once from the resolved config; the config rule runs the same checks on it). */
  readonly settings: CloudSqlInstanceSettings;
  readonly instanceName: string;
  readonly stackName: string;
  readonly projectId: string;
  readonly region: string;
  readonly engine: CloudSqlEngine;
  readonly databaseVersion: string;
  readonly edition: CloudSqlEdition;
  /** The machine tier (`db-custom-2-7680`) parsed: not the environment's tier. */
  readonly machineTier: CloudSqlMachineTier;
  readonly diskSizeGb: number;
  readonly diskType: CloudSqlDiskType;
  readonly diskAutoresize: boolean;
  /** 0: no limit. */
  readonly diskAutoresizeLimitGb: number;
  readonly availabilityType: 'REGIONAL' | 'ZONAL';
  /** Cloud SQL keeps a count of daily backups, not days: `retainedBackups` replaces `backupRetentionDays`. */
  readonly recovery: Omit<RecoveryPlan, 'backupRetentionDays'> & {
    /** Automated backups kept (one a day); 0 without backups. */
    readonly retainedBackups: number;
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
  /** Databases, users, secrets and the connection contract (lib/kinds/cloudsql-instance/cloud-sql-access-plan.ts). */
  readonly accessPlan: CloudSqlAccessPlan;
}

/** A project-level IAM grant (google_project_iam_member). */
export interface ProjectGrant {
  readonly role: string;
  readonly member: string;
}

/** A value of the connection contract: known at plan time, or an attribute of the instance known after apply. */
export type ContractValue = { readonly text: string } | { readonly instanceAttribute: 'privateIpAddress' };

export interface ContractKeyPlan {
  /** The key after the database's prefix: `connection-name`, `user-<role>`, … */
  readonly key: string;
  /** `<env>-databases-<name>-<key>`. */
  readonly secretId: string;
  readonly value: ContractValue;
}

export interface CloudSqlAccessPlan {
  /** What `dbctl provision` applies with the provisioning engine; undefined for SQL Server (not provisioned). */
  readonly declared?: DeclaredAccess;
  /** `<project>:<region>:<instance>`, for the Cloud SQL connectors. */
  readonly connectionName: string;
  readonly databases: readonly string[];
  /** A built-in user per `password` role, its secret and the consumers that read it. */
  readonly passwordUsers: readonly { readonly role: string; readonly secretId: string; readonly consumers: readonly string[] }[];
  /** An IAM database user per consumer service account of an `iam` role: its database user name and its roles. */
  readonly iamUsers: readonly { readonly serviceAccount: string; readonly databaseUser: string; readonly roles: readonly string[] }[];
  /** The connection contract, one secret per key, readable by every consumer of the database. */
  readonly contract: readonly ContractKeyPlan[];
  readonly consumers: readonly string[];
}

export interface CloudSqlReplicaPlan {
  /** `<primary>-replica-<region>[-<n>]`. */
  readonly instanceName: string;
  readonly region: string;
  /** Its own machine tier, else the primary's. */
  readonly machineTier: CloudSqlMachineTier;
  readonly diskSizeGb: number;
  readonly availabilityType: 'REGIONAL' | 'ZONAL';
  /** The key of the replica's own region. */
  readonly keyId: string;
  readonly disasterRecovery: boolean;
  readonly deletionProtection: boolean;
  /** Like the primary: a retained database's replicas are protected from a destroying plan too. */
  readonly preventDestroy: boolean;
  readonly flags: Readonly<Record<string, string>>;
  readonly alerts: readonly CloudSqlAlert[];
  readonly labels: Readonly<Record<string, string>>;
}

/** A Memorystore for Redis instance (lib/kinds/memorystore-instance): one CDKTF stack. */
export interface MemorystoreInstancePlan {
  readonly name: string;
  readonly instanceName: string;
  readonly stackName: string;
  readonly projectId: string;
  readonly region: string;
  readonly version: MemorystoreRedisVersion;
  readonly memorySizeGb: number;
  /** STANDARD_HA (replica in another zone, automatic failover) when true; BASIC otherwise. */
  readonly highAvailability: boolean;
  readonly readReplicas: number;
  readonly use: MemorystoreUse;
  /** The region's key (the Cloud SQL key of the foundation, which the Memorystore service agent may use too). */
  readonly keyId: string;
  readonly privateNetwork: string;
  readonly snapshotPeriod: MemorystoreSnapshotChoice;
  /** A cache has no point-in-time recovery: the newest RDB snapshot is the restore point; undefined with snapshots off. */
  readonly rpoMinutes?: number;
  readonly maintenanceWindow: MemorystoreMaintenanceWindow;
  /** Terraform's prevent_destroy (the 6.50 google_redis_instance has no deletion_protection of its own). */
  readonly preventDestroy: boolean;
  readonly alerts: readonly MemorystoreAlert[];
  readonly labels: Readonly<Record<string, string>>;
}
