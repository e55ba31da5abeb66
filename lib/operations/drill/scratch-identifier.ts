/**
 * The name of a drill's scratch copy: `<source>-drill-<yyyymmdd>-<hhmmss>` (UTC start of the drill), so it is
 * deterministic, sorts by time, names its source, and can never be the source itself. Identifiers too long for the
 * service keep a prefix of the source plus a short hash of it, so two long sources never share a scratch name.
 */
import { createHash } from 'crypto';
import { identifierProblem, RDS_IDENTIFIER_MAX_LENGTH } from '../../../constructs/common/identifiers';

export const DRILL_TAG_KEY = 'dbctl:drill';
export const DRILL_SOURCE_TAG_KEY = 'dbctl:drill-source';
export const DRILL_STARTED_TAG_KEY = 'dbctl:drill-started';

const SUFFIX_PATTERN = /-drill-\d{8}-\d{6}$/;

export function drillSuffix(start: Date): string {
  const iso = start.toISOString(); // 2026-01-31T12:00:00.000Z
  return `-drill-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/** The scratch identifier; throws if the result is not a valid identifier (a bug, not a user error). */
export function scratchIdentifier(source: string, start: Date, maxLength = RDS_IDENTIFIER_MAX_LENGTH): string {
  const suffix = drillSuffix(start);
  const room = maxLength - suffix.length;
  let base = source;
  if (base.length > room) {
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 6);
    base = `${source.slice(0, room - hash.length - 1).replace(/-+$/, '')}-${hash}`;
  }
  const identifier = `${base}${suffix}`;
  const problem = identifierProblem(identifier, maxLength);
  if (problem) throw new Error(`BUG: scratch identifier ${identifier} ${problem}`);
  return identifier;
}

/** True only for a drill's scratch name of this source: never the source, always with the drill suffix. */
export function isScratchIdentifierOf(candidate: string, source: string, maxLength = RDS_IDENTIFIER_MAX_LENGTH): boolean {
  if (candidate === source || !SUFFIX_PATTERN.test(candidate)) return false;
  const start = parseSuffix(candidate);
  return start !== undefined && scratchIdentifier(source, start, maxLength) === candidate;
}

function parseSuffix(candidate: string): Date | undefined {
  const match = /-drill-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(candidate);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function drillTags(source: string, start: Date): { Key: string; Value: string }[] {
  return [
    { Key: DRILL_TAG_KEY, Value: 'true' },
    { Key: DRILL_SOURCE_TAG_KEY, Value: source },
    { Key: DRILL_STARTED_TAG_KEY, Value: start.toISOString() },
  ];
}
