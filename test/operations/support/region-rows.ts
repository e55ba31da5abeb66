/** The per-region rows a whole-environment verify adds after the databases, in order: vault, backup plans, alarm delivery. */
import type { EnvironmentPlan } from '../../../lib/plan/plan-types';

export function regionRowLabels(plan: EnvironmentPlan): string[] {
  return plan.aws!.regions.flatMap((region) => [
    ...['backup vault', 'encryption', 'vault lock'].map((check) => `${region.region} ${region.backupVault.name} ${check}`),
    ...region.backupPlans.flatMap((p) => [
      `${region.region} ${p.name} backup plan`,
      ...p.rules.map((rule) => `${region.region} ${p.name} rule ${rule.name}`),
      `${region.region} ${p.name} selection`,
    ]),
    `${region.region} ${region.alarmTopicName} alarm delivery`,
  ]);
}

/** moto 5.2.1 has no backup selections: one skipped selection row per planned plan. */
export const selectionSkips = (plan: EnvironmentPlan) => plan.aws!.regions.reduce((n, region) => n + region.backupPlans.length, 0);
