/**
 * Every rule by which the google provider destroys and recreates a resource we emit, per resource type, read in the
 * provider's source: schema attributes with `ForceNew: true` (nested blocks too) and the `CustomizeDiff` rules that
 * force new. Paths are dotted paths into the synthesized JSON (cdktf writes a one-item block as an object, a list of
 * blocks as an array).
 *
 * Which provider version was read: @cdktf/provider-google 16.12.1 binds google 6.50.0 (its docs links name 6.50.0),
 * but the search index does not hold the v6.50.0 tag, nor a way to find its commit. Each file was read whole at the
 * commit in PROVIDER_SOURCE below (hashicorp/terraform-provider-google; full commits in docs/guard.md), and every path
 * is checked against the attribute list of the 6.50 bindings in node_modules/@cdktf/provider-google
 * (test/guard/terraform-force-new.test.ts):
 * - resource_sql_database_instance.go @00bf1042 is a little OLDER than 6.50: it has `settings.connection_pool_config`,
 *   `server_ca_pool` and `custom_subject_alternative_names` (all in 6.50) but not `node_count` (in 6.50). An older
 *   5.x copy (@8da4e915, still with `require_ssl`) had `settings.time_zone` ForceNew; @00bf1042 does not, so 6.50
 *   most likely does not either (SQL Server only; we emit PostgreSQL and MySQL).
 * - resource_monitoring_alert_policy.go @05337e67 is older than 6.50 (no `severity`, which 6.50 and our output have).
 * - resource_kms_crypto_key.go @07fc8657 has every attribute 6.50 binds; it may be newer than 6.50.
 * - resource_redis_instance.go was read at two commits, and both have the same ForceNew attributes and the same
 *   CustomizeDiff rule: @12b3dee8 is NEWER than 6.50 (it has `deletion_protection`, which the 6.50 bindings lack,
 *   and a resource identity block), @16178c3a is OLDER (no SetLabelsDiff, so before 5.0). 6.50 lies between them.
 * Each rule cites `file@commit:line`: the line of its `ForceNew: true` (or plan modifier, or CustomizeDiff call) in
 * that commit's copy, counted in a transcription of the whole file whose length matched the index's character count.
 * A reviewer with the v6.50.0 tag checks a rule with `grep -n '"<key>"' <file>` near that line.
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

/** hashicorp/terraform-provider-google files, with the commit each was read at (see above; full commits in docs/guard.md). */
const PROVIDER_SOURCE = {
  sqlInstance: 'google/services/sql/resource_sql_database_instance.go@00bf1042',
  diskShrinkage: 'google/services/compute/resource_compute_disk.go@07fc8657:68 IsDiskShrinkage (new < old; nil old or new is not a shrink)',
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

/** `[path, line]` or `[path, line, options]`: the attribute and the line of its `ForceNew: true` in the file read. */
type SchemaRow = readonly [string, number] | readonly [string, number, RuleOptions];

/**
 * The force-new attributes of one schema function. `marker` is what the line holds: `ForceNew: true` (SDKv2
 * providers), or a `RequiresReplace` plan modifier (plugin-framework providers such as random).
 */
function schemaForceNew(file: string, schemaFunction: string, rows: readonly SchemaRow[], marker = 'ForceNew: true'): ForceNewRule[] {
  return rows.map(([path, line, options]) => ({ path, when: 'changes', ...options, source: `${file}:${line} ${schemaFunction} schema "${path}" ${marker}` }));
}

const KEPT = { keptWhenOmitted: true } as const;

const SQL_INSTANCE = PROVIDER_SOURCE.sqlInstance;
/** The CustomizeDiff call at `line` of the SQL instance file (the list starts at its line 148). */
const customizeDiff = (line: number, call: string) => `${SQL_INSTANCE}:${line} ResourceSqlDatabaseInstance CustomizeDiff: ${call}`;

/** Every IAM member resource (`google_*_iam_member`) has no Update function: each argument of the base schema forces new. */
const IAM_MEMBER_BASE = schemaForceNew(PROVIDER_SOURCE.iamMember, 'IamMemberBaseSchema', [
  ['role', 66],
  ['member', 71],
  ['condition', 79],
  ['condition.expression', 85],
  ['condition.title', 90],
  ['condition.description', 95],
]);

export const TERRAFORM_FORCE_NEW: Readonly<Record<string, readonly ForceNewRule[]>> = {
  google_sql_database_instance: [
    ...schemaForceNew(SQL_INSTANCE, 'ResourceSqlDatabaseInstance', [
      ['name', 842, KEPT],
      ['project', 857, KEPT],
      ['region', 168, KEPT],
      ['encryption_key_name', 790, KEPT],
      ['settings.collation', 395],
      // Optional + Computed in @00bf1042 (the 5.x copy had `Default: "PD_SSD"`); DiffSuppressFunc caseDiffDashSuppress
      // (pd-ssd equals PD_SSD) is not modelled: the construct always writes the upper-case enum.
      ['settings.disk_type', 436, KEPT],
      // replica_configuration is an Optional + Computed block ("returned from API on all replicas").
      ...(
        [
          ['ca_certificate', 880],
          ['client_certificate', 893],
          ['client_key', 900],
          ['connect_retry_interval', 907],
          ['dump_file_path', 914],
          ['failover_target', 921],
          ['master_heartbeat_period', 928],
          ['password', 935],
          ['ssl_cipher', 943],
          ['username', 950],
          ['verify_server_certificate', 957],
        ] as const
      ).map(([key, line]) => [`replica_configuration.${key}`, line, KEPT] as const),
    ]),
    {
      path: 'settings.disk_size',
      when: 'decreases',
      keptWhenOmitted: true,
      detail: 'the provider replaces the instance when the disk shrinks',
      source: `${customizeDiff(150, 'customdiff.ForceNewIfChange("settings.0.disk_size", compute.IsDiskShrinkage)')}; ${PROVIDER_SOURCE.diskShrinkage}`,
    },
    {
      // Not ForceNew in the schema (Optional + Computed): the CustomizeDiff forces new unless the change is the
      // manual update of the old primary after a switchover (instance_type CLOUD_SQL_INSTANCE → READ_REPLICA_INSTANCE
      // and replica_names changed), which our constructs never emit.
      path: 'master_instance_name',
      when: 'changes',
      keptWhenOmitted: true,
      detail: 'the provider recreates an instance whose primary changes (a new replica, copied from the new primary)',
      source: customizeDiff(151, 'customdiff.ForceNewIf("master_instance_name", !isSwitchoverFromOldPrimarySide)'),
    },
    {
      path: 'replica_configuration.cascadable_replica',
      when: 'changes',
      source: customizeDiff(155, 'customdiff.ForceNewIf("replica_configuration.0.cascadable_replica", !isSwitchoverFromOldPrimarySide)'),
    },
    {
      path: 'settings.ip_configuration.private_network',
      when: 'removed',
      detail: 'the provider replaces the instance when its private network is removed (the API refuses it in place)',
      source: customizeDiff(159, 'privateNetworkCustomizeDiff (line 1147: d.ForceNew when the old value is set and the new one is "")'),
    },
    // Not force-new there: database_version (upgraded in place), settings.edition, settings.tier, settings.time_zone
    // (see above); CustomizeDiff IfValueChange("instance_type", …) promotes a replica in place, and
    // DefaultProviderProject fills `project` from the provider (we always set it).
  ],
  google_kms_crypto_key: [
    ...schemaForceNew(PROVIDER_SOURCE.kmsCryptoKey, 'ResourceKMSCryptoKey', [
      // DiffSuppressFunc kmsCryptoKeyRingsEquivalent: other spellings of the same key ring id are no change.
      ['key_ring', 89],
      ['name', 97],
      ['crypto_key_backend', 104, KEPT],
      ['destroy_scheduled_duration', 112, KEPT],
      ['import_only', 120, KEPT],
      ['purpose', 136, { default: 'ENCRYPT_DECRYPT' }],
      ['version_template.protection_level', 177, { default: 'SOFTWARE' }],
    ]),
    // skip_initial_version_creation has no ForceNew there (an earlier list had it; the provider's 3.68.0 changelog:
    // "fixed indirectly force replacement via skip_initial_version_creation"); CustomizeDiff is SetLabelsDiff only.
  ],
  google_kms_key_ring: schemaForceNew(PROVIDER_SOURCE.kmsKeyRing, 'ResourceKMSKeyRing (no Update function)', [
    ['location', 56],
    ['name', 63],
    ['project', 70, KEPT],
  ]),
  // IamMemberBaseSchema merged with the resource's own id schema (IamKmsCryptoKeySchema).
  google_kms_crypto_key_iam_member: [...IAM_MEMBER_BASE, ...schemaForceNew(PROVIDER_SOURCE.kmsCryptoKeyIam, 'IamKmsCryptoKeySchema', [['crypto_key_id', 35]])],
  google_redis_instance: [
    // Same list at @16178c3a (older than 6.50). Not force-new there: memory_size_gb (resized in place),
    // replica_count, read_replicas_mode (Optional + Computed, set at creation only: the API refuses turning read
    // replicas off), secondary_ip_range, redis_configs, auth_enabled, persistence_config, maintenance_policy, labels,
    // display_name, maintenance_version; redis_version upgrades in place.
    ...schemaForceNew(PROVIDER_SOURCE.redisInstance, 'ResourceRedisInstance', [
      ['name', 192],
      ['project', 681, KEPT],
      ['region', 454, KEPT],
      ['location_id', 257, KEPT],
      ['alternative_location_id', 200, KEPT],
      // DiffSuppressFunc CompareSelfLinkOrResourceName: a self link of the same network is no change.
      ['authorized_network', 218, KEPT],
      ['connect_mode', 227, { default: 'DIRECT_PEERING' }],
      ['customer_managed_key', 235],
      ['reserved_ip_range', 470, KEPT],
      ['tier', 490, { default: 'BASIC' }],
      ['transit_encryption_mode', 501, { default: 'DISABLED' }],
    ]),
    {
      path: 'redis_version',
      when: 'redis-version-decreases',
      keptWhenOmitted: true,
      detail: 'the provider recreates an instance whose Redis version goes down (it upgrades in place, never downgrades)',
      source: `${PROVIDER_SOURCE.redisInstance}:155 ResourceRedisInstance CustomizeDiff: customdiff.ForceNewIfChange("redis_version", isRedisVersionDecreasing)`,
    },
  ],
  // The name, instance and type identify the user: another value is another user. password, password_wo(_version)
  // and password_policy update in place; deletion_policy is Terraform-side only.
  google_sql_user: schemaForceNew(PROVIDER_SOURCE.sqlUser, 'ResourceSqlUser', [
    ['host', 74, KEPT],
    ['instance', 81],
    // DiffSuppressFunc diffSuppressIamUserName: an IAM user's email equals its stored short name.
    ['name', 88],
    ['project', 181, KEPT],
    // DiffSuppressFunc EmptyOrDefaultStringSuppress("BUILT_IN"): leaving it out equals BUILT_IN.
    ['type', 104, { default: 'BUILT_IN' }],
  ]),
  // charset and collation are Optional + Computed and update in place; deletion_policy is Terraform-side only.
  google_sql_database: schemaForceNew(PROVIDER_SOURCE.sqlDatabase, 'ResourceSQLDatabase', [
    ['instance', 124],
    ['name', 131],
    ['project', 169, KEPT],
  ]),
  google_secret_manager_secret: [
    ...schemaForceNew(PROVIDER_SOURCE.secret, 'ResourceSecretManagerSecret', [
      ['secret_id', 119],
      ['project', 241, KEPT],
      ['ttl', 208],
      ['rotation.rotation_period', 182],
      // The whole replication block is ForceNew there, down to each replica's key: a new key is a new secret.
      ['replication.user_managed.replicas.location', 86],
      ['replication.user_managed.replicas.customer_managed_encryption.kms_key_name', 100],
    ]),
  ],
  google_secret_manager_secret_version: [
    ...schemaForceNew(PROVIDER_SOURCE.secretVersion, 'ResourceSecretManagerSecretVersion', [
      // DiffSuppressFunc CompareSelfLinkOrResourceName.
      ['secret', 67],
      ['secret_data', 59],
      ['is_secret_data_base64', 112, { default: false }],
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
    ...schemaForceNew(PROVIDER_SOURCE.secretIam, 'SecretManagerSecretIamSchema', [
      ['secret_id', 42],
      ['project', 37, KEPT],
    ]),
  ],
  google_project_iam_member: [...IAM_MEMBER_BASE, ...schemaForceNew(PROVIDER_SOURCE.projectIam, 'IamProjectSchema', [['project', 20]])],
  // A new password: the user keeps the old one (password_wo_version does not change) while the secret would not.
  random_password: [
    ...schemaForceNew(
      PROVIDER_SOURCE.randomPassword,
      'passwordSchemaV3',
      [
        ['length', 581],
        ['special', 600, { default: true }],
        ['upper', 610, { default: true }],
        ['lower', 619, { default: true }],
        ['numeric', 641, { keptWhenOmitted: true }],
        ['min_numeric', 651, { default: 0 }],
        ['min_upper', 661, { default: 0 }],
        ['min_lower', 671, { default: 0 }],
        ['min_special', 681, { default: 0 }],
        // RequiresReplaceIf unless "" becomes null (line 692; we never write "").
        ['override_special', 691],
        // RequiresReplaceIfValuesNotNull.
        ['keepers', 572],
      ],
      'plan modifier RequiresReplace',
    ),
  ],
  // No CustomizeDiff in that version.
  google_monitoring_alert_policy: schemaForceNew(PROVIDER_SOURCE.alertPolicy, 'ResourceMonitoringAlertPolicy', [['project', 995, KEPT]]),
  // CustomizeDiff: sensitiveLabelCustomizeDiff (validation only), DefaultProviderProject.
  google_monitoring_notification_channel: schemaForceNew(PROVIDER_SOURCE.notificationChannel, 'ResourceMonitoringNotificationChannel', [
    ['project', 173, KEPT],
  ]),
};
