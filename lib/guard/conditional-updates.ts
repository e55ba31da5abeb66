/**
 * cloudformation-diff says "possibly replaced" for every property whose update type is conditional (`causesReplacement:
 * 'maybe'` in @aws-cdk/aws-service-spec 0.1.216). For the properties below we know from CloudFormation's own sources
 * when the update is in place, and decide per change: 'in place', the reason the change loses data, or 'unknown' (the
 * guard keeps "possibly replaced" and blocks).
 *
 * Which stateful types have conditional properties at all (test/guard/conditional-updates.test.ts lists them from the
 * spec): AWS::RDS::DBInstance, AWS::RDS::DBCluster and AWS::ElastiCache::ReplicationGroup (NumNodeGroups and
 * NodeGroupConfiguration decided below by the resource's UseOnlineResharding update policy; AuthToken not decided, so
 * a change to it stays blocked as "possibly replaced"). AWS::RDS::GlobalCluster, AWS::DynamoDB::Table, GlobalTable,
 * AWS::KMS::Key, AWS::Backup::BackupVault, AWS::RDS::DBParameterGroup and DBClusterParameterGroup have none: each of
 * their properties either always replaces or never does (GlobalTable's replica regions: global-table-replicas.ts).
 *
 * Sources (checked 2026-12):
 * - [schema] CloudFormation registry schemas as shipped in cfn-lint 1.51 (cfnlint/data/schemas/resources/*.json):
 *   `createOnlyProperties`, the properties whose change makes CloudFormation replace the resource.
 *   AWS::RDS::DBInstance: BackupTarget, CharacterSetName, CustomIAMInstanceProfile, DBClusterIdentifier,
 *   DBInstanceIdentifier, DBName, DBSubnetGroupName, DBSystemId, KmsKeyId, MasterUsername, NcharCharacterSetName,
 *   SourceRegion, StorageEncrypted, Timezone. AWS::RDS::DBCluster: AvailabilityZones, ClusterScalabilityType,
 *   DBClusterIdentifier, DBSubnetGroupName, DBSystemId, DatabaseName, EngineMode, KmsKeyId, PubliclyAccessible,
 *   RestoreToTime, RestoreType, SnapshotIdentifier, SourceDBClusterIdentifier, SourceDbClusterResourceId,
 *   SourceRegion, StorageEncrypted, UseLatestRestorableTime. None of the properties decided below is create-only.
 * - [cfn-docs] the "Update requires" line of each property in the CloudFormation reference: AWS::RDS::DBInstance
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html and
 *   AWS::RDS::DBCluster .../aws-resource-rds-dbcluster.html. Read in the reference's published source
 *   (awsdocs/aws-cloudformation-user-guide, doc_source/aws-properties-rds-database-instance.md @c3b451ad and
 *   aws-resource-rds-dbcluster.md @49111ea5; that repository is archived, so the text predates the registry schemas).
 *   Where it and [schema] disagree (the archived text says "Replacement" for a property the schema does not list as
 *   create-only), we cannot tell what AWS does today, and the property stays 'unknown' (blocked).
 * - [spec-docs] the property documentation in @aws-cdk/aws-service-spec 0.1.216 (db.json.gz), current CloudFormation
 *   reference text.
 * - [rds-backups] https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
 *   "Disabling automated backups": a retention of 0 deletes the instance's existing automated backups (its
 *   point-in-time recovery history) — data is lost though the instance stays.
 */
export type ConditionalDecision = 'in place' | 'unknown' | { readonly losesData: string };
/** The resource as the new template declares it, for rules that depend on more than the property (an update policy). */
export type UpdatedResource = Readonly<Record<string, unknown>>;
export type ConditionalUpdateRule = (before: unknown, after: unknown, resource: UpdatedResource) => ConditionalDecision;

const IN_PLACE: ConditionalUpdateRule = () => 'in place';
/** Documented as replacing in one source and not in the other, or never explained: keep blocking. */
const UNKNOWN: ConditionalUpdateRule = () => 'unknown';
/**
 * [spec-docs] AWS::ElastiCache::ReplicationGroup NumNodeGroups and NodeGroupConfiguration: "If you set
 * UseOnlineResharding to true, you can update … without interruption. When UseOnlineResharding is set to false, or is
 * not specified, updating … results in replacement" (a new, empty cache).
 */
