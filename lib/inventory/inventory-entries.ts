/** The inventory of an environment: each database as its kind's row describes it (lib/kinds/<kind>/<kind>-inventory.ts). */
import { TIER_DEFAULTS } from '../../config/schema';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { rowOf } from '../kinds/registry';
import type { EnvironmentPlan } from '../plan/plan-types';
import type { InventoryEntry } from './inventory-entry';

export { formatMinutes } from './inventory-columns';

/** Every database of the environment, in config order. */
export function inventoryEntries(env: ResolvedEnvironment, plan: EnvironmentPlan): InventoryEntry[] {
  const rtoMinutes = TIER_DEFAULTS[plan.tier].recoveryTimeObjectiveMinutes;
  return env.databases.flatMap((db) => {
    const planned = plan.databases[db.kind].find((p) => p.name === db.name);
    if (!planned) return [];
    const backupPlan = plan.aws?.backupMembership.find((m) => m.database === db.name)?.summary ?? 'none';
    const entry = rowOf(db.kind).inventory(planned, { rtoMinutes, backupPlan });
    const waivers = db.waivers.map((w) => `${w.rule}: ${w.reason}${w.expires ? ` (until ${w.expires})` : ''}`);
    return [{ ...entry, waivers }];
  });
}
