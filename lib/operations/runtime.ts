/**
 * What the operations code needs from the outside world, passed in rather than reached for: where to write, the
 * clock, how to wait, and the signal that says stop (Ctrl-C). Tests pass a fake clock whose sleep advances time at
 * once, so waits of minutes take no time and outputs are deterministic.
 */

export interface Output {
  /** The result: the table, or the JSON document with --json. */
  readonly out: (text: string) => void;
  /** Progress and errors; with --json progress goes here so stdout stays one JSON document. */
  readonly err: (text: string) => void;
}

export interface Clock {
  readonly now: () => Date;
  /** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('Interrupted'), { name: 'AbortError' });
}

/** A clock for tests: starts at `start`, and `sleep` moves it forward instead of waiting. */
export function fakeClock(start: Date): Clock & { advance(ms: number): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw abortError(signal);
      current += ms;
    },
  };
}