const ONLINE_RESHARDING: ConditionalUpdateRule = (_before, _after, resource) =>
  (resource.UpdatePolicy as { UseOnlineResharding?: unknown } | undefined)?.UseOnlineResharding === true
    ? 'in place'
    : { losesData: 'without the UseOnlineResharding update policy CloudFormation replaces the replication group to reshard it (a new, empty cache)' };

/** Per CloudFormation type, per property. A property not listed keeps cloudformation-diff's "possibly replaced". */
export const CONDITIONAL_UPDATES: Readonly<Record<string, Readonly<Record<string, ConditionalUpdateRule>>>> = {
  'AWS::RDS::DBInstance': {
    // [schema] not create-only; [cfn-docs] "Some interruptions"; [rds-backups] 0 deletes the automated backups.
    BackupRetentionPeriod: (before, after) =>
      Number(after) === 0 && Number(before) > 0
        ? { losesData: 'BackupRetentionPeriod 0 deletes the automated backups (point-in-time recovery history)' }
        : 'in place',
    // [schema] not create-only; [cfn-docs] "Some interruptions": converting to or from Multi-AZ adds or removes a standby.
    MultiAZ: IN_PLACE,
    // [schema] not create-only; [cfn-docs] "No interruption".
    PreferredMaintenanceWindow: IN_PLACE,
    // [schema] not create-only; [cfn-docs] "Some interruptions" (a reboot for static parameters). A major-version upgrade
    // replaces the group (Family is create-only for AWS::RDS::DBParameterGroup) and points the instance at the new one.
    DBParameterGroupName: IN_PLACE,
    // [schema] not create-only; [cfn-docs] "No interruption".
    AutoMinorVersionUpgrade: IN_PLACE,
    // [schema] not create-only; [cfn-docs] "Some interruptions" (gp2 → gp3 and the like: a storage modification).
    StorageType: IN_PLACE,
    // [schema] not create-only; [cfn-docs] "Some interruptions". Performance Insights data is not the database's data.
    PerformanceInsightsKMSKeyId: IN_PLACE,
    // [spec-docs] "If you remove the SourceDBInstanceIdentifier property … AWS CloudFormation promotes the read replica
    // to a standalone DB instance" (in place, the replica keeps its data). Any other change — another source, or a
    // source added to a standalone instance — [cfn-docs] "Update requires: Replacement" while [schema] does not list it
    // as create-only: unknown.
    SourceDBInstanceIdentifier: (before, after) => (before !== undefined && after === undefined ? 'in place' : 'unknown'),
    // [cfn-docs] "Replacement" (archived text) but [schema] not create-only: unknown.
    AvailabilityZone: UNKNOWN,
    // [cfn-docs] "Some interruptions" and [schema] not create-only, but RDS changes an instance's engine in place only
    // within a family (e.g. oracle-ee → oracle-ee-cdb); postgres → mysql is a new database. Kept blocked on purpose.
    Engine: UNKNOWN,
  },
  'AWS::RDS::DBCluster': {
    // [schema] not create-only; [cfn-docs] "Some interruptions"; [spec-docs] "To remove the DB cluster from a global
    // database cluster, specify an empty value"; [rds-api] https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/
    // API_RemoveFromGlobalCluster.html "The cluster becomes a standalone cluster with read-write capability": it keeps
    // its data.
    GlobalClusterIdentifier: IN_PLACE,
    // [cfn-docs] "Replacement" (archived text) but [schema] not create-only: unknown. RDS cannot rename the master user.
    MasterUsername: UNKNOWN,
    // As for AWS::RDS::DBInstance Engine: [cfn-docs] "Some interruptions" (aurora → aurora-mysql upgrades), but an
    // Aurora PostgreSQL cluster does not become Aurora MySQL in place. Kept blocked on purpose.
    Engine: UNKNOWN,
  },
  'AWS::ElastiCache::ReplicationGroup': {
    NumNodeGroups: ONLINE_RESHARDING,
    NodeGroupConfiguration: ONLINE_RESHARDING,
  },
};

/**
 * What a conditional update of `property` does: 'in place', the reason it loses data, or 'unknown' when we have no
 * documented rule (the guard then keeps cloudformation-diff's "possibly replaced").
 */
export function conditionalUpdate(type: string, property: string, before: unknown, after: unknown, resource: UpdatedResource = {}): ConditionalDecision {
  const rule = CONDITIONAL_UPDATES[type]?.[property];
  return rule ? rule(before, after, resource) : 'unknown';
}
