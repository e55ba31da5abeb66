/**
 * Every rule by which the google provider destroys and recreates a resource we emit, per resource type, read in the
 * provider's source: schema attributes with `ForceNew: true` (nested blocks too) and the `CustomizeDiff` rules that
 * force new. Paths are dotted paths into the synthesized JSON (cdktf writes a one-item block as an object, a list of
 * blocks as an array).
 *
 * Which provider version was read: @cdktf/provider-google 16.12.1 binds google 6.50.0 (its docs links name 6.50.0),
 * but the search index does not hold the v6.50.0 tag, nor a way to find its commit. Each file was read at the newest
 * commit the index returned (PROVIDER_SOURCE below), and compared with the attribute list of the 6.50 bindings in
 * node_modules/@cdktf/provider-google (test/guard/terraform-force-new.test.ts checks every path against it):
 * - resource_sql_database_instance.go @00bf1042 is a little OLDER than 6.50: it has `settings.connection_pool_config`,
 *   `server_ca_pool` and `custom_subject_alternative_names` (all in 6.50) but not `node_count` (in 6.50). An older
 *   5.x copy (@8da4e915, still with `require_ssl`) had `settings.time_zone` ForceNew; @00bf1042 does not, so 6.50
 *   most likely does not either (SQL Server only; we emit PostgreSQL and MySQL).
 * - resource_monitoring_alert_policy.go @05337e67 is older than 6.50 (no `severity`, which 6.50 and our output have).
 * - resource_kms_crypto_key.go @07fc8657 has every attribute 6.50 binds; it may be newer than 6.50.
 * - resource_redis_instance.go was read at two commits, and both have the same ForceNew attributes and the same
 *   CustomizeDiff rule: @12b3dee8 is NEWER than 6.50 (it has `deletion_protection`, which the 6.50 bindings lack,
 *   and a resource identity block), @16178c3a is OLDER (no SetLabelsDiff, so before 5.0). 6.50 lies between them.
 * Line numbers are not recorded: the index shows file text without line numbers, and a line of a commit that is not
 * v6.50.0 would not point at 6.50 anyway. Each rule names its file, commit, function and schema key instead; a
 * reviewer with the v6.50.0 tag checks a rule with `grep -n '"<key>"' <file>`.
 */

/** When a change of the attribute forces a new resource. */
export type ForceNewWhen =
  /** Any change (schema `ForceNew: true`, `customdiff.ForceNewIf` with a condition that holds for our configs). */
  | 'changes'
  /** A known, smaller number (`customdiff.ForceNewIfChange` with `IsDiskShrinkage`). */
  | 'decreases'
  /** A set value removed (a CustomizeDiff that calls `d.ForceNew` when the new value is empty). */
  | 'removed'
  /**
   * A lower Redis version (`customdiff.ForceNewIfChange` with `isRedisVersionDecreasing`): both values parse as
   * `REDIS_<major>_<minor>` and the new one is smaller; a value that does not parse (`REDIS_6_X`) is no decrease.
   */
  | 'redis-version-decreases';

export interface ForceNewRule {
  readonly path: string;
  readonly when: ForceNewWhen;
  /** `Optional` + `Computed`: leaving the attribute out keeps the current value, so there is no diff. */
  readonly keptWhenOmitted?: true;
  /** The schema `Default`: leaving the attribute out sets this value. */
  readonly default?: string | number | boolean;
  /** What happens, for CustomizeDiff rules whose attribute alone does not say it. */
  readonly detail?: string;
  readonly source: string;
}

