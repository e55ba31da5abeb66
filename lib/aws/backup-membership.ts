/**
 * Puts a database stack into its region's AWS Backup plans: the tag their selections look for, on the primary
 * only (a read replica holds its source's data, and RDS cannot snapshot PostgreSQL read replicas; Aurora instances
 * are backed up with their cluster). cdk-nag only
 * sees backup selections in the same stack, so each RDS instance also says how it is covered.
 */
import { Stack, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as rds from 'aws-cdk-lib/aws-rds';
import type { IConstruct } from 'constructs';
import { acknowledge } from '../../constructs/aws/foundation/compliance-acknowledgements';
import type { BackupMembershipPlan } from '../plan/plan-types';
import { applyTags } from './apply-tags';

const FINDING = 'HIPAA.Security-RDSInBackupPlan';
const CLUSTER_MEMBER_REASON = 'an Aurora instance is backed up with its cluster, which carries the backup-plan tag';
const REPLICA_REASON = "a read replica is not backed up: it holds its source's data, and its source is";

export function applyBackupMembership(stack: Stack, member: BackupMembershipPlan, replicas: readonly IConstruct[]): void {
  const instances = stack.node.findAll().filter((c): c is rds.CfnDBInstance => c instanceof rds.CfnDBInstance);
  // Aurora writers and readers are backed up with their cluster; a selection of `db:*` must not find them.
  const clusterMembers = instances.filter((instance) => instance.dbClusterIdentifier !== undefined);
  if (member.tag) {
    applyTags(stack, { [member.tag.key]: member.tag.value });
    for (const scope of [...replicas, ...clusterMembers]) Tags.of(scope).remove(member.tag.key);
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
  for (const instance of instances) {
    const isReplica = replicas.some((replica) => instance.node.path.startsWith(`${replica.node.path}/`));
    const reason = clusterMembers.includes(instance) ? CLUSTER_MEMBER_REASON : isReplica ? REPLICA_REASON : primaryReason;
    acknowledge(instance, { [FINDING]: reason });
  }
}

/** Stacks of cross-region replicas and Aurora secondary clusters: not backed up, their source (primary) is. */
export function acknowledgeReplicaBackups(stack: Stack, reason = REPLICA_REASON): void {
  for (const instance of stack.node.findAll().filter((c): c is rds.CfnDBInstance => c instanceof rds.CfnDBInstance)) {
    acknowledge(instance, { [FINDING]: reason });
  }
}

export const SECONDARY_CLUSTER_REASON =
  "a secondary cluster of a global database holds its primary's data; the primary is backed up (with copies to the disaster-recovery region)";
