/**
 * One row of a verify or drill report: what was checked, on which database, the planned and the live value, and the
 * verdict. `skip` means the service did not tell us enough to decide; it never fails a run, and it says why.
 */

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** The database's name in the config, e.g. `orders`. */
  readonly database: string;
  /** The database kind, e.g. `rds-instance`. */
  readonly kind: string;
  /** The cloud resource checked, e.g. the RDS identifier `prod-orders` or an alarm name. */
  readonly resource: string;
  readonly check: string;
  readonly status: CheckStatus;
  readonly planned: string;
  readonly live: string;
}

export interface CheckSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function summarize(checks: readonly CheckResult[]): CheckSummary {
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  return { total: checks.length, passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/** A row that passes when `live` equals `planned` (both as shown). */
export function equalityCheck(base: Omit<CheckResult, 'status'>): CheckResult {
  return { ...base, status: base.planned === base.live ? 'pass' : 'fail' };
}
