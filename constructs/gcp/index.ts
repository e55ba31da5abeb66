/**
 * `databases-as-code/gcp`: the Google Cloud constructs for your own CDKTF app (provider-google classes by deep
 * import), their props and the tables they are built from. Only deliberate names are exported here; the rest of
 * constructs/gcp is internal. Nothing here loads aws-cdk-lib. test/package/public-api.test.ts lists these names.
 */
export {
  CloudSqlInstance,
  type CloudSqlInstanceProps,
  type CloudSqlInstanceCommonProps,
  type PointInTimeRecoveryMode,
} from './cloud-sql-instance';
export { CloudSqlReadReplica, type CloudSqlReadReplicaProps } from './cloud-sql-read-replica';
export { CloudSqlEncryptionKeys, type CloudSqlEncryptionKeysProps, type CloudSqlRegionKey } from './cloud-sql-encryption-keys';
export type { CloudSqlAlert } from './cloud-sql-alert';
export type { CloudSqlQueryInsights, CloudSqlPasswordPolicy, CloudSqlMaintenanceWindow, CloudSqlDenyMaintenancePeriod } from './cloud-sql-instance-checks';

// The choices the constructs take, and the tables behind them.
export {
  CLOUD_SQL_ENGINE_TABLE,
  type CloudSqlEngine,
  type CloudSqlEdition,
  type CloudSqlDiskType,
  type CloudSqlSslMode,
} from './cloud-sql-engine-table';
export { CLOUD_SQL_FLAGS } from './cloud-sql-flag-table';
