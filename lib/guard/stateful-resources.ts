/**
 * What the replacement guard protects: resources whose replacement or removal loses data or makes data unreadable.
 * CloudFormation decides which property changes replace a resource (cloudformation-diff knows the specs); for
 * Terraform, terraform-force-new.ts lists the attributes the google provider forces replacement on.
 */

/** CloudFormation types that hold data, or keys without which the data cannot be read. */
export const STATEFUL_CFN_TYPES: readonly string[] = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::RDS::GlobalCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  // An in-memory store's data; the global group ties the secondaries to it (cloudformation-diff: Engine, KmsKeyId,
  // CacheSubnetGroupName, Port, ReplicasPerNodeGroup, … replace a replication group).
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::ElastiCache::GlobalReplicationGroup',
  'AWS::KMS::Key',
  'AWS::Backup::BackupVault',
  // Credentials applications hold: a replaced secret (a new Name replaces it, cloudformation-diff) has a new ARN and a
  // new password the database does not know, and a removed one is deleted — every application using it is locked out.
  // This covers the generated master secrets and the database roles' secrets (constructs/aws/database-access).
  'AWS::SecretsManager::Secret',
  // The declared roles and grants inside a database (DATABASE_ACCESS_RESOURCE_TYPE): removing it leaves the roles in
  // place but no longer maintained, and their secrets and policies go with it; a deliberate change, so it needs approval.
  'Custom::DatabaseAccess',
];

/**
 * Terraform types that hold data, or keys without which the data cannot be read. terraform-force-new.ts lists the
 * force-new rules of every type we emit; the guard blocks on these only. An alert policy, a notification channel or a
 * key's IAM binding holds no data: recreating one loses nothing (a recreated binding leaves Cloud SQL's service agent
 * without the key between the delete and the create; that is an outage risk, not data loss, and not guarded).
 */
export const STATEFUL_TERRAFORM_TYPES: readonly string[] = [
  'google_sql_database_instance',
  'google_kms_crypto_key',
  'google_kms_key_ring',
  // A replaced Memorystore instance starts empty (its RDB snapshots go with the old one).
  'google_redis_instance',
  // A logical database holds the data (deletion_policy ABANDON keeps a removed one, but a replaced one is a new,
  // empty database under the same name once the old one is gone).
  'google_sql_database',
  // Credentials applications log in with: a replaced user loses its grants, a replaced secret or password breaks
  // every application that reads it.
  'google_sql_user',
  'google_secret_manager_secret',
  'google_secret_manager_secret_version',
  'random_password',
];

/**
 * Secret Manager holds credentials and the connection contract alike; only credentials are guarded. A contract value
 * (an address, a list of databases) changes with the config, and its secret version is replaced each time: that loses
 * nothing, applications read the latest version. constructs/gcp/regional-secret.ts marks a credential secret with the
 * annotation `content: credential` and writes its payload write-only (`secret_data_wo`); a contract value is written
 * with `secret_data`.
 */
export const SECRET_CONTENT_ANNOTATION = 'content';
export const CREDENTIAL_CONTENT = 'credential';

export function isGuardedTerraformResource(type: string, attributes: Record<string, unknown>): boolean {
  if (!STATEFUL_TERRAFORM_TYPES.includes(type)) return false;
  if (type === 'google_secret_manager_secret') {
    return (attributes.annotations as Record<string, unknown> | undefined)?.[SECRET_CONTENT_ANNOTATION] === CREDENTIAL_CONTENT;
  }
  if (type === 'google_secret_manager_secret_version') return attributes.secret_data_wo !== undefined;
  return true;
}

/** Parameter groups are guarded when retained: a retained database depends on them. */
const RETAINED_WHEN_GUARDED: readonly string[] = ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'];

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly [key: string]: unknown;
}

/**
 * A retained parameter group whose replacement keeps the old group (UpdateReplacePolicy Retain; CDK's
 * RemovalPolicy.RETAIN sets it): it holds configuration, not data, so replacing it loses nothing. Not for data
 * resources: a replaced, retained database leaves the data behind and the application on an empty one.
 */
export const isKeptParameterGroup = (resource: CfnResource) => RETAINED_WHEN_GUARDED.includes(resource.Type) && resource.UpdateReplacePolicy === 'Retain';

export function isGuardedCfnResource(resource: CfnResource): boolean {
  if (STATEFUL_CFN_TYPES.includes(resource.Type)) return true;
  return RETAINED_WHEN_GUARDED.includes(resource.Type) && resource.DeletionPolicy === 'Retain';
}
