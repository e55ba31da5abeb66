/**
 * A throwaway MariaDB server for checking MySQL-family settings against the real thing: its own temp data directory
 * and Unix socket, no TCP port at all (--skip-networking), started with the settings in its option file (where RDS
 * writes a parameter group), and removed when stopped. Programs from Debian's mariadb-server-core and
 * mariadb-client-core (test/support/local-tools.ts says how to install them).
 *
 * As root (CI), mariadbd must be told to stay root (`--user=root`); the data directory is private to the test.
 */
import { spawn, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { watchServer } from './server-readiness';

const asRoot = process.getuid?.() === 0;

export interface MariadbServer {
  /** Whether the server said "ready for connections" with the settings. */
  readonly ready: boolean;
  /** The server's own log (stderr): what it refused or adjusted. */
  readonly log: string;
  /** The server's Unix socket (clients such as mysql2 connect with `socketPath`; root logs in without a password). */
  readonly socket: string;
  /** Rows of a query, tab-separated columns as the client prints them (`mariadb -N -B`). */
  query(sql: string): string[][];
  stop(): Promise<void>;
}

/** Renders one option-file line; values are written as RDS writes them, unquoted. */
const optionLine = (name: string, value: string) => `${name} = ${value}`;

/**
 * Boots a server with `settings` in its option file; resolves once it is ready or has exited (or after the timeout).
 * `tcpPort`: also listen on 127.0.0.1 at that port (for clients that take a host and port), instead of no network.
 */
export async function startMariadb(settings: Readonly<Record<string, string>>, timeoutMs = 60_000, tcpPort?: number): Promise<MariadbServer> {
  const root = mkdtempSync(join(tmpdir(), 'mariadb-'));
  const datadir = join(root, 'data');
  const socket = join(root, 'server.sock');
  const user = asRoot ? ['--user=root'] : [];
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  }
  // Its own directory for temporary tables: two servers sharing one (the run's TMPDIR) lost each other's files.
  const serverTmp = join(root, 'tmp');
  mkdirSync(serverTmp);
  const optionFile = join(root, 'my.cnf');
  writeFileSync(
    optionFile,
    `[mariadbd]\n${Object.entries(settings)
      .map(([name, value]) => optionLine(name, value))
      .join('\n')}\n`,
  );
  const server = spawn(
    'mariadbd',
    [
      `--defaults-file=${optionFile}`,
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      ...(tcpPort === undefined ? ['--skip-networking'] : [`--port=${tcpPort}`, '--bind-address=127.0.0.1']),
      `--pid-file=${join(root, 'server.pid')}`,
      `--tmpdir=${serverTmp}`,
      ...user,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const { ready: readyOutput, exited, log } = watchServer(server, 'ready for connections', timeoutMs);
  const ready = await readyOutput;
  return {
    ready,
    socket,
    get log() {
      return log();
    },
    query(sql) {
      const result = spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '--user=root', '-N', '-B', '-e', sql], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`mariadb query failed: ${result.stderr}`);
      return result.stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\t'));
    },
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
