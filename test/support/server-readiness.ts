/** A test server started as a child process: its output collected, and ready once it prints its ready line. */
import type { ChildProcess } from 'child_process';

export interface ServerOutput {
  /** True once `readyText` appeared; false when the server exited first or `timeoutMs` passed. */
  readonly ready: Promise<boolean>;
  /** Resolves when the process exits. */
  readonly exited: Promise<void>;
  /** Everything it printed so far (stdout and stderr). */
  log(): string;
}

/** `server` must be spawned with stdout and stderr piped. */
export function watchServer(server: ChildProcess, readyText: string, timeoutMs: number): ServerOutput {
  let log = '';
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const onOutput = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(readyText)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    server.stdout?.on('data', onOutput);
    server.stderr?.on('data', onOutput);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  return { ready, exited, log: () => log };
}
