import { checkRestorePoint, describeRestorePoint, parseRestoreTime } from '../../lib/operations/drill/restore-point';

const WINDOW = { earliest: new Date('2026-03-01T00:00:00Z'), latest: new Date('2026-03-14T09:20:00Z') };

describe('restore points', () => {
  test.each([
    ['2026-03-14T09:00:00Z', '2026-03-14T09:00:00.000Z'],
    ['2026-03-14T10:00:00+01:00', '2026-03-14T09:00:00.000Z'],
    ['2026-03-14T09:00Z', '2026-03-14T09:00:00.000Z'],
    ['2026-03-14T09:00:00.250Z', '2026-03-14T09:00:00.250Z'],
  ])('GIVEN --to %s THEN it is %s', (text, iso) => {
    expect(parseRestoreTime(text).toISOString()).toBe(iso);
  });

  test.each(['yesterday', '2026-03-14', '2026-03-14T09:00:00', '2026-03-14 09:00:00Z', '2026-13-14T09:00:00Z'])(
    'GIVEN --to %s (no time, no zone or invalid) THEN it is a usage error',
    (text) => {
      expect(() => parseRestoreTime(text)).toThrow(`Invalid '--to' value '${text}': expected an ISO 8601 time with a time zone, e.g. 2026-01-31T12:00:00Z.`);
    },
  );

  test('GIVEN a time after the latest restorable time THEN the message names it', () => {
    expect(() => checkRestorePoint({ kind: 'time', time: new Date('2026-03-14T09:21:00Z') }, WINDOW, 'prod-orders')).toThrow(
      'Restore time 2026-03-14T09:21:00Z is after the latest restorable time of prod-orders (2026-03-14T09:20:00Z). Use --latest, or an earlier --to.',
    );
  });

  test('GIVEN a time before the earliest restorable time THEN the message names it', () => {
    expect(() => checkRestorePoint({ kind: 'time', time: new Date('2026-02-28T23:59:59Z') }, WINDOW, 'prod-orders')).toThrow(
      'Restore time 2026-02-28T23:59:59Z is before the earliest restorable time of prod-orders (2026-03-01T00:00:00Z).',
    );
  });

  test('GIVEN the window edges THEN both are allowed', () => {
    expect(() => checkRestorePoint({ kind: 'time', time: WINDOW.earliest }, WINDOW, 'x')).not.toThrow();
    expect(() => checkRestorePoint({ kind: 'time', time: WINDOW.latest }, WINDOW, 'x')).not.toThrow();
  });

  test('GIVEN the latest point THEN the report names the latest restorable time seen when requested', () => {
    expect(describeRestorePoint({ kind: 'latest' }, WINDOW)).toBe('latest restorable time (2026-03-14T09:20:00Z when requested)');
    expect(describeRestorePoint({ kind: 'time', time: WINDOW.earliest }, WINDOW)).toBe('2026-03-01T00:00:00Z');
  });
});
