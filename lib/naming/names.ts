/** Deterministic names shared by the stacks of an environment. Changing one renames (or replaces) a resource. */

export const awsKeyAlias = (environment: string) => `alias/${environment}-databases`;
export const awsAlarmTopicName = (environment: string) => `${environment}-database-alarms`;
export const awsFoundationStackId = (region: string) => `foundation-${region}`;
export const rdsInstanceStackId = (database: string) => `rds-${database}`;
/** Replica suffixes (`-replica-15`, ≤ 11 characters) are budgeted in DATABASE_NAME_MAX_LENGTH. */
export const rdsReplicaIdentifier = (identifier: string, index: number) => `${identifier}-replica-${index + 1}`;
export const rdsReplicaStackId = (database: string, index: number) => `rds-${database}-replica-${index + 1}`;
export const auroraClusterStackId = (database: string) => `aurora-${database}`;
export const auroraSecondaryStackId = (database: string, region: string) => `aurora-${database}-${region}`;
export const auroraSecondaryIdentifier = (identifier: string, region: string) => `${identifier}-${region}`;
export const auroraInstanceIdentifier = (cluster: string, index: number) => (index === 0 ? `${cluster}-writer` : `${cluster}-reader-${index}`);
export const auroraClusterArn = (account: string, region: string, identifier: string) => `arn:aws:rds:${region}:${account}:cluster:${identifier}`;
/** The region's first dashboard keeps the plain id and name; further ones (large fleets, see lib/plan/aws-plan.ts) get `-2`, `-3`, … */
const part = (index: number) => (index === 0 ? '' : `-${index + 1}`);
export const awsDashboardStackId = (region: string, index = 0) => `dashboard-${region}${part(index)}`;
export const awsDashboardName = (environment: string, region: string, index = 0) => `${environment}-databases-${region}${part(index)}`;
export const rdsInstanceArn = (account: string, region: string, identifier: string) => `arn:aws:rds:${region}:${account}:db:${identifier}`;
/** Every region's AWS Backup vault has the same name (copies find their target by it). */
export const backupVaultName = (environment: string) => `${environment}-databases`;
/** CloudFormation stack names are `<environment>-<stack id>`. */
export const awsStackName = (environment: string, stackId: string) => `${environment}-${stackId}`;

export const gcpFoundationStackName = (environment: string) => `${environment}-foundation`;
export const cloudSqlStackName = (environment: string, database: string) => `${environment}-cloudsql-${database}`;
export const memorystoreStackName = (environment: string, database: string) => `${environment}-memorystore-${database}`;
export const gcpKeyRingName = (environment: string) => `${environment}-databases`;
export const GCP_CLOUD_SQL_KEY_NAME = 'cloud-sql';

/** Database identifiers (RDS identifier, Cloud SQL instance name): `<environment>-<database>`. */
export const databaseIdentifier = (environment: string, database: string) => `${environment}-${database}`;

/** ElastiCache: the primary's stack, and a Global Datastore secondary's (its own region). */
export const elasticacheStackId = (database: string) => `elasticache-${database}`;
export const elasticacheSecondaryStackId = (database: string, region: string) => `elasticache-${database}-${region}`;
/** A secondary cluster's replication group id: short, since ElastiCache allows 40 characters. */
export const elasticacheSecondaryGroupId = (replicationGroupId: string, index: number) => `${replicationGroupId}-dr${index + 1}`;

/**
 * A Google Cloud database's connection-contract secrets: `<environment>-databases-<database>-<key>`, the Secret
 * Manager spelling of AWS's SSM path `/<environment>/databases/<database>/<key>` (secret ids take letters, digits,
 * `-` and `_` only).
 */
export const gcpContractSecretId = (environment: string, database: string, key: string) => `${environment}-databases-${database}-${key}`;
