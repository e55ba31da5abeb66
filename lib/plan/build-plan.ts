import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planAws } from './aws-plan';
import { planGcp } from './gcp-plan';
import type { EnvironmentPlan } from './plan-types';

/** Config → plan, for one validated environment. Pure: same input, same plan. */
export function buildPlan(env: ResolvedEnvironment): EnvironmentPlan {
  return { environment: env.name, tier: env.tier, tags: env.tags, aws: planAws(env), gcp: planGcp(env) };
}
