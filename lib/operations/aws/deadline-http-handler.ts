/**
 * The HTTP handler of every dbctl client: the SDK's node handler with deadlines that are enforced, not logged.
 *
 * - Per attempt: one HTTP attempt (connect, send, headers and the whole body) must finish within `attemptTimeoutMs`.
 *   The node handler's own `requestTimeout` only logs a warning unless `throwOnRequestTimeout` is set, and even then
 *   it stops counting once the headers arrive, so a body trickling a byte every few seconds was waited out. Here a
 *   timer aborts the request, or destroys the response body, with a `TimeoutError`, which the SDK retries like any
 *   other transient error.
 * - Overall: `deadline()` returns the signal of the current phase of the run (e.g. restore-drill's --timeout); when it
 *   aborts, every attempt in flight stops at once and no new attempt starts.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import type { Readable } from 'stream';

type HandleRequest = Parameters<NodeHttpHandler['handle']>[0];
type HandleResult = Awaited<ReturnType<NodeHttpHandler['handle']>>;

export interface DeadlineHandlerOptions {
  readonly attemptTimeoutMs: number;
  readonly connectionTimeoutMs: number;
  /** The signal of the run's overall deadline (or Ctrl-C), read at each attempt. */
  readonly deadline?: () => AbortSignal | undefined;
}

/** What a timed-out attempt throws: the SDK classifies `TimeoutError` as transient and retries it. */
export function attemptTimeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`no complete response within ${timeoutMs / 1000} s`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
}

export class DeadlineHttpHandler extends NodeHttpHandler {
  constructor(private readonly deadlines: DeadlineHandlerOptions) {
    // The inner timeouts stay as a second line: the socket is destroyed after the attempt's time even if ours failed.
    super({ connectionTimeout: deadlines.connectionTimeoutMs, requestTimeout: deadlines.attemptTimeoutMs, throwOnRequestTimeout: true });
  }

  override async handle(request: HandleRequest, options: HttpHandlerOptions = {}): Promise<HandleResult> {
    const overall = this.deadlines.deadline?.();
    if (overall?.aborted) throw overallDeadlineError(overall);
    const attempt = new AbortController();
    const timeoutMs = this.deadlines.attemptTimeoutMs;
    let body: Readable | undefined;
    const stop = (error: Error) => {
      if (body) body.destroy(error);
      else attempt.abort(error);
    };
    const timer = setTimeout(() => stop(attemptTimeoutError(timeoutMs)), timeoutMs);
    const onOverall = () => stop(overallDeadlineError(overall!));
    const onCaller = () => stop(abortReason(options.abortSignal as AbortSignal));
    overall?.addEventListener('abort', onOverall, { once: true });
    (options.abortSignal as AbortSignal | undefined)?.addEventListener?.('abort', onCaller, { once: true });
    const release = () => {
      clearTimeout(timer);
      overall?.removeEventListener('abort', onOverall);
      (options.abortSignal as AbortSignal | undefined)?.removeEventListener?.('abort', onCaller);
    };
    try {
      const result = await super.handle(request, { ...options, abortSignal: attempt.signal as HttpHandlerOptions['abortSignal'] });
      body = result.response.body as Readable | undefined;
      if (!body || typeof body.once !== 'function') {
        release();
      } else {
        // The deadline keeps counting until the body is read (or fails): the deserializer reads it after we return.
        body.once('end', release);
        body.once('close', release);
        body.once('error', release);
      }
      return result;
    } catch (error) {
      release();
      // The node handler rejects an aborted request with its own AbortError: report why we aborted it.
      if (attempt.signal.aborted && attempt.signal.reason instanceof Error) throw attempt.signal.reason;
      throw error;
    }
  }
}

/** The error of an attempt cut short by the run's deadline; `name` makes the SDK give up instead of retrying. */
function overallDeadlineError(signal: AbortSignal): Error {
  return abortReason(signal);
}

function abortReason(signal: AbortSignal): Error {
  const reason = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}
