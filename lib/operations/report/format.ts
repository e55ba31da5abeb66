/** Small formatting rules shared by the reports, so the same value always reads the same. */

/** `45s`, `2m05s`, `1h02m03s`; negative durations (clock skew) read as 0s. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
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
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `[${h}:${pad(m)}:${pad(s)}]` : `[${pad(m)}:${pad(s)}]`;
}

export const onOff = (value: boolean | undefined) => (value ? 'on' : 'off');

export const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
