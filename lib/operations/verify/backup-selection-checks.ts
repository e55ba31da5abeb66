/**
 * Whether a database is really in the AWS Backup plans the plan puts it in. The plans' selections pick resources by
 * a tag its stack carries (lib/plan/backup-plan.ts); a database without that tag, or with another plan's value, is
 * silently left out of every backup job while the plan and its selection look right. So the row reads the tag on the
 * live resource. A database that opted out or whose tier has no plan carries no tag and gets no row. Pure.
 */
import type { BackupMembershipPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';

export interface BackupSelectionFacts {
  readonly database: string;
  readonly kind: string;
  readonly resource: string;
  /** The database's membership (aws.backupMembership); undefined for a database the plan does not list. */
  readonly membership?: BackupMembershipPlan;
  /** The live resource's tags; undefined when the service did not report them. */
  readonly tags?: readonly { readonly Key?: string; readonly Value?: string }[];
}

export function backupSelectionChecks({ database, kind, resource, membership, tags }: BackupSelectionFacts): CheckResult[] {
  const tag = membership?.tag;
  if (!tag) return [];
  const base = { database, kind, resource, check: 'backup selection', planned: `${tag.key}=${tag.value} (selected into ${membership.plans.join(', ')})` };
  if (tags === undefined) return [{ ...base, status: 'skip', live: 'tags not reported by the service' }];
  const live = tags.find((t) => t.Key === tag.key);
  if (live === undefined) return [{ ...base, status: 'fail', live: `no ${tag.key} tag: no backup plan selects it` }];
  if (live.Value !== tag.value) return [{ ...base, status: 'fail', live: `${tag.key}=${live.Value ?? ''}: ${tag.value}'s selection does not pick it` }];
  return [{ ...base, status: 'pass', live: `${tag.key}=${live.Value}` }];
}

/** The membership of one database of the plan. */
export const membershipOf = (backupMembership: readonly BackupMembershipPlan[], database: string) => backupMembership.find((m) => m.database === database);
