/** Plans every database of an environment through its kind's row, each kind's list in config order. */
import { DATABASE_KINDS } from '../../config/schema/environment';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import type { DatabasePlans } from '../plan/plan-types';
import type { PlanContext } from './database-kind';
import { rowOf } from './registry';

export function planDatabases(env: ResolvedEnvironment, context: PlanContext): DatabasePlans {
  const plans = Object.fromEntries(DATABASE_KINDS.map((kind) => [kind, [] as unknown[]])) as Record<string, unknown[]>;
  for (const db of env.databases) plans[db.kind].push(rowOf(db.kind).plan(env, db, context));
  return plans as unknown as DatabasePlans;
}
