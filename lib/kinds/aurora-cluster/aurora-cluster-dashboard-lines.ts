/**
 * An Aurora cluster on its region's dashboard: a line per instance, and a cluster line on the cluster-level graphs
 * (volume, global lag); the same for each secondary cluster, in its region.
 */
import { alarmMetrics, type DashboardLine } from '../../plan/dashboard-lines';
import type { AuroraClusterCommonPlan, AuroraClusterPlan } from '../../plan/plan-types';

const clusterLines = (cluster: AuroraClusterCommonPlan): DashboardLine[] => [
  ...cluster.instances.map((instance): DashboardLine => ({
    identifier: instance.identifier,
    role: instance.role,
    metrics: alarmMetrics(instance.alarms),
    region: cluster.region,
  })),
  {
    identifier: cluster.clusterIdentifier,
    role: cluster.instances.some((i) => i.role === 'writer') ? 'primary-cluster' : 'secondary-cluster',
    metrics: alarmMetrics(cluster.clusterAlarms),
    region: cluster.region,
    dimension: 'DBClusterIdentifier',
  },
];

export const auroraClusterDashboardLines = (cluster: AuroraClusterPlan): DashboardLine[] => [
  ...clusterLines(cluster),
  ...(cluster.global?.secondaries ?? []).flatMap(clusterLines),
];
