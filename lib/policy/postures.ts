/** One adapter per database kind turns its plan into the cloud-neutral posture the rules check (lib/kinds/<kind>/<kind>-posture.ts). */
import { DATABASE_CLOUD } from '../config/database-cloud';
import { rowOf } from '../kinds/registry';
import type { EnvironmentPlan } from '../plan/plan-types';
import type { DatabasePosture } from './database-posture';

/** The posture of every database of an environment, in config order. */
export function environmentPostures(plan: EnvironmentPlan, databaseOrder: readonly string[]): DatabasePosture[] {
  const notificationEmails = {
    aws: plan.aws?.regions[0]?.notificationEmails ?? [],
    gcp: plan.gcp?.foundation.notificationEmails ?? [],
  };
  return (Object.keys(plan.databases) as Array<keyof EnvironmentPlan['databases']>)
    .flatMap((kind) =>
      plan.databases[kind].map((db) =>
        rowOf(kind).posture(db, {
          environment: plan.environment,
          tier: plan.tier,
          index: databaseOrder.indexOf(db.name),
          notificationEmails: notificationEmails[DATABASE_CLOUD[kind]],
          backupMembership: DATABASE_CLOUD[kind] === 'aws' ? plan.aws?.backupMembership.find((m) => m.database === db.name) : undefined,
        }),
      ),
    )
    .sort((a, b) => a.index - b.index);
}
