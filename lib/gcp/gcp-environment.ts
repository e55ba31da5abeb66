/** Renders the Google Cloud side of one environment plan as CDKTF stacks. */
import type { App } from 'cdktf';
import type { EnvironmentPlan } from '../plan/plan-types';
import { CloudSqlInstanceStack } from '../kinds/cloudsql-instance/cloud-sql-instance-stack';
import { GcpFoundationStack } from './gcp-foundation-stack';

export interface GcpEnvironmentStacks {
  readonly foundation: GcpFoundationStack;
  readonly cloudSqlInstances: readonly CloudSqlInstanceStack[];
}

/** Adds the environment's stacks to `app`; returns undefined (and adds nothing) when it has no `gcp` section. */
export function addGcpEnvironment(app: App, plan: EnvironmentPlan): GcpEnvironmentStacks | undefined {
  const gcp = plan.gcp;
  if (!gcp) return undefined;
  const foundation = new GcpFoundationStack(app, { environment: plan.environment, gcp, labels: gcp.foundation.labels });
  const cloudSqlInstances = gcp.cloudSqlInstances.map(
    (instance) => new CloudSqlInstanceStack(app, { gcp, instance, foundation }),
  );
  return { foundation, cloudSqlInstances };
}
