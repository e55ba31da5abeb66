/**
 * `databases-as-code/aws`: the AWS constructs for your own CDK app, their props and the tables they are built from.
 * Only deliberate names are exported here; the rest of constructs/aws is internal and may change in any release.
 * Nothing here loads cdktf. test/package/public-api.integration.test.ts lists these names, so a change to the API is a visible diff.
 */
// Shared infrastructure of a region: customer-managed key, alarm topic, network, backup vault and plan, dashboard.
export { DatabaseFoundation, type DatabaseFoundationProps } from './foundation/database-foundation';
export { DatabaseNetwork, type DatabaseNetworkProps, type ExistingNetworkProps, type IsolatedNetworkProps } from './foundation/database-network';
export { DatabaseBackupVault, type DatabaseBackupVaultProps } from './backup/backup-vault';
export { DatabaseBackupPlan, type DatabaseBackupPlanProps, type DatabaseBackupRule, type DatabaseBackupSelection } from './backup/backup-plan';
export { DatabaseDashboard, type DatabaseDashboardProps, type DashboardInstance } from './foundation/database-dashboard';

// Databases.
export { RdsDatabase, type RdsDatabaseProps } from './rds/rds-database';
export { RdsReadReplica, type RdsReadReplicaProps, type RdsReadReplicaOptions } from './rds/rds-read-replica';
export type { RdsInstanceBaseProps } from './rds/rds-instance-base';
export { AuroraCluster, type AuroraClusterProps, type AuroraInstanceOptions } from './aurora/aurora-cluster';
export { DynamoDbGlobalTable, type DynamoDbGlobalTableProps, type DynamoDbReplicaProps } from './dynamodb/dynamodb-global-table';
export { ElasticacheReplicationGroup, type ElasticacheReplicationGroupProps } from './elasticache/elasticache-replication-group';

// Inside a relational database: the provisioning custom resource, role secrets, consumer policies, connection contract.
export { DatabaseAccess, DATABASE_ACCESS_RESOURCE_TYPE, type DatabaseAccessProps, type DatabaseAccessTarget } from './database-access/database-access';
export type { AccessEngine } from './database-access/tables/access-engines';
export type { DeclaredAccessInput, DeclaredRoleInput } from './database-access/declared-access-input';

// The choices the constructs take, and the tables behind them (engines, versions, classes, alarms).
export { RDS_ENGINE_TABLE, type RdsEngine, type RdsLicenseModel } from './rds/tables/rds-engine-table';
export { AURORA_ENGINE_TABLE, type AuroraEngine } from './aurora/tables/aurora-engine-table';
export { RDS_INSTANCE_CLASSES, type RdsInstanceClass } from '../common/instance-catalog';
export { RDS_ALARMS } from './rds/tables/rds-alarm-catalog';
export { AURORA_ALARMS } from './aurora/tables/aurora-alarm-catalog';
export { DYNAMODB_TABLE_ALARMS } from './dynamodb/tables/dynamodb-alarm-definitions';
export { ELASTICACHE_ENGINE_TABLE, type ElasticacheEngine } from './elasticache/tables/elasticache-engine-table';
export { CACHE_NODE_TYPES, type CacheNodeType } from './elasticache/tables/elasticache-node-types';
export { ELASTICACHE_ALARMS } from './elasticache/tables/elasticache-alarm-catalog';
export { DEFAULT_BACKUP_WINDOW, DEFAULT_MAINTENANCE_WINDOW } from './rds/tables/rds-windows';

// Types the props above are made of.
export type { RdsAlarms } from './rds/rds-alarms';
export type { RdsInstanceRole } from './rds/tables/rds-alarm-catalog';
export type { CloudWatchAlarmDefinition } from './rds/tables/rds-alarm-definitions';
export type { AuroraServerlessV2Settings } from './aurora/tables/aurora-cluster-checks';
export type { BackupRuleSettings, VaultLockSettings } from './backup/tables/backup-checks';
export type { DynamoDbAlarmDefinition } from './dynamodb/tables/dynamodb-alarm-definitions';
export type {
  AutoscaledCapacitySettings,
  DynamodbAttributeType,
  DynamodbBillingSettings,
  DynamodbKeySettings,
  DynamodbProjection,
  DynamodbStreamView,
  GlobalSecondaryIndexSettings,
  LocalSecondaryIndexSettings,
} from './dynamodb/tables/dynamodb-table-checks';

// Thrown by every construct whose props break a rule, with the problems as data.
export { DatabaseValidationError } from '../common/database-validation-error';
export type { PathProblem } from '../common/path-problem';

// Compliance: accept a cdk-nag finding on a resource of yours, with the reason.
export { acknowledge } from './foundation/compliance-acknowledgements';
