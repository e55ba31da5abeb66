/** The table of checks shown by `dbctl verify` and by a restore drill. */
import type { CheckResult, CheckStatus, CheckSummary } from '../check-result';
import { textTable } from './text-table';

const RESULT_LABEL: Readonly<Record<CheckStatus, string>> = { pass: 'pass', fail: 'FAIL', skip: 'skip' };

export function checkTable(checks: readonly CheckResult[]): string {
  return textTable(
    ['DATABASE', 'RESOURCE', 'CHECK', 'RESULT', 'PLANNED', 'LIVE'],
    checks.map((c) => [c.database, c.resource, c.check, RESULT_LABEL[c.status], c.planned, c.live]),
  );
}

export function summaryLine(summary: CheckSummary): string {
  const parts = [`${summary.passed} passed`, `${summary.failed} failed`];
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  return `${summary.total} checks: ${parts.join(', ')}`;
}
