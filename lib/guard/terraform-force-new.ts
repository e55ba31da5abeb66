/**
 * The attributes of the Terraform resources we guard whose change makes the google provider (6.50, the one
 * @cdktf/provider-google 16.12.1 generates) destroy and recreate the resource, with where the provider says so.
 * `changes`: schema `ForceNew: true`; `decreases`: a `customdiff.ForceNewIfChange` rule that forces new only when
 * the value goes down. Paths are dotted paths into the synthesized JSON (cdktf writes blocks as objects).
 *
 * Source: hashicorp/terraform-provider-google (6.x), the file and the schema entry or CustomizeDiff rule. Only the
 * disk-shrink rule was read in the source for this list; the others are the provider's documented immutable
 * attributes and still need their 6.50 line numbers recorded (see docs/guard.md, "Not done yet").
 */
export interface ForceNewRule {
  readonly path: string;
  readonly when: 'changes' | 'decreases';
  readonly source: string;
}

const SQL = 'google/services/sql/resource_sql_database_instance.go';
const KMS_KEY = 'google/services/kms/resource_kms_crypto_key.go';
const KMS_RING = 'google/services/kms/resource_kms_key_ring.go';

export const TERRAFORM_FORCE_NEW: Readonly<Record<string, readonly ForceNewRule[]>> = {
  google_sql_database_instance: [
    { path: 'name', when: 'changes', source: `${SQL} schema "name" ForceNew` },
    { path: 'project', when: 'changes', source: `${SQL} schema "project" ForceNew` },
    { path: 'region', when: 'changes', source: `${SQL} schema "region" ForceNew` },
    { path: 'encryption_key_name', when: 'changes', source: `${SQL} schema "encryption_key_name" ForceNew` },
    { path: 'master_instance_name', when: 'changes', source: `${SQL} schema "master_instance_name" ForceNew` },
    { path: 'replica_configuration', when: 'changes', source: `${SQL} schema "replica_configuration" ForceNew (every sub-attribute)` },
    { path: 'settings.disk_type', when: 'changes', source: `${SQL} schema "settings.disk_type" ForceNew` },
    { path: 'settings.collation', when: 'changes', source: `${SQL} schema "settings.collation" ForceNew` },
    { path: 'settings.time_zone', when: 'changes', source: `${SQL} schema "settings.time_zone" ForceNew (SQL Server; read in an earlier version of the file)` },
    { path: 'settings.disk_size', when: 'decreases', source: `${SQL} resourceSqlDatabaseInstance CustomizeDiff: customdiff.ForceNewIfChange("settings.0.disk_size", isDiskShrinkage)` },
  ],
  google_kms_crypto_key: [
    { path: 'name', when: 'changes', source: `${KMS_KEY} schema "name" ForceNew` },
    { path: 'key_ring', when: 'changes', source: `${KMS_KEY} schema "key_ring" ForceNew` },
    { path: 'purpose', when: 'changes', source: `${KMS_KEY} schema "purpose" ForceNew` },
    { path: 'skip_initial_version_creation', when: 'changes', source: `${KMS_KEY} schema "skip_initial_version_creation" ForceNew` },
    { path: 'import_only', when: 'changes', source: `${KMS_KEY} schema "import_only" ForceNew` },
    { path: 'destroy_scheduled_duration', when: 'changes', source: `${KMS_KEY} schema "destroy_scheduled_duration" ForceNew` },
    { path: 'version_template.protection_level', when: 'changes', source: `${KMS_KEY} schema "version_template.protection_level" ForceNew` },
  ],
  google_kms_key_ring: [
    { path: 'name', when: 'changes', source: `${KMS_RING} schema "name" ForceNew` },
    { path: 'location', when: 'changes', source: `${KMS_RING} schema "location" ForceNew` },
    { path: 'project', when: 'changes', source: `${KMS_RING} schema "project" ForceNew` },
  ],
};
