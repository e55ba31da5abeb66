/** Runs dbctl in-process (fast) or as a process from the sources (`npm run dbctl`, the real CLI), capturing output. */
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';
import type { AwsClientOptions, AwsClients } from '../../../lib/operations/aws/aws-clients';
import { DbctlDeps, InterruptSignals, runDbctl } from '../../../lib/operations/cli/main';
import { Clock, fakeClock } from '../../../lib/operations/runtime';
import { FAKE_CREDENTIALS } from './moto-server';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const DRILL_START = new Date('2026-03-14T09:26:53Z');

export interface DbctlRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface InProcessOptions {
  readonly configDir: string;
  readonly clock?: Clock;
  readonly createClients?: (options: AwsClientOptions) => AwsClients;
  readonly interrupts?: InterruptSignals;
  /** Called with each progress or output line as it is written. */
  readonly onLine?: (line: string) => void;
}

export async function dbctl(argv: readonly string[], options: InProcessOptions): Promise<DbctlRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const deps: DbctlDeps = {
    out: (text) => {
      stdout.push(text);
      options.onLine?.(text);
    },
    err: (text) => {
      stderr.push(text);
      options.onLine?.(text);
    },
    env: { ...process.env, DB_CONFIG_DIR: options.configDir },
    clock: options.clock ?? fakeClock(DRILL_START),
    createClients: options.createClients,
    captureInterrupts: options.interrupts ? () => options.interrupts! : undefined,
  };
  const code = await runDbctl(argv, deps);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

function processEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...FAKE_CREDENTIALS,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Never ask an instance metadata service for credentials: tests talk to 127.0.0.1 only.
    AWS_EC2_METADATA_DISABLED: 'true',
    ...env,
  };
}

/** `npm run dbctl …` without npm: `node -r ts-node/register/transpile-only bin/dbctl.ts …` with fake credentials and nothing else of ours in the environment. */
/** The sources, as `npm run dbctl` runs them (the packaged, compiled dbctl is run by the consumer check, .ci/consumer-check). */
const DBCTL = ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'bin', 'dbctl.ts')];

export function dbctlProcess(argv: readonly string[], env: Record<string, string | undefined>): DbctlRun {
  const result = spawnSync(process.execPath, [...DBCTL, ...argv], { cwd: ROOT, env: processEnv(env), encoding: 'utf8', timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking this process: for tests whose server (e.g. the fault proxy) runs in the test process.
 * Resolves with the wall-clock time the run took.
 */
export function dbctlProcessAsync(argv: readonly string[], env: Record<string, string | undefined>, killAfterMs = 120_000): Promise<DbctlRun & { ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [...DBCTL, ...argv], { cwd: ROOT, env: processEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
    }),
  );
}
