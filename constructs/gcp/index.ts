/**
 * `databases-as-code/gcp`: the Google Cloud constructs for your own CDKTF app (provider-google classes by deep
 * import), their props and the tables they are built from. Only deliberate names are exported here; the rest of
 * constructs/gcp is internal. Nothing here loads aws-cdk-lib. test/package/public-api.integration.test.ts lists these names.
 */
export { CloudSqlInstance, type CloudSqlInstanceProps, type CloudSqlInstanceCommonProps, type PointInTimeRecoveryMode } from './cloud-sql-instance';
export { CloudSqlReadReplica, type CloudSqlReadReplicaProps } from './cloud-sql-read-replica';
export { CloudSqlEncryptionKeys, type CloudSqlEncryptionKeysProps, type CloudSqlRegionKey, type KeyServiceAgent } from './cloud-sql-encryption-keys';
export { MemorystoreInstance, type MemorystoreInstanceProps } from './memorystore-instance';
export type { MemorystoreAlert } from './tables/memorystore-alerts';
export type { MemorystoreMaintenanceWindow } from './tables/memorystore-checks';
export { MEMORYSTORE_REDIS_VERSIONS, type MemorystoreRedisVersion, type MemorystoreSnapshotChoice, type MemorystoreUse } from './tables/memorystore-table';
export type { CloudSqlAlert } from './tables/cloud-sql-alert';
export type {
  CloudSqlQueryInsights,
  CloudSqlPasswordPolicy,
  CloudSqlMaintenanceWindow,
  CloudSqlDenyMaintenancePeriod,
} from './tables/cloud-sql-instance-checks';

// The choices the constructs take, and the tables behind them.
export { type CloudSqlEngine, type CloudSqlEdition, type CloudSqlDiskType, type CloudSqlSslMode } from './tables/cloud-sql-choices';
export { CLOUD_SQL_ENGINE_TABLE } from './tables/cloud-sql-engine-table';
export { CLOUD_SQL_FLAGS } from './tables/cloud-sql-flag-table';

// Thrown by every construct whose props break a rule, with the problems as data.
export { DatabaseValidationError } from '../common/database-validation-error';
export type { PathProblem } from '../common/path-problem';
