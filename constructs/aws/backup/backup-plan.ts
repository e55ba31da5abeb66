import { Duration, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge, awsManagedPolicyFinding } from '../foundation/compliance-acknowledgements';
import { DatabaseValidationError } from '../../common/database-validation-error';
import { BackupRuleSettings, backupRuleProblems } from './tables/backup-checks';

export interface DatabaseBackupRule extends Omit<BackupRuleSettings, 'copyTo'> {
  /** e.g. `cron(0 3 * * ? *)` (UTC). */
  readonly scheduleExpression: string;
  /** Copy every recovery point to a vault in another region, named by its ARN (no cross-region reference). */
  readonly copyTo?: { readonly vaultArn: string; readonly retentionDays: number };
}

/** What the plan backs up: resources matching these ARN patterns that carry the tag. */
export interface DatabaseBackupSelection {
  /** e.g. `arn:aws:rds:eu-west-1:123456789012:db:*`. Resource types are filtered first, then the tag. */
  readonly resourceArnPatterns: readonly string[];
  readonly tagKey: string;
  readonly tagValue: string;
}

export interface DatabaseBackupPlanProps {
  readonly planName: string;
  readonly vault: backup.IBackupVault;
  readonly rules: readonly DatabaseBackupRule[];
  readonly selection: DatabaseBackupSelection;
  /** Role AWS Backup uses. @default - a new role with the AWS managed backup policy (not the restore one) */
  readonly role?: iam.IRole;
}

/** `arn:aws:backup:<region>:<account>:backup-vault:<name>` → region. */
const regionOfArn = (arn: string) => arn.split(':')[3] ?? '';

/**
 * An AWS Backup plan for databases: scheduled (or continuous) rules into the region's vault, optional copies into
 * another region's vault, and a selection by resource type and tag, so a new database joins by carrying the tag
 * (an ARN list would be capped at 100 resources per plan).
 */
export class DatabaseBackupPlan extends Construct {
  readonly plan: backup.BackupPlan;
  readonly role: iam.IRole;
  readonly selection: backup.CfnBackupSelection;

  constructor(scope: Construct, id: string, props: DatabaseBackupPlanProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const problems = backupRuleProblems(
      region,
      props.rules.map((rule) => ({ ...rule, copyTo: rule.copyTo && { region: regionOfArn(rule.copyTo.vaultArn), retentionDays: rule.copyTo.retentionDays } })),
    );
    if (props.rules.length === 0) problems.push({ path: ['rules'], value: [], message: 'a plan needs at least one rule', fix: 'add a rule' });
    if (problems.length > 0) throw new DatabaseValidationError('DatabaseBackupPlan', this.node.path, problems);

    this.plan = new backup.BackupPlan(this, 'Plan', { backupPlanName: props.planName, backupVault: props.vault });
    props.rules.forEach((rule, i) =>
      this.plan.addRule(
        new backup.BackupPlanRule({
          ruleName: rule.name,
          scheduleExpression: events.Schedule.expression(rule.scheduleExpression),
          deleteAfter: Duration.days(rule.retentionDays),
          enableContinuousBackup: rule.continuous,
          copyActions: rule.copyTo && [
            {
              destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, `CopyTarget${i}`, rule.copyTo.vaultArn),
              deleteAfter: Duration.days(rule.copyTo.retentionDays),
            },
          ],
        }),
      ),
    );

    this.role = props.role ?? this.defaultRole(props.planName);

    // The L2 selection has no Conditions; the L1 one filters resource types first, then the tag.
    this.selection = new backup.CfnBackupSelection(this, 'Selection', {
      backupPlanId: this.plan.backupPlanId,
      backupSelection: {
        selectionName: `${props.planName}-tagged`,
        iamRoleArn: this.role.roleArn,
        resources: [...props.selection.resourceArnPatterns],
        conditions: {
          StringEquals: [{ ConditionKey: `aws:ResourceTag/${props.selection.tagKey}`, ConditionValue: props.selection.tagValue }],
        },
      },
    });
  }

  /** The role AWS Backup assumes, with the AWS-managed backup policy AWS documents for it. */
  private defaultRole(planName: string): iam.Role {
    const role = new iam.Role(this, 'Role', {
      description: `AWS Backup for plan ${planName}`,
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: [
        // Backing up needs only this one; restores (dbctl's drills included) go through the services' own APIs.
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'),
      ],
    });
    const reason = 'the AWS-managed policy AWS Backup documents for its service role; AWS keeps it current with new resource types';
    acknowledge(role, { [awsManagedPolicyFinding('service-role/AWSBackupServiceRolePolicyForBackup')]: reason });
    return role;
  }
}
