/**
 * The audit extension the engine creates (pgaudit) and the audit role it creates on RDS (`rds_pgaudit`) against a real
 * PostgreSQL that has pgaudit: Debian's PostgreSQL 15 with postgresql-15-pgaudit 1.7.0 (the embedded pg<major> builds
 * ship no pgaudit). The server takes the audit settings of our RDS/Aurora parameter groups
 * (`shared_preload_libraries=pg_stat_statements,pgaudit`, `pgaudit.log=ddl,role`, `pgaudit.role=rds_pgaudit`) and logs
 * to stderr, which the test reads.
 *
 * Log format (pgaudit README, "Format"): `AUDIT: <SESSION|OBJECT>,statement id,substatement id,class,command,object
 * type,object name,statement,parameter`, as CSV (a statement with a comma or quote is quoted). Object audit logs a statement on a relation when `pgaudit.role` holds a
 * privilege on it that the statement uses (pgaudit README, "Object Audit Logging").
 */
import { Client } from 'pg';
import { connectPostgres } from '../../lib/provisioning/connect-postgres';
import { DEFAULT_POSTGRES_EXTENSIONS, RDS_PGAUDIT_ROLE } from '../../lib/provisioning/declared-access-of';
import { provisionDatabase } from '../../lib/provisioning/provision-database';
import type { ProvisioningReport } from '../../lib/provisioning/provisioning-api';
import { DEBIAN_POSTGRES_15, describeWithDebianPgaudit } from '../support/local-tools';
import { RunningPostgres, startPostgres } from '../support/postgres-servers';
import { declared, passwordOf, role } from './support/declared';

/** The audit settings of our RDS/Aurora PostgreSQL parameter groups (docs/rds.md, "Parameters"). */
const AUDIT_SETTINGS = {
  shared_preload_libraries: 'pg_stat_statements,pgaudit',
  'pgaudit.log': 'ddl,role',
  'pgaudit.role': RDS_PGAUDIT_ROLE,
  // User and database on every line, so an audit line can be tied to the role that ran the statement.
  log_line_prefix: '%m [%p] %u@%d ',
};

/** As RDS declares it: platform rds, the audit role, the default extensions (pgaudit, pg_stat_statements). */
const ledger = declared({
  dialect: 'postgresql',
  platform: 'rds',
  engineVersion: DEBIAN_POSTGRES_15.major,
  databases: ['ledger'],
  extensions: [...DEFAULT_POSTGRES_EXTENSIONS],
  auditRole: RDS_PGAUDIT_ROLE,
  roles: [role('ledger_owner', 'owner', ['ledger']), role('ledger_ro', 'read-only', ['ledger'])],
});

