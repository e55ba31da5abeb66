/**
 * A real local AWS API for integration tests: `moto_server` on 127.0.0.1 and a free port, started by the test file
 * and stopped after it. moto keeps state in memory; `reset()` empties every service between tests.
 */
import { ChildProcess, spawn } from 'child_process';
import * as net from 'net';

export const MOTO_INSTALL_HINT = 'Install moto 5.2.1 with its server (pip install "moto[server]==5.2.1"); see docs/operations.md, "Testing against moto".';

export interface MotoServer {
  readonly endpoint: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not start on ${endpoint}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    reset: async () => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset failed: ${response.status}`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** Fake credentials for the SDK's standard chain (moto accepts any). */
export const FAKE_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing-secret-never-printed',
  AWS_SESSION_TOKEN: 'testing-session-token-never-printed',
};

/** Sets the fake credentials (and clears a profile) in this process; returns a function that restores the old values. */
export function useFakeCredentials(): () => void {
  const names = [...Object.keys(FAKE_CREDENTIALS), 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_ENDPOINT_URL;
  Object.assign(process.env, FAKE_CREDENTIALS, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
