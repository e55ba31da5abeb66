/**
 * `databases-as-code/config`: write an environment (`export default defineEnvironment({ … })` in `config/<name>.ts`)
 * and read its types. Only deliberate names are exported here; the field schemas in this folder are internal.
 * test/package/public-api.integration.test.ts lists these names.
 */
export { defineEnvironment } from './define-environment';
export { environmentSchema, DATABASE_KINDS, type DatabaseKind, type DatabaseConfig, type EnvironmentInput, type ParsedEnvironment } from './environment';
export { TIERS, TIER_DEFAULTS, REMOVAL_POLICIES, type Tier, type TierDefaults, type RemovalPolicyName } from './tiers';
export type { AwsSettings, AwsSettingsInput } from './aws';
export type { GcpSettings, GcpSettingsInput } from './gcp';
export { RDS_ENGINES, RDS_LICENSE_MODELS, type RdsInstanceConfig, type RdsInstanceInput } from './rds-instance';
export { AURORA_ENGINES, type AuroraClusterConfig, type AuroraClusterInput } from './aurora-cluster';
export type { DynamodbTableConfig, DynamodbTableInput } from './dynamodb-table';
export { CLOUD_SQL_ENGINES } from './cloudsql-instance';
export type { CloudSqlInstanceConfig, CloudSqlReplicaConfig } from './cloudsql-instance';
export { ELASTICACHE_CLUSTER_ENGINES, CACHE_USES, type ElasticacheClusterConfig, type ElasticacheClusterInput } from './elasticache-cluster';
export { MEMORYSTORE_VERSIONS } from '../../constructs/gcp/tables/memorystore-table';
export type { MemorystoreInstanceConfig } from './memorystore-instance';
