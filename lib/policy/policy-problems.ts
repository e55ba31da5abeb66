/**
 * Runs the policy rules over an environment's plan. Findings, unknown waivers and expired waivers come back as
 * config problems, so they are reported (and fail synth) exactly like any other config error.
 */
import type { ConfigProblem } from '../config/config-error';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import type { EnvironmentPlan } from '../plan/plan-types';
import type { PolicyRule } from './policy-rule';
import { environmentPostures } from './postures';
import { POLICY_RULES } from './rules';

/** `today` as YYYY-MM-DD: waivers expiring before it no longer apply. */
export function policyProblems(env: ResolvedEnvironment, plan: EnvironmentPlan, today: string, rules: readonly PolicyRule[] = POLICY_RULES): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ruleIds = rules.map((rule) => rule.id);
  const activeWaivers = new Map<string, Set<string>>();

  env.databases.forEach((db, index) => {
    const active = new Set<string>();
    db.waivers.forEach((waiver, w) => {
      const at = (field: string) => ['databases', index, 'waivers', w, field];
      if (!ruleIds.includes(waiver.rule)) {
        problems.push({
          environment: env.name,
          database: db.name,
          path: at('rule'),
          value: waiver.rule,
          message: `is not a policy rule; rules: ${ruleIds.join(', ')}`,
          fix: 'name one of the rules, or remove the waiver',
        });
      } else if (waiver.expires !== undefined && waiver.expires < today) {
        problems.push({
          environment: env.name,
          database: db.name,
          path: at('expires'),
          value: waiver.expires,
          message: `the waiver of '${waiver.rule}' expired, so the rule applies again`,
          fix: 'fix the setting the rule asks for, or renew the waiver with a new date and reason',
        });
      } else {
        active.add(waiver.rule);
      }
    });
    activeWaivers.set(db.name, active);
  });

  const order = env.databases.map((db) => db.name);
  for (const posture of environmentPostures(plan, order)) {
    for (const rule of rules) {
      if (!rule.tiers.includes(posture.tier) || activeWaivers.get(posture.database)?.has(rule.id)) continue;
      const finding = rule.check(posture);
      if (!finding) continue;
      problems.push({
        environment: posture.environment,
        database: posture.database,
        path: finding.setting.path,
        value: finding.setting.value,
        message: `${finding.message} (policy '${rule.id}': ${rule.title})`,
        fix: `${finding.fix}, or waive '${rule.id}' for this database with a reason`,
      });
    }
  }
  return problems;
}
