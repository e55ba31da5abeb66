/** An ElastiCache replication group on its region's dashboard: a line per node, the same for each secondary, in its region. */
import { alarmMetrics, type DashboardLine } from '../../plan/dashboard-lines';
import type { ElasticacheClusterPlan, ElasticacheGroupPlan } from '../../plan/plan-types';

const groupLines = (group: ElasticacheGroupPlan): DashboardLine[] =>
  group.nodes.map((node) => ({
    identifier: node.cacheClusterId,
    role: node.role,
    metrics: alarmMetrics(node.alarms),
    region: group.region,
    dimension: 'CacheClusterId',
  }));

export const elasticacheClusterDashboardLines = (cluster: ElasticacheClusterPlan): DashboardLine[] => [
  ...groupLines(cluster),
  ...(cluster.global?.secondaries ?? []).flatMap(groupLines),
];
