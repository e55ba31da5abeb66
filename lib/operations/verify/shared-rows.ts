/**
 * Rows that several kinds check the same way: encryption with the region's key (both sides resolved through KMS),
 * the latest restorable time against the RPO, and how far back the restore window reaches. Pure.
 */
import type { CheckStatus } from '../check-result';
import { shortKeyName } from '../aws/kms-keys';
import { days, formatDuration, formatTime } from '../report/format';

export interface RowValues {
  readonly status?: CheckStatus;
  readonly planned: string;
  readonly live: string;
}

export interface EncryptionFacts {
  /** `alias/prod-databases`, or `alias/prod-databases in eu-central-1` where the region matters. */
  readonly plannedKey: string;
  /** The planned alias resolved to its key ARN; undefined when KMS does not know the alias. */
  readonly plannedKeyArn?: string;
  readonly encrypted: boolean | undefined;
  /** The key id the service reports, as reported. */
  readonly liveKeyId?: string;
  /** The reported key resolved to its key ARN. */
  readonly liveKeyArn?: string;
  /** The alias alone, for the passing row's live value. */
  readonly keyAlias: string;
}

export function encryptionRow({ plannedKey, plannedKeyArn, encrypted, liveKeyId, liveKeyArn, keyAlias }: EncryptionFacts): RowValues {
  const resolved = plannedKeyArn ? shortKeyName(plannedKeyArn) : 'alias not found in KMS';
  const fail = (live: string) => ({ status: 'fail' as const, planned: `${plannedKey} (${resolved})`, live });
  if (!encrypted) return fail('not encrypted');
  const liveKey = liveKeyArn ?? liveKeyId;
  if (!liveKey) return fail('encrypted, key not reported');
  if (plannedKeyArn === undefined || liveKeyArn !== plannedKeyArn) return fail(shortKeyName(liveKey));
  return { status: 'pass', planned: plannedKey, live: `${shortKeyName(liveKey)} (${keyAlias})` };
}

/** The latest restorable time is no older than the RPO. */
export function latestRestorableRow(rpoMinutes: number, latest: Date | undefined, now: Date): RowValues {
  const planned = `latest restorable time within ${rpoMinutes} min`;
  if (!latest) return { status: 'fail', planned, live: 'no latest restorable time' };
  const lag = now.getTime() - latest.getTime();
  return { status: lag <= rpoMinutes * 60_000 ? 'pass' : 'fail', planned, live: `${formatDuration(lag)} ago (${formatTime(latest)})` };
}

/** Daily automated snapshots: the start of a restore window may lag its ideal start by up to a day. */
const RESTORE_WINDOW_TOLERANCE_MS = 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The window reaches back `windowDays`, or to the database's creation when it is younger than that. */
export function restoreWindowRow(windowDays: number, earliest: Date | undefined, created: Date | undefined, now: Date): RowValues {
  const planned = days(windowDays);
  if (!earliest) return { status: 'skip', planned, live: 'not reported by the service' };
  const idealStart = Math.max(created?.getTime() ?? 0, now.getTime() - windowDays * DAY_MS);
  const covered = (now.getTime() - earliest.getTime()) / DAY_MS;
  return {
    status: earliest.getTime() <= idealStart + RESTORE_WINDOW_TOLERANCE_MS ? 'pass' : 'fail',
    planned,
    live: `since ${formatTime(earliest)} (${covered.toFixed(1)} days)`,
  };
}
