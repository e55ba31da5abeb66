/**
 * verify for one Aurora cluster: the primary cluster in its region, then each secondary cluster of its global
 * database in its own region with that region's key; each with its planned instances and its cluster and instance
 * alarms (aurora-cluster-checks, alarm-checks).
 */
import type { AuroraClusterCommonPlan, AuroraClusterPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { readMetricAlarms } from '../aws/cloudwatch-alarms';
import type { OperationsContext } from '../operations-context';
import { alarmChecks } from './alarm-checks';
import { backupSelectionChecks, membershipOf } from './backup-selection-checks';
import { AURORA_CLUSTER_KIND, auroraClusterChecks } from './aurora-cluster-checks';
import { describeGlobalCluster, readAuroraCluster } from './aurora-cluster-live';

export async function verifyAuroraCluster(plan: AuroraClusterPlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const globalId = plan.global?.globalClusterIdentifier;
  const liveGlobal = globalId === undefined ? undefined : await describeGlobalCluster(ctx.clients, plan.region, globalId);
  const global = globalId === undefined ? undefined : { identifier: globalId, live: liveGlobal };
  const clusters = await Promise.all([
    verifyCluster(plan, ctx, { recovery: plan.recovery, global, database: plan.name }),
    ...(plan.global?.secondaries ?? []).map((secondary) => verifyCluster(secondary, ctx, { global, database: plan.name })),
  ]);
  return clusters.flat();
}

async function verifyCluster(
  cluster: AuroraClusterCommonPlan,
  ctx: OperationsContext,
  context: Pick<Parameters<typeof auroraClusterChecks>[0], 'recovery' | 'global' | 'database'>,
): Promise<CheckResult[]> {
  const alarms = [...cluster.clusterAlarms, ...cluster.instances.flatMap((i) => i.alarms)];
  const [live, plannedKeyArn, liveAlarms] = await Promise.all([
    readAuroraCluster(
      ctx.clients,
      ctx.keys,
      cluster.region,
      cluster.clusterIdentifier,
      cluster.instances.map((i) => i.identifier),
    ),
    ctx.keys.keyArn(cluster.region, cluster.keyAliasArn),
    readMetricAlarms(
      ctx.clients,
      cluster.region,
      alarms.map((a) => a.alarmName),
    ),
  ]);
  return [
    ...auroraClusterChecks({ ...context, cluster, plannedKeyArn, live, now: ctx.clock.now() }),
    // The primary cluster carries the backup tag; a secondary holds the primary's data and is not selected.
    ...(live && context.recovery
      ? backupSelectionChecks({
          database: context.database,
          kind: AURORA_CLUSTER_KIND,
          resource: cluster.clusterIdentifier,
          membership: membershipOf(ctx.aws.backupMembership, context.database),
          tags: live.cluster.TagList,
        })
      : []),
    ...alarmChecks({ database: context.database, kind: AURORA_CLUSTER_KIND, alarms, topicArn: cluster.alarmTopicArn, live: liveAlarms }),
  ];
}
