/**
 * The one way from config files to plans, for both apps, the testing helpers, the pipeline app, the guard, the
 * inventory and dbctl: load and validate each environment (schema, tier defaults through each kind's row, cross-field
 * rules: every problem of every environment at once), plan it (each database through its kind's row), then check every
 * plan against the policy rules. Throws one ConfigError; nothing half-checked comes out.
 */
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { buildPlan } from '../plan/build-plan';
import type { EnvironmentPlan } from '../plan/plan-types';
import { assertPolicies } from '../policy/assert-policies';
import { CONFIG_DIR, loadEnvironments } from './load-environments';

export interface PlannedEnvironment {
  readonly environment: ResolvedEnvironment;
  readonly plan: EnvironmentPlan;
}

export interface PlanEnvironmentsOptions {
  /** @default CONFIG_DIR (`DB_CONFIG_DIR`, else `config/` of the current directory) */
  readonly configDir?: string;
  /** YYYY-MM-DD: waivers that expire before it no longer apply. @default today (UTC) */
  readonly today?: string;
}

export function planEnvironments(names: readonly string[], options: PlanEnvironmentsOptions = {}): PlannedEnvironment[] {
  const environments = loadEnvironments(names, options.configDir ?? CONFIG_DIR);
  assertPolicies(environments, options.today);
  return environments.map((environment) => ({ environment, plan: buildPlan(environment) }));
}
