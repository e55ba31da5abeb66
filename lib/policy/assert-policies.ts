import { ConfigError } from '../config/config-error';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { buildPlan } from '../plan/build-plan';
import { policyProblems } from './policy-problems';

/**
 * Checks every environment against the policy rules; throws one ConfigError listing every violation, expired or
 * unknown waiver. The apps call it before creating anything, so a violation leaves no output behind.
 */
export function assertPolicies(environments: readonly ResolvedEnvironment[], today = new Date().toISOString().slice(0, 10)): void {
  const problems = environments.flatMap((env) => policyProblems(env, buildPlan(env), today));
  if (problems.length > 0) throw new ConfigError(problems);
}
