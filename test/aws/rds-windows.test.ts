import { parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from '../../constructs/aws/rds/tables/rds-windows';

describe('backup and maintenance windows', () => {
  test.each([
    ['02:00-03:00', { start: 120, minutes: 60 }],
    ['23:30-00:15', { start: 1410, minutes: 45 }],
    ['2:00-03:00', undefined],
    ['24:00-01:00', undefined],
  ])('daily %s', (text, parsed) => {
    expect(parseBackupWindow(text)).toEqual(parsed);
  });

  test.each([
    ['mon:00:00-mon:00:30', { start: 0, minutes: 30 }],
    ['sun:23:45-mon:00:15', { start: 6 * 1440 + 1425, minutes: 30 }],
    ['sunday:04:00-sunday:05:00', undefined],
  ])('weekly %s', (text, parsed) => {
    expect(parseMaintenanceWindow(text)).toEqual(parsed);
  });

  test.each([
    ['02:00-03:00', 'sun:04:00-sun:05:00', false],
    ['03:30-04:30', 'sun:04:00-sun:05:00', true],
    ['02:00-03:00', 'wed:02:59-wed:03:30', true],
    ['02:00-03:00', 'wed:03:00-wed:03:30', false],
    // A backup window across midnight meets a Monday-morning maintenance window.
    ['23:30-00:30', 'mon:00:00-mon:00:30', true],
    // A maintenance window across the week's end meets Sunday night's backup window.
    ['23:50-00:30', 'sun:23:00-mon:00:00', true],
  ])('backup %s and maintenance %s overlap: %s', (backup, maintenance, overlap) => {
    expect(windowsOverlap(parseBackupWindow(backup)!, parseMaintenanceWindow(maintenance)!)).toBe(overlap);
  });
});
