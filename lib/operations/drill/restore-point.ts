/** The point a drill restores to: the latest restorable time, or a time given with --to, checked against the window. */
import { usageError } from '../operation-error';
import { formatTime } from '../report/format';

export type RestorePoint = { readonly kind: 'latest' } | { readonly kind: 'time'; readonly time: Date };

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses `--to`: an ISO 8601 time with a time zone, so nobody restores to the wrong hour by accident. */
export function parseRestoreTime(text: string): Date {
  const time = ISO_WITH_ZONE.test(text) ? new Date(text) : undefined;
  if (!time || Number.isNaN(time.getTime())) {
    throw usageError(`Invalid '--to' value '${text}': expected an ISO 8601 time with a time zone, e.g. 2026-01-31T12:00:00Z.`);
  }
  return time;
}

export interface RestorableWindow {
  readonly earliest?: Date;
  readonly latest: Date;
}

/** Throws a usage error when `--to` is outside what the source can restore to. */
export function checkRestorePoint(point: RestorePoint, window: RestorableWindow, source: string): void {
  if (point.kind === 'latest') return;
  if (point.time.getTime() > window.latest.getTime()) {
    throw usageError(
      `Restore time ${formatTime(point.time)} is after the latest restorable time of ${source} (${formatTime(window.latest)}). ` +
        'Use --latest, or an earlier --to.',
    );
  }
  if (window.earliest && point.time.getTime() < window.earliest.getTime()) {
    throw usageError(`Restore time ${formatTime(point.time)} is before the earliest restorable time of ${source} (${formatTime(window.earliest)}).`);
  }
}

export function describeRestorePoint(point: RestorePoint, window: RestorableWindow | undefined): string {
  if (point.kind === 'time') return formatTime(point.time);
  return window ? `latest restorable time (${formatTime(window.latest)} when requested)` : 'latest restorable time';
}