/** hashicorp/terraform-provider-google files, with the commit each was read at (see above). */
const PROVIDER_SOURCE = {
  sqlInstance: 'google/services/sql/resource_sql_database_instance.go@00bf1042',
  diskShrinkage: 'google/services/compute/resource_compute_disk.go@07fc8657 IsDiskShrinkage (new < old; nil old or new is not a shrink)',
  kmsCryptoKey: 'google/services/kms/resource_kms_crypto_key.go@07fc8657',
  kmsKeyRing: 'google/services/kms/resource_kms_key_ring.go@1658bf8c',
  iamMember: 'google/tpgiamresource/resource_iam_member.go@0262be69',
  kmsCryptoKeyIam: 'google/services/kms/iam_kms_crypto_key.go@06172845',
  alertPolicy: 'google/services/monitoring/resource_monitoring_alert_policy.go@05337e67',
  notificationChannel: 'google/services/monitoring/resource_monitoring_notification_channel.go@0879a4c9',
  redisInstance: 'google/services/redis/resource_redis_instance.go@12b3dee8',
  // Older than 6.50: no password_wo / password_wo_version (6.50 binds both).
  sqlUser: 'google/services/sql/resource_sql_user.go@03ed3556',
  // Newer than 6.50 (copyright 2026, "IBM Corp."); same ForceNew keys as the 6.50 bindings' attributes allow.
  sqlDatabase: 'google/services/sql/resource_sql_database.go@0a504cd5',
  // Older than 6.50: no deletion_protection, and replication still has `automatic` (6.50: `auto`).
  secret: 'google/services/secretmanager/resource_secret_manager_secret.go@12bb2e00',
  // Older than 6.50: no secret_data_wo / secret_data_wo_version, and secret_data is Required there.
  secretVersion: 'google/services/secretmanager/resource_secret_manager_secret_version.go@158d84c7',
  secretIam: 'google/services/secretmanager/iam_secret_manager_secret.go@634a50c2',
  projectIam: 'google/services/resourcemanager/iam_project.go@fa4a3b00',
  // hashicorp/terraform-provider-random (@cdktf/provider-random 12.0.1 binds random 3.7.2; this commit's release is
  // not known): passwordSchemaV3, plan modifiers RequiresReplace.
  randomPassword: 'hashicorp/terraform-provider-random internal/provider/resource_password.go@c054b476',
} as const;

type RuleOptions = Omit<ForceNewRule, 'path' | 'when' | 'source'>;

/** Schema `ForceNew: true` attributes of one schema function: `[path, options]` rows. */
function schemaForceNew(file: string, schemaFunction: string, rows: ReadonlyArray<string | readonly [string, RuleOptions]>): ForceNewRule[] {
  return rows.map((row) => {
    const [path, options] = typeof row === 'string' ? [row, {}] : row;
    return { path, when: 'changes', ...options, source: `${file} ${schemaFunction} schema "${path}" ForceNew: true` };
  });
}

const KEPT = { keptWhenOmitted: true } as const;

const SQL_INSTANCE = PROVIDER_SOURCE.sqlInstance;
const CUSTOMIZE_DIFF = `${SQL_INSTANCE} ResourceSqlDatabaseInstance CustomizeDiff`;

/** Every IAM member resource (`google_*_iam_member`) has no Update function: each argument of the base schema forces new. */
const IAM_MEMBER_BASE = schemaForceNew(PROVIDER_SOURCE.iamMember, 'IamMemberBaseSchema', [
  'role',
  'member',
  'condition',
  'condition.expression',
  'condition.title',
  'condition.description',
]);

