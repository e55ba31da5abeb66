/**
 * Ctrl-C during a drill: the first stops the drill and starts the clean-up, the second abandons the clean-up
 * (the report then prints the command that finishes it). Before a drill starts, Ctrl-C ends dbctl as usual.
 */
import type { InterruptSignals } from './main';

export interface SignalSource {
  on(event: 'SIGINT', listener: () => void): unknown;
}

export function captureInterrupts(source: SignalSource, notice: (line: string) => void): InterruptSignals {
  const interrupt = new AbortController();
  const abandon = new AbortController();
  source.on('SIGINT', () => {
    if (!interrupt.signal.aborted) {
      notice('Interrupted: stopping the drill and cleaning up. Press Ctrl-C again to abandon the clean-up.');
      interrupt.abort();
    } else if (!abandon.signal.aborted) {
      notice('Interrupted again: abandoning the clean-up.');
      abandon.abort();
    }
  });
  return { signal: interrupt.signal, abandon: abandon.signal };
}
