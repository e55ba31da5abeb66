/**
 * cloudformation-diff says "possibly replaced" for every property whose update type is conditional. For the
 * properties below we know from the service's own sources when the update is in place, and decide per change:
 * `replaces` returns the reason the change really replaces or loses data, or undefined when it is in place.
 *
 * Sources (checked 2026-12):
 * - [schema] CloudFormation registry schema AWS::RDS::DBInstance (as shipped in cfn-lint 1.51,
 *   cfnlint/data/schemas/resources/*.json): `createOnlyProperties` — the only properties whose change replaces the
 *   instance — lists BackupTarget, CharacterSetName, CustomIAMInstanceProfile, DBClusterIdentifier,
 *   DBInstanceIdentifier, DBName, DBSubnetGroupName, DBSystemId, KmsKeyId, MasterUsername, NcharCharacterSetName,
 *   SourceRegion, StorageEncrypted, Timezone; none of the properties below.
 * - [cfn-docs] https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
 *   "Update requires: Some interruptions" / "No interruption" for BackupRetentionPeriod, MultiAZ,
 *   PreferredMaintenanceWindow, DBParameterGroupName (a ModifyDBInstance, never a new instance).
 * - [rds-backups] https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
 *   "Disabling automated backups": a retention of 0 deletes the instance's existing automated backups (its
 *   point-in-time recovery history) — data is lost though the instance stays.
 */
export type ConditionalUpdateRule = (before: unknown, after: unknown) => string | undefined;

const IN_PLACE: ConditionalUpdateRule = () => undefined;

/** Per CloudFormation type, per property. A property not listed keeps cloudformation-diff's "possibly replaced". */
export const CONDITIONAL_UPDATES: Readonly<Record<string, Readonly<Record<string, ConditionalUpdateRule>>>> = {
  'AWS::RDS::DBInstance': {
    // [schema] not create-only; [rds-backups] 0 deletes the automated backups.
    BackupRetentionPeriod: (before, after) =>
      Number(after) === 0 && Number(before) > 0 ? 'BackupRetentionPeriod 0 deletes the automated backups (point-in-time recovery history)' : undefined,
    // [schema] not create-only; [cfn-docs] converting to or from Multi-AZ modifies the instance (a standby is added or removed).
    MultiAZ: IN_PLACE,
    // [schema] not create-only; [cfn-docs] "No interruption".
    PreferredMaintenanceWindow: IN_PLACE,
    // [schema] not create-only; [cfn-docs] the instance is modified to use the new group (a reboot may be needed). A
    // major-version upgrade replaces the group (Family is create-only for AWS::RDS::DBParameterGroup) and points the
    // instance at the new one.
    DBParameterGroupName: IN_PLACE,
  },
};

/**
 * What a conditional update of `property` does: 'in place', the reason it loses data, or 'unknown' when we have no
 * documented rule (the guard then keeps cloudformation-diff's "possibly replaced").
 */
export function conditionalUpdate(type: string, property: string, before: unknown, after: unknown): 'in place' | 'unknown' | { readonly losesData: string } {
  const rule = CONDITIONAL_UPDATES[type]?.[property];
  if (!rule) return 'unknown';
  const losesData = rule(before, after);
  return losesData ? { losesData } : 'in place';
}
