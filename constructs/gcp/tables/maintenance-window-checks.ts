/**
 * The weekly maintenance window Google Cloud services take as a day and an hour (Cloud SQL's `maintenance_window`,
 * Memorystore's `maintenance_policy.weekly_maintenance_window`): one check, one wording, for both. Pure.
 */
import { isIntegerIn } from '../../common/integer-range';
import type { PathProblem } from '../../common/path-problem';

export interface WeeklyMaintenanceWindow {
  /** 1 (Monday) to 7 (Sunday). */
  readonly day: number;
  /** 0–23, UTC. */
  readonly hour: number;
}

export function maintenanceWindowProblems(window: WeeklyMaintenanceWindow): PathProblem[] {
  const problems: PathProblem[] = [];
  if (!isIntegerIn(window.day, 1, 7)) {
    problems.push({
      path: ['maintenanceWindow', 'day'],
      value: window.day,
      message: 'must be a day of the week from 1 (Monday) to 7 (Sunday)',
      fix: 'choose a day from 1 to 7',
    });
  }
  if (!isIntegerIn(window.hour, 0, 23)) {
    problems.push({
      path: ['maintenanceWindow', 'hour'],
      value: window.hour,
      message: 'must be an hour from 0 to 23 (UTC)',
      fix: 'choose an hour from 0 to 23',
    });
  }
  return problems;
}
