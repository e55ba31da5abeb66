import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planDatabases } from '../kinds/plan-databases';
import { planAws, planAwsRegions } from './aws-plan';
import { planGcp, planGcpKeys } from './gcp-plan';
import type { EnvironmentPlan } from './plan-types';

/** Plans already built, by environment: the policy check and the app both ask for the same plan. */
const plans = new WeakMap<ResolvedEnvironment, EnvironmentPlan>();

/** Config → plan, for one validated environment. Pure: same input, same plan (built once per environment object). */
export function buildPlan(env: ResolvedEnvironment): EnvironmentPlan {
  let plan = plans.get(env);
  if (!plan) {
    const awsRegions = planAwsRegions(env);
    const gcpKeys = planGcpKeys(env);
    // Validation guarantees every database's regions are declared, so each has its region's resources.
    const databases = planDatabases(env, {
      awsRegion: (region) => awsRegions.find((r) => r.region === region)!,
      gcpKey: (region) => gcpKeys.find((k) => k.region === region)!,
    });
    plan = {
      environment: env.name,
      tier: env.tier,
      tags: env.tags,
      databases,
      aws: planAws(env, awsRegions, databases),
      gcp: planGcp(env, gcpKeys, databases),
    };
    plans.set(env, plan);
  }
  return plan;
}