describeWithDebianPgaudit()('pgaudit on a real PostgreSQL 15 (Debian)', () => {
  let server: RunningPostgres;

  beforeAll(async () => {
    server = await startPostgres(DEBIAN_POSTGRES_15.major, AUDIT_SETTINGS, { binDir: DEBIAN_POSTGRES_15.binDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const admin = () => connectPostgres({ host: server.host, port: server.port, user: server.superuser, database: 'postgres' });
  const provision = (): Promise<ProvisioningReport> => provisionDatabase(ledger, admin(), { dryRun: false, passwordOf });
  async function sql(user: string, text: string, database = 'ledger') {
    const password = user === server.superuser ? undefined : await passwordOf(user);
    const client = new Client({ host: server.host, port: server.port, user, password, database });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  }
  /** The server log's lines that match, once there are any: the log reaches us through a pipe, after the query's reply. */
  async function logLines(pattern: RegExp, timeoutMs = 5_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = server
        .log()
        .split('\n')
        .filter((line) => pattern.test(line));
      if (lines.length > 0 || Date.now() > deadline) return lines;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test('GIVEN the audit settings of RDS WHEN provisioned THEN pgaudit is created, rds_pgaudit exists without login, and a second run plans nothing', async () => {
    const first = await provision();
    expect(first.applied).toBe(true);
    expect(first.statements.map((s) => `${s.database ?? '(server)'}: ${s.sql}`)).toEqual(
      expect.arrayContaining([
        '(server): CREATE ROLE "rds_pgaudit" NOLOGIN',
        'ledger: CREATE EXTENSION IF NOT EXISTS "pgaudit"',
        'ledger: CREATE EXTENSION IF NOT EXISTS "pg_stat_statements"',
      ]),
    );
    expect(await sql(server.superuser, `SELECT extname FROM pg_extension WHERE extname IN ('pgaudit', 'pg_stat_statements') ORDER BY 1`)).toEqual([
      { extname: 'pg_stat_statements' },
      { extname: 'pgaudit' },
    ]);
    expect(await sql(server.superuser, `SELECT rolcanlogin FROM pg_roles WHERE rolname = 'rds_pgaudit'`)).toEqual([{ rolcanlogin: false }]);
    expect(await sql(server.superuser, 'SHOW pgaudit.role')).toEqual([{ 'pgaudit.role': 'rds_pgaudit' }]);

    // pgaudit.log=role logs the engine's CREATE ROLE, with the password redacted by pgaudit; no password reaches the log.
    expect(
      await logLines(/postgres@postgres LOG: {2}AUDIT: SESSION,\d+,\d+,ROLE,CREATE ROLE,,,"CREATE ROLE ""ledger_ro"" LOGIN PASSWORD <REDACTED>",/),
    ).toHaveLength(1);
    expect(server.log()).not.toContain(await passwordOf('ledger_ro'));
    expect(server.log()).not.toContain(await passwordOf('ledger_owner'));

    const second = await provision();
    expect(second.statements).toEqual([]);
    expect(second.notices).toEqual([]);
  });

  test('GIVEN a table granted to rds_pgaudit WHEN the read-only role selects from it THEN the log has an OBJECT line for the SELECT and SESSION lines for the DDL', async () => {
    await sql('ledger_owner', 'CREATE TABLE entries (id int PRIMARY KEY, amount numeric)');
    // Object audit is switched on per table by granting the audited privilege to pgaudit.role.
    await sql('ledger_owner', `GRANT SELECT ON entries TO ${RDS_PGAUDIT_ROLE}`);
    await sql('ledger_ro', 'SELECT amount FROM entries WHERE id = 1');

    expect(
      await logLines(
        /ledger_owner@ledger LOG: {2}AUDIT: SESSION,\d+,\d+,DDL,CREATE TABLE,TABLE,public\.entries,"CREATE TABLE entries \(id int PRIMARY KEY, amount numeric\)",/,
      ),
    ).toHaveLength(1);
    // pgaudit.log=role: the GRANT is a ROLE-class session line.
    expect(await logLines(/ledger_owner@ledger LOG: {2}AUDIT: SESSION,\d+,\d+,ROLE,GRANT,TABLE,,GRANT SELECT ON entries TO rds_pgaudit/)).toHaveLength(1);
    expect(
      await logLines(/ledger_ro@ledger LOG: {2}AUDIT: OBJECT,\d+,\d+,READ,SELECT,TABLE,public\.entries,SELECT amount FROM entries WHERE id = 1,/),
    ).toHaveLength(1);
    // pgaudit.log has no `read`: a SELECT on a table rds_pgaudit holds nothing on leaves no audit line.
    await sql('ledger_owner', 'CREATE TABLE drafts (id int)');
    await sql('ledger_ro', 'SELECT * FROM drafts');
    await logLines(/AUDIT: SESSION,\d+,\d+,DDL,CREATE TABLE,TABLE,public\.drafts/);
    expect(await logLines(/AUDIT: .*public\.drafts.*SELECT \* FROM drafts/, 500)).toEqual([]);

    // The engine leaves the per-table audit grant alone: the next run plans nothing and rds_pgaudit keeps SELECT.
    expect((await provision()).statements).toEqual([]);
    expect(await sql(server.superuser, `SELECT has_table_privilege('rds_pgaudit', 'public.entries', 'SELECT') AS audited`)).toEqual([{ audited: true }]);
  });
});
