/**
 * The deadline of the phase a run is in, read by every AWS call (see aws/deadline-http-handler.ts). A restore
 * drill's waiting phase ends at --timeout or Ctrl-C; its clean-up has its own limit and ends at a second Ctrl-C.
 * When the phase's signal aborts, the calls in flight stop at once instead of running out their retries.
 */
export class DeadlineScope {
  private signal: AbortSignal;

  constructor(initial: AbortSignal) {
    this.signal = initial;
  }

  get current(): AbortSignal {
    return this.signal;
  }

  /**
   * Runs `work` under `signal` combined with a real-time limit of `ms`; the limit aborts with `onTimeout()`. The
   * previous phase's signal is restored afterwards.
   */
  async within<T>(signal: AbortSignal, ms: number, onTimeout: () => Error, work: (phase: AbortSignal) => Promise<T>): Promise<T> {
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(onTimeout()), ms);
    handle.unref?.();
    const phase = AbortSignal.any([signal, timer.signal]);
    const previous = this.signal;
    this.signal = phase;
    try {
      return await work(phase);
    } finally {
      clearTimeout(handle);
      this.signal = previous;
    }
  }
}
