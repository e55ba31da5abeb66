import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planAws } from './aws-plan';
import { planGcp } from './gcp-plan';
import type { EnvironmentPlan } from './plan-types';

/** Plans already built, by environment: the policy check and the app both ask for the same plan. */
const plans = new WeakMap<ResolvedEnvironment, EnvironmentPlan>();

/** Config → plan, for one validated environment. Pure: same input, same plan (built once per environment object). */
export function buildPlan(env: ResolvedEnvironment): EnvironmentPlan {
  let plan = plans.get(env);
  if (!plan) {
    plan = { environment: env.name, tier: env.tier, tags: env.tags, aws: planAws(env), gcp: planGcp(env) };
    plans.set(env, plan);
  }
  return plan;
}
