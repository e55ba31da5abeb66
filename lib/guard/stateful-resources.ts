/**
 * What the replacement guard protects: resources whose replacement or removal loses data or makes data unreadable.
 * CloudFormation decides which property changes replace a resource (cloudformation-diff knows the specs); for
 * Terraform we list the attributes the google provider marks as forcing replacement.
 */

/** CloudFormation types that hold data, or keys without which the data cannot be read. */
export const STATEFUL_CFN_TYPES: readonly string[] = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::RDS::GlobalCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::KMS::Key',
  'AWS::Backup::BackupVault',
];

/** Parameter groups are guarded when retained: a retained database depends on them. */
const RETAINED_WHEN_GUARDED: readonly string[] = ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'];

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly [key: string]: unknown;
}

export function isGuardedCfnResource(resource: CfnResource): boolean {
  if (STATEFUL_CFN_TYPES.includes(resource.Type)) return true;
  return RETAINED_WHEN_GUARDED.includes(resource.Type) && resource.DeletionPolicy === 'Retain';
}

/**
 * Terraform resource types we guard, with the attributes (dotted paths into the synthesized JSON) whose change
 * forces the provider to destroy and recreate the resource.
 */
export const STATEFUL_TERRAFORM_TYPES: Readonly<Record<string, readonly string[]>> = {
  google_sql_database_instance: [
    'name',
    'project',
    'region',
    'encryption_key_name',
    'master_instance_name',
    'replica_configuration',
    'settings.disk_type',
    'settings.collation',
  ],
  google_kms_crypto_key: ['name', 'key_ring', 'purpose'],
  google_kms_key_ring: ['name', 'location', 'project'],
};