export const TERRAFORM_FORCE_NEW: Readonly<Record<string, readonly ForceNewRule[]>> = {
  google_sql_database_instance: [
    ...schemaForceNew(SQL_INSTANCE, 'ResourceSqlDatabaseInstance', [
      ['name', KEPT],
      ['project', KEPT],
      ['region', KEPT],
      ['encryption_key_name', KEPT],
      'settings.collation',
      // Optional + Computed in @00bf1042 (the 5.x copy had `Default: "PD_SSD"`); DiffSuppressFunc caseDiffDashSuppress
      // (pd-ssd equals PD_SSD) is not modelled: the construct always writes the upper-case enum.
      ['settings.disk_type', KEPT],
      // replica_configuration is an Optional + Computed block ("returned from API on all replicas").
      ...[
        'ca_certificate',
        'client_certificate',
        'client_key',
        'connect_retry_interval',
        'dump_file_path',
        'failover_target',
        'master_heartbeat_period',
        'password',
        'ssl_cipher',
        'username',
        'verify_server_certificate',
      ].map((key) => [`replica_configuration.${key}`, KEPT] as const),
    ]),
    {
      path: 'settings.disk_size',
      when: 'decreases',
      keptWhenOmitted: true,
      detail: 'the provider replaces the instance when the disk shrinks',
      source: `${CUSTOMIZE_DIFF}: customdiff.ForceNewIfChange("settings.0.disk_size", compute.IsDiskShrinkage); ${PROVIDER_SOURCE.diskShrinkage}`,
    },
    {
      // Not ForceNew in the schema (Optional + Computed): the CustomizeDiff forces new unless the change is the
      // manual update of the old primary after a switchover (instance_type CLOUD_SQL_INSTANCE → READ_REPLICA_INSTANCE
      // and replica_names changed), which our constructs never emit.
      path: 'master_instance_name',
      when: 'changes',
      keptWhenOmitted: true,
      detail: 'the provider recreates an instance whose primary changes (a new replica, copied from the new primary)',
      source: `${CUSTOMIZE_DIFF}: customdiff.ForceNewIf("master_instance_name", !isSwitchoverFromOldPrimarySide)`,
    },
    {
      path: 'replica_configuration.cascadable_replica',
      when: 'changes',
      source: `${CUSTOMIZE_DIFF}: customdiff.ForceNewIf("replica_configuration.0.cascadable_replica", !isSwitchoverFromOldPrimarySide)`,
    },
    {
      path: 'settings.ip_configuration.private_network',
      when: 'removed',
      detail: 'the provider replaces the instance when its private network is removed (the API refuses it in place)',
      source: `${CUSTOMIZE_DIFF}: privateNetworkCustomizeDiff (d.ForceNew when the old value is set and the new one is "")`,
    },
    // Not force-new there: database_version (upgraded in place), settings.edition, settings.tier, settings.time_zone
    // (see above); CustomizeDiff IfValueChange("instance_type", …) promotes a replica in place, and
    // DefaultProviderProject fills `project` from the provider (we always set it).
  ],
  google_kms_crypto_key: [
    ...schemaForceNew(PROVIDER_SOURCE.kmsCryptoKey, 'ResourceKMSCryptoKey', [
      // DiffSuppressFunc kmsCryptoKeyRingsEquivalent: other spellings of the same key ring id are no change.
      'key_ring',
      'name',
      ['crypto_key_backend', KEPT],
      ['destroy_scheduled_duration', KEPT],
      ['import_only', KEPT],
      ['purpose', { default: 'ENCRYPT_DECRYPT' }],
      ['version_template.protection_level', { default: 'SOFTWARE' }],
    ]),
    // skip_initial_version_creation has no ForceNew there (an earlier list had it; the provider's 3.68.0 changelog:
    // "fixed indirectly force replacement via skip_initial_version_creation"); CustomizeDiff is SetLabelsDiff only.
  ],
  google_kms_key_ring: schemaForceNew(PROVIDER_SOURCE.kmsKeyRing, 'ResourceKMSKeyRing (no Update function)', ['location', 'name', ['project', KEPT]]),
  // IamMemberBaseSchema merged with the resource's own id schema (IamKmsCryptoKeySchema).
  google_kms_crypto_key_iam_member: [...IAM_MEMBER_BASE, ...schemaForceNew(PROVIDER_SOURCE.kmsCryptoKeyIam, 'IamKmsCryptoKeySchema', ['crypto_key_id'])],
  google_redis_instance: [
    // Same list at @16178c3a (older than 6.50). Not force-new there: memory_size_gb (resized in place),
    // replica_count, read_replicas_mode (Optional + Computed, set at creation only: the API refuses turning read
    // replicas off), secondary_ip_range, redis_configs, auth_enabled, persistence_config, maintenance_policy, labels,
    // display_name, maintenance_version; redis_version upgrades in place.
    ...schemaForceNew(PROVIDER_SOURCE.redisInstance, 'ResourceRedisInstance', [
      'name',
      ['project', KEPT],
      ['region', KEPT],
      ['location_id', KEPT],
      ['alternative_location_id', KEPT],
      // DiffSuppressFunc CompareSelfLinkOrResourceName: a self link of the same network is no change.
      ['authorized_network', KEPT],
      ['connect_mode', { default: 'DIRECT_PEERING' }],
      'customer_managed_key',
      ['reserved_ip_range', KEPT],
      ['tier', { default: 'BASIC' }],
      ['transit_encryption_mode', { default: 'DISABLED' }],
    ]),
    {
      path: 'redis_version',
      when: 'redis-version-decreases',
      keptWhenOmitted: true,
      detail: 'the provider recreates an instance whose Redis version goes down (it upgrades in place, never downgrades)',
      source: `${PROVIDER_SOURCE.redisInstance} ResourceRedisInstance CustomizeDiff: customdiff.ForceNewIfChange("redis_version", isRedisVersionDecreasing)`,
    },
  ],
  // The name, instance and type identify the user: another value is another user. password, password_wo(_version)
  // and password_policy update in place; deletion_policy is Terraform-side only.
  google_sql_user: schemaForceNew(PROVIDER_SOURCE.sqlUser, 'ResourceSqlUser', [
    ['host', KEPT],
    'instance',
    // DiffSuppressFunc diffSuppressIamUserName: an IAM user's email equals its stored short name.
    'name',
    ['project', KEPT],
    // DiffSuppressFunc EmptyOrDefaultStringSuppress("BUILT_IN"): leaving it out equals BUILT_IN.
    ['type', { default: 'BUILT_IN' }],
  ]),
  // charset and collation are Optional + Computed and update in place; deletion_policy is Terraform-side only.
  google_sql_database: schemaForceNew(PROVIDER_SOURCE.sqlDatabase, 'ResourceSQLDatabase', ['instance', 'name', ['project', KEPT]]),
  google_secret_manager_secret: [
    ...schemaForceNew(PROVIDER_SOURCE.secret, 'ResourceSecretManagerSecret', [
      'secret_id',
      ['project', KEPT],
      'ttl',
      'rotation.rotation_period',
      // The whole replication block is ForceNew there, down to each replica's key: a new key is a new secret.
      'replication.user_managed.replicas.location',
      'replication.user_managed.replicas.customer_managed_encryption.kms_key_name',
    ]),
  ],
  google_secret_manager_secret_version: [
    ...schemaForceNew(PROVIDER_SOURCE.secretVersion, 'ResourceSecretManagerSecretVersion', [
      // DiffSuppressFunc CompareSelfLinkOrResourceName.
      'secret',
      'secret_data',
      ['is_secret_data_base64', { default: false }],
    ]),
    {
      // NOT VERIFIED: the copy read predates the write-only attributes. A secret version's payload cannot change
      // (Secret Manager versions are immutable), so a new payload version is taken as a new version resource.
      path: 'secret_data_wo_version',
      when: 'changes',
      detail: 'a new write-only payload is a new secret version (assumed: not in the provider copy read)',
      source: `${PROVIDER_SOURCE.secretVersion} (no secret_data_wo_version in that copy; assumed ForceNew, see the comment)`,
    },
  ],
  google_secret_manager_secret_iam_member: [
    ...IAM_MEMBER_BASE,
    ...schemaForceNew(PROVIDER_SOURCE.secretIam, 'SecretManagerSecretIamSchema', ['secret_id', ['project', KEPT]]),
  ],
  google_project_iam_member: [...IAM_MEMBER_BASE, ...schemaForceNew(PROVIDER_SOURCE.projectIam, 'IamProjectSchema', ['project'])],
  // A new password: the user keeps the old one (password_wo_version does not change) while the secret would not.
  random_password: [
    ...schemaForceNew(PROVIDER_SOURCE.randomPassword, 'passwordSchemaV3', [
      'length',
      ['special', { default: true }],
      ['upper', { default: true }],
      ['lower', { default: true }],
      ['numeric', { keptWhenOmitted: true }],
      ['min_numeric', { default: 0 }],
      ['min_upper', { default: 0 }],
      ['min_lower', { default: 0 }],
      ['min_special', { default: 0 }],
      // RequiresReplaceIf unless "" becomes null (we never write "").
      'override_special',
      // RequiresReplaceIfValuesNotNull.
      'keepers',
    ]),
  ],
  // No CustomizeDiff in that version.
  google_monitoring_alert_policy: schemaForceNew(PROVIDER_SOURCE.alertPolicy, 'ResourceMonitoringAlertPolicy', [['project', KEPT]]),
  // CustomizeDiff: sensitiveLabelCustomizeDiff (validation only), DefaultProviderProject.
  google_monitoring_notification_channel: schemaForceNew(PROVIDER_SOURCE.notificationChannel, 'ResourceMonitoringNotificationChannel', [['project', KEPT]]),
};
