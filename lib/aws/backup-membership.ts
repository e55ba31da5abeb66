/**
 * Puts a database stack into its region's AWS Backup plans: the tag their selections look for, on the primary
 * only (a read replica holds its source's data, and RDS cannot snapshot PostgreSQL read replicas). cdk-nag only
 * sees backup selections in the same stack, so each RDS instance also says how it is covered.
 */
import { Stack, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { IConstruct } from 'constructs';
import { acknowledge } from '../../constructs/aws/compliance-acknowledgements';
import type { BackupMembershipPlan } from '../plan/plan-types';
import { applyTags } from './apply-tags';

const FINDING = 'HIPAA.Security-RDSInBackupPlan';
const REPLICA_REASON = 'a read replica is not backed up: it holds its source\'s data, and its source is';

export function applyBackupMembership(stack: Stack, member: BackupMembershipPlan, replicas: readonly IConstruct[]): void {
  if (member.tag) {
    applyTags(stack, { [member.tag.key]: member.tag.value });
    for (const replica of replicas) Tags.of(replica).remove(member.tag.key);
  }
  const primaryReason = member.tag
    ? `selected by tag ${member.tag.key}=${member.tag.value} into ${member.plans.join(', ')} (foundation stack of ${member.region}): ${member.summary}`
    : member.optOutReason
      ? `opted out of AWS Backup in config: ${member.optOutReason}`
      : `not in an AWS Backup plan: ${member.summary}; RDS automated backups with point-in-time recovery remain`;
  if (!member.tag) {
    for (const table of stack.node.findAll().filter((c) => c instanceof dynamodb.CfnGlobalTable)) {
      acknowledge(table, { 'Databases::Databases-GlobalTableInBackupPlan': primaryReason });
    }
  }
  for (const instance of stack.node.findAll().filter((c): c is rds.CfnDBInstance => c instanceof rds.CfnDBInstance)) {
    const isReplica = replicas.some((replica) => instance.node.path.startsWith(`${replica.node.path}/`));
    acknowledge(instance, { [FINDING]: isReplica ? REPLICA_REASON : primaryReason });
  }
}

/** Cross-region replica stacks: not backed up, their source is. */
export function acknowledgeReplicaBackups(stack: Stack): void {
  for (const instance of stack.node.findAll().filter((c): c is rds.CfnDBInstance => c instanceof rds.CfnDBInstance)) {
    acknowledge(instance, { [FINDING]: REPLICA_REASON });
  }
}
