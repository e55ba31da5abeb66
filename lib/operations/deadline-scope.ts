/**
 * The deadline of the phase a run is in, read by every AWS call (see aws/deadline-http-handler.ts). A restore
 * drill's waiting phase ends at --timeout or Ctrl-C; its clean-up has its own limit and ends at a second Ctrl-C.
 * When the phase's signal aborts, the calls in flight stop at once instead of running out their retries.
 */
import { setMaxListeners } from 'events';

/**
 * Every call in flight listens on the phase's signal until it ends, and verify runs more than Node's default of 10 at
 * once: the limit only warns of a leak, and each call removes its listener when done (deadline-http-handler.ts).
 */
const CALLS_IN_FLIGHT = 100;

export class DeadlineScope {
  private signal: AbortSignal;

  constructor(initial: AbortSignal) {
    setMaxListeners(CALLS_IN_FLIGHT, initial);
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
    setMaxListeners(CALLS_IN_FLIGHT, phase);
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
