/** The end of a drill's output: the checks of the restored copy, the measurements, the clean-up, the verdict. */
import { summarize } from '../check-result';
import type { DrillReport } from '../drill/run-drill';
import { checkTable, summaryLine } from './check-table';
import { formatDuration } from './format';

export function drillReportText(report: DrillReport): string {
  const lines: string[] = [''];
  if (report.checks.length > 0) {
    lines.push('Checks of the restored copy:', checkTable(report.checks), summaryLine(summarize(report.checks)), '');
  }
  if (report.restorePoint) lines.push(`Restore point:  ${report.restorePoint}`);
  if (report.restoreSeconds !== undefined)
    lines.push(`Restore time:   ${formatDuration(report.restoreSeconds * 1000)} (from the restore request until available)`);
  lines.push(`Clean-up:       ${cleanupText(report)}`);
  if (report.cleanup.manualCleanup) lines.push(`                to remove it by hand: ${report.cleanup.manualCleanup}`);
  const verdict = report.outcome === 'passed' ? 'PASSED' : report.outcome === 'interrupted' ? 'INTERRUPTED' : 'FAILED';
  lines.push(`Drill ${verdict}${report.failure ? `: ${report.failure}` : ''}`);
  return lines.join('\n');
}

function cleanupText(report: DrillReport): string {
  const { cleanup } = report;
  if (cleanup.kept.length > 0) return `kept ${cleanup.kept.map((r) => `${r.type} ${r.id}`).join(', ')} (--keep)`;
  const parts: string[] = [];
  const deleting = cleanup.left.filter((r) => r.state === 'deleting');
  const left = cleanup.left.filter((r) => r.state !== 'deleting');
  if (cleanup.removed.length > 0) parts.push(`removed ${cleanup.removed.map((r) => `${r.type} ${r.id}`).join(', ')}`);
  else if (cleanup.left.length === 0 && !cleanup.error) parts.push('nothing was created');
  if (cleanup.error) parts.push(cleanup.error.replace(/\.$/, ''));
  if (deleting.length > 0) parts.push(`still deleting: ${deleting.map((r) => `${r.type} ${r.id}`).join(', ')}`);
  if (left.length > 0) parts.push(`LEFT BEHIND: ${left.map((r) => `${r.type} ${r.id}${r.state ? ` (${r.state})` : ''}`).join(', ')}`);
  else if (cleanup.removed.length > 0 && !cleanup.error && deleting.length === 0) parts.push('nothing left behind');
  return parts.join('; ');
}
