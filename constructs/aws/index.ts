/**
 * `databases-as-code/aws`: the AWS constructs for your own CDK app, their props and the tables they are built from.
 * Only deliberate names are exported here; the rest of constructs/aws is internal and may change in any release.
 * Nothing here loads cdktf. test/package/public-api.test.ts lists these names, so a change to the API is a visible diff.
 */
// Shared infrastructure of a region: customer-managed key, alarm topic, network, backup vault and plan, dashboard.
export { DatabaseFoundation, type DatabaseFoundationProps } from './database-foundation';
export { DatabaseNetwork, type DatabaseNetworkProps, type ExistingNetworkProps, type IsolatedNetworkProps } from './database-network';
export { DatabaseBackupVault, type DatabaseBackupVaultProps } from './backup-vault';
export { DatabaseBackupPlan, type DatabaseBackupPlanProps, type DatabaseBackupRule, type DatabaseBackupSelection } from './backup-plan';
export { DatabaseDashboard, type DatabaseDashboardProps, type DashboardInstance } from './database-dashboard';

// Databases.
export { RdsDatabase, type RdsDatabaseProps } from './rds-database';
export { RdsReadReplica, type RdsReadReplicaProps, type RdsReadReplicaOptions } from './rds-read-replica';
export type { RdsInstanceBaseProps } from './rds-instance-base';
export { AuroraCluster, type AuroraClusterProps, type AuroraInstanceOptions } from './aurora-cluster';
export { DynamoDbGlobalTable, type DynamoDbGlobalTableProps, type DynamoDbReplicaProps } from './dynamodb-global-table';

// The choices the constructs take, and the tables behind them (engines, versions, classes, alarms).
export { RDS_ENGINE_TABLE, type RdsEngine, type RdsLicenseModel } from './rds-engine-table';
export { AURORA_ENGINE_TABLE, type AuroraEngine } from './aurora-engine-table';
export { RDS_INSTANCE_CLASSES, type RdsInstanceClass } from '../common/instance-catalog';
export { RDS_ALARMS } from './rds-alarm-catalog';
export { AURORA_ALARMS } from './aurora-alarm-catalog';
export { DYNAMODB_TABLE_ALARMS } from './dynamodb-alarm-definitions';
export { DEFAULT_BACKUP_WINDOW, DEFAULT_MAINTENANCE_WINDOW } from './rds-windows';

// Types the props above are made of.
export type { RdsAlarms } from './rds-alarms';
export type { RdsInstanceRole } from './rds-alarm-catalog';
export type { CloudWatchAlarmDefinition } from './rds-alarm-definitions';
export type { AuroraServerlessV2Settings } from './aurora-cluster-checks';
export type { BackupRuleSettings, VaultLockSettings } from './backup-checks';
export type { DynamoDbAlarmDefinition } from './dynamodb-alarm-definitions';
export type {
  AutoscaledCapacitySettings,
  DynamodbAttributeType,
  DynamodbBillingSettings,
  DynamodbKeySettings,
  DynamodbProjection,
  DynamodbStreamView,
  GlobalSecondaryIndexSettings,
  LocalSecondaryIndexSettings,
} from './dynamodb-table-checks';

// Compliance: accept a cdk-nag finding on a resource of yours, with the reason.
export { acknowledge } from './compliance-acknowledgements';
