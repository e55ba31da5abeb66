/** An RDS instance on its region's dashboard: a line for it and one for each replica, in the replica's region. */
import { alarmMetrics, type DashboardLine } from '../../plan/dashboard-lines';
import type { RdsInstancePlan } from '../../plan/plan-types';

export const rdsInstanceDashboardLines = (primary: RdsInstancePlan): DashboardLine[] => [
  { identifier: primary.identifier, role: 'primary', metrics: alarmMetrics(primary.alarms), region: primary.region },
  ...primary.replicas.map((replica): DashboardLine => ({
    identifier: replica.identifier,
    role: 'replica',
    metrics: alarmMetrics(replica.alarms),
    region: replica.region,
  })),
];
