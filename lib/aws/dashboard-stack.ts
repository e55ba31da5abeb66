import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DatabaseDashboard } from '../../constructs/aws/foundation/database-dashboard';
import type { AwsDashboardPlan } from '../plan/plan-types';

export interface DashboardStackProps extends StackProps {
  readonly plan: AwsDashboardPlan;
}

/** The region's database dashboard; instances are named by identifier, so it depends on no database stack. */
export class DashboardStack extends Stack {
  constructor(scope: Construct, id: string, props: DashboardStackProps) {
    super(scope, id, props);
    new DatabaseDashboard(this, 'Dashboard', { dashboardName: props.plan.dashboardName, instances: props.plan.instances });
  }
}
