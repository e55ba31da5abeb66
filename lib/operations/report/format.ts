/** Small formatting rules shared by the reports, so the same value always reads the same. */

const pad = (n: number) => String(n).padStart(2, '0');

/** Hours, minutes and seconds of a duration; negative durations (clock skew) are 0. */
function clockParts(seconds: number): { h: number; m: number; s: number } {
  const total = Math.max(0, seconds);
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/** `45s`, `2m05s`, `1h02m03s`. */
export function formatDuration(ms: number): string {
  const { h, m, s } = clockParts(Math.round(ms / 1000));
  if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`;
  if (m > 0) return `${m}m${pad(s)}s`;
  return `${s}s`;
}

/** `2026-01-31T12:00:00Z`: UTC to the second. */
export function formatTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `[02:05]`: minutes and seconds since the start of a drill (hours when needed). */
export function elapsedStamp(ms: number): string {
  const { h, m, s } = clockParts(Math.floor(ms / 1000));
  return h > 0 ? `[${h}:${pad(m)}:${pad(s)}]` : `[${pad(m)}:${pad(s)}]`;
}

export const onOff = (value: boolean | undefined) => (value ? 'on' : 'off');

export const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
