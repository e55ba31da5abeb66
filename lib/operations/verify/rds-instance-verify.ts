/**
 * verify for one RDS instance: read the live instance, its key and its alarms, then compare (rds-instance-checks);
 * then each planned read replica in its own region, with its region's key and its own alarms (rds-replica-checks).
 */
import type { RdsInstancePlan, RdsReplicaPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { readMetricAlarms } from '../aws/cloudwatch-alarms';
import type { OperationsContext } from '../operations-context';
import { alarmChecks } from './alarm-checks';
import { backupSelectionChecks, membershipOf } from './backup-selection-checks';
import { RDS_INSTANCE_KIND, rdsInstanceChecks } from './rds-instance-checks';
import { describeDbInstance, readRdsInstance } from './rds-instance-live';
import { rdsReplicaChecks } from './rds-replica-checks';

export async function verifyRdsInstance(plan: RdsInstancePlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const [live, plannedKeyArn, alarms, replicas] = await Promise.all([
    readRdsInstance(ctx.clients, ctx.keys, plan.region, plan.identifier),
    ctx.keys.keyArn(plan.region, plan.keyAliasArn),
    readMetricAlarms(
      ctx.clients,
      plan.region,
      plan.alarms.map((a) => a.alarmName),
    ),
    Promise.all(plan.replicas.map((replica) => verifyRdsReplica(plan, replica, ctx))),
  ]);
  const network = ctx.aws.regions.find((r) => r.region === plan.region)?.network;
  return [
    ...rdsInstanceChecks({ plan, network, plannedKeyArn, live, now: ctx.clock.now() }),
    ...(live
      ? backupSelectionChecks({
          database: plan.name,
          kind: RDS_INSTANCE_KIND,
          resource: plan.identifier,
          membership: membershipOf(ctx.aws.backupMembership, plan.name),
          tags: live.instance.TagList,
        })
      : []),
    ...alarmChecks({ database: plan.name, kind: RDS_INSTANCE_KIND, alarms: plan.alarms, topicArn: plan.alarmTopicArn, live: alarms }),
    ...replicas.flat(),
  ];
}

/** A replica is read in its own region: its key, its alarms and its alarm topic are that region's. */
async function verifyRdsReplica(plan: RdsInstancePlan, replica: RdsReplicaPlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const [instance, plannedKeyArn, alarms] = await Promise.all([
    describeDbInstance(ctx.clients, replica.region, replica.identifier),
    ctx.keys.keyArn(replica.region, replica.keyAliasArn),
    readMetricAlarms(
      ctx.clients,
      replica.region,
      replica.alarms.map((a) => a.alarmName),
    ),
  ]);
  const keyArn = instance?.StorageEncrypted && instance.KmsKeyId ? await ctx.keys.keyArn(replica.region, instance.KmsKeyId) : undefined;
  return [
    ...rdsReplicaChecks({ database: plan.name, replica, plannedKeyArn, live: instance && { instance, keyArn } }),
    ...alarmChecks({ database: plan.name, kind: RDS_INSTANCE_KIND, alarms: replica.alarms, topicArn: replica.alarmTopicArn, live: alarms }),
  ];
}
