/** Renders the Google Cloud side of one environment plan as CDKTF stacks: the foundation, then the plan's stacks. */
import type { App, TerraformStack } from 'cdktf';
import type { EnvironmentPlan } from '../plan/plan-types';
import { GcpFoundationStack } from './gcp-foundation-stack';
import { renderGcpStack } from './gcp-stack-renderers';

export interface GcpEnvironmentStacks {
  readonly foundation: GcpFoundationStack;
  /** The databases' stacks (gcp.stacks), in plan order. */
  readonly databaseStacks: readonly TerraformStack[];
}

/** Adds the environment's stacks to `app`; returns undefined (and adds nothing) when it has no `gcp` section. */
export function addGcpEnvironment(app: App, plan: EnvironmentPlan): GcpEnvironmentStacks | undefined {
  const gcp = plan.gcp;
  if (!gcp) return undefined;
  const foundation = new GcpFoundationStack(app, { environment: plan.environment, gcp, labels: gcp.foundation.labels });
  return { foundation, databaseStacks: gcp.stacks.map((spec) => renderGcpStack(spec, { app, gcp, foundation })) };
}
