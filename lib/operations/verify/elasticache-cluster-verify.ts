/**
 * verify for one ElastiCache replication group: the group in its region and each Global Datastore secondary in its
 * own region (with that region's key), then every node's alarms where its group lives.
 */
import type { ElasticacheClusterPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { readMetricAlarms } from '../aws/cloudwatch-alarms';
import type { OperationsContext } from '../operations-context';
import { alarmChecks } from './alarm-checks';
import { ELASTICACHE_CLUSTER_KIND, elasticacheGroupChecks } from './elasticache-cluster-checks';
import { readElasticacheGroup } from './elasticache-cluster-live';

export async function verifyElasticacheCluster(plan: ElasticacheClusterPlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const groups = [plan, ...(plan.global?.secondaries ?? [])];
  const perGroup = await Promise.all(
    groups.map(async (group) => {
      const alarms = group.nodes.flatMap((n) => n.alarms);
      const [live, plannedKeyArn, liveAlarms] = await Promise.all([
        readElasticacheGroup(ctx.clients, ctx.keys, group.region, group.replicationGroupId),
        ctx.keys.keyArn(group.region, group.keyAliasArn),
        readMetricAlarms(
          ctx.clients,
          group.region,
          alarms.map((a) => a.alarmName),
        ),
      ]);
      return [
        ...elasticacheGroupChecks({ plan, group, plannedKeyArn, live }),
        ...alarmChecks({ database: plan.name, kind: ELASTICACHE_CLUSTER_KIND, alarms, topicArn: group.alarmTopicArn, live: liveAlarms }),
      ];
    }),
  );
  return perGroup.flat();
}
