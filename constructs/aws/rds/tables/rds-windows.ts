/**
 * RDS backup and maintenance windows (UTC): `hh24:mi-hh24:mi` daily, `ddd:hh24:mi-ddd:hh24:mi` weekly. Both last at
 * least 30 minutes and must not overlap, or RDS rejects the instance.
 */

export const DEFAULT_BACKUP_WINDOW = '02:00-03:00';
export const DEFAULT_MAINTENANCE_WINDOW = 'sun:04:00-sun:05:00';
export const MIN_WINDOW_MINUTES = 30;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Start and length in minutes; the start counts from Monday 00:00 for weekly windows. */
interface Window {
  readonly start: number;
  readonly minutes: number;
}

const TIME = '([01]\\d|2[0-3]):([0-5]\\d)';
const DAILY = new RegExp(`^${TIME}-${TIME}$`);
const WEEKLY = new RegExp(`^(${DAYS.join('|')}):${TIME}-(${DAYS.join('|')}):${TIME}$`);

const length = (start: number, end: number, period: number) => (((end - start) % period) + period) % period;

export function parseBackupWindow(text: string): Window | undefined {
  const m = DAILY.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  return { start, minutes: length(start, Number(m[3]) * 60 + Number(m[4]), MINUTES_PER_DAY) };
}

export function parseMaintenanceWindow(text: string): Window | undefined {
  const m = WEEKLY.exec(text);
  if (!m) return undefined;
  const at = (day: string, hh: string, mi: string) => DAYS.indexOf(day) * MINUTES_PER_DAY + Number(hh) * 60 + Number(mi);
  const start = at(m[1], m[2], m[3]);
  return { start, minutes: length(start, at(m[4], m[5], m[6]), MINUTES_PER_WEEK) };
}

/** Whether the daily backup window meets the weekly maintenance window on any day. */
export function windowsOverlap(backup: Window, maintenance: Window): boolean {
  for (let day = -1; day <= 7; day++) {
    const start = day * MINUTES_PER_DAY + backup.start;
    for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK]) {
      const mStart = maintenance.start + shift;
      if (start < mStart + maintenance.minutes && mStart < start + backup.minutes) return true;
    }
  }
  return false;
}
