/**
 * The planners without a server: what an empty server gets (planFromNothing), the SQL MariaDB cannot stand in for
 * (MySQL 8 roles, RDS's AWSAuthenticationPlugin), pgaudit (absent from the embedded PostgreSQL builds), removal
 * decisions from a given catalog, redaction of passwords, and the refusal of dialects the engine does not support.
 */
import { parseProvisioningProperties } from '../../lib/provisioning/aws-custom-resource-properties';
import type { DeclaredAccess } from '../../lib/provisioning/declared-access';
import { ENGINE_ROLE_MARKER } from '../../lib/provisioning/engine-marker';
import { emptyMysqlServer, MysqlServerCatalog } from '../../lib/provisioning/mysql-catalog';
import { mysqlFlavorOfVersion } from '../../lib/provisioning/mysql-flavors';
import { planMysql } from '../../lib/provisioning/mysql-plan';
import { planFromNothing } from '../../lib/provisioning/plan-from-nothing';
import { emptyPostgresServer } from '../../lib/provisioning/postgres-catalog';
import { planPostgresServer } from '../../lib/provisioning/postgres-plan';
import { provisionDatabase } from '../../lib/provisioning/provision-database';
import { DATA_DROPPING, declared, role } from './support/declared';

const sqlOf = (access: DeclaredAccess) => planFromNothing(access).map((s) => (s.database === undefined ? s.sql : `[${s.database}] ${s.sql}`));

describe('planFromNothing for PostgreSQL', () => {
  const rds = (engineVersion: string) =>
    declared({
      dialect: 'postgresql',
      platform: 'rds',
      engineVersion,
      databases: ['orders'],
      extensions: ['pgaudit', 'pg_stat_statements'],
      auditRole: 'rds_pgaudit',
      roles: [
        role('orders_owner', 'owner', ['orders']),
        role('orders_app', 'read-write', ['orders'], { auth: 'iam' }),
        role('orders_ro', 'read-only', ['orders']),
      ],
    });

  test('GIVEN RDS PostgreSQL 16 WHEN planned from nothing THEN the audit role, roles, IAM, database, extensions and privileges come in order', () => {
    expect(sqlOf(rds('16.4'))).toEqual([
      'CREATE ROLE "rds_pgaudit" NOLOGIN',
      `CREATE ROLE "orders_owner" LOGIN PASSWORD '***'`,
      `COMMENT ON ROLE "orders_owner" IS '${ENGINE_ROLE_MARKER}'`,
      'CREATE ROLE "orders_app" LOGIN',
      `COMMENT ON ROLE "orders_app" IS '${ENGINE_ROLE_MARKER}'`,
      'GRANT rds_iam TO "orders_app"',
      `CREATE ROLE "orders_ro" LOGIN PASSWORD '***'`,
      `COMMENT ON ROLE "orders_ro" IS '${ENGINE_ROLE_MARKER}'`,
      'GRANT "orders_owner" TO CURRENT_USER',
      'CREATE DATABASE "orders"',
      'GRANT CONNECT, TEMPORARY, CREATE ON DATABASE "orders" TO "orders_owner"',
      'GRANT CONNECT ON DATABASE "orders" TO "orders_app"',
      'GRANT CONNECT ON DATABASE "orders" TO "orders_ro"',
      'REVOKE CONNECT, TEMPORARY ON DATABASE "orders" FROM PUBLIC',
      '[orders] CREATE EXTENSION IF NOT EXISTS "pgaudit"',
      '[orders] CREATE EXTENSION IF NOT EXISTS "pg_stat_statements"',
      '[orders] GRANT USAGE, CREATE ON SCHEMA "public" TO "orders_owner"',
      '[orders] GRANT USAGE ON SCHEMA "public" TO "orders_app"',
      '[orders] GRANT USAGE ON SCHEMA "public" TO "orders_ro"',
      '[orders] ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "orders_app"',
      '[orders] ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" GRANT SELECT ON TABLES TO "orders_ro"',
      '[orders] ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "orders_app"',
      '[orders] ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" GRANT SELECT ON SEQUENCES TO "orders_ro"',
      '[orders] ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" GRANT USAGE ON SCHEMAS TO "orders_app"',
      '[orders] ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" GRANT USAGE ON SCHEMAS TO "orders_ro"',
    ]);
    expect(planFromNothing(rds('16.4')).every((s) => s.why.length > 0)).toBe(true);
  });

  test.each([
    ['14.12', ['[orders] REVOKE CREATE ON SCHEMA "public" FROM PUBLIC']],
    ['15.7', []],
  ])('GIVEN PostgreSQL %s WHEN planned THEN PUBLIC loses CREATE on schema public only where the version gave it', (version, revoke) => {
    expect(sqlOf(rds(version)).filter((sql) => sql.includes('ON SCHEMA "public" FROM PUBLIC'))).toEqual(revoke);
  });

  test('GIVEN Cloud SQL PostgreSQL WHEN planned THEN an IAM role is a NOLOGIN group granted to its members, password users are the platform’s (granted, not created), no rds_iam', () => {
    const cloudSql = declared({
      dialect: 'postgresql',
      platform: 'cloud-sql',
      engineVersion: '16',
      databases: ['app'],
      roles: [
        role('app_group', 'read-only', ['app'], { auth: 'iam', members: ['sa@p.iam'] }),
        role('app_user', 'read-write', ['app'], { createdBy: 'platform' }),
      ],
    });
    const sql = sqlOf(cloudSql);
    expect(sql.slice(0, 2)).toEqual(['CREATE ROLE "app_group" NOLOGIN', `COMMENT ON ROLE "app_group" IS '${ENGINE_ROLE_MARKER}'`]);
    // Offline, the platform's users (Terraform creates them first) are taken to exist: their grants are shown.
    expect(sql.filter((s) => s.includes('app_user') || s.includes('rds_iam') || s.includes('sa@p.iam'))).toEqual([
      'GRANT "app_group" TO "sa@p.iam"',
      'GRANT CONNECT ON DATABASE "app" TO "app_user"',
      '[app] GRANT USAGE ON SCHEMA "public" TO "app_user"',
    ]);
  });
});

describe('planFromNothing for the MySQL family', () => {
  const mysql = (engineVersion: string, platform: DeclaredAccess['platform']) =>
    declared({ dialect: 'mysql', platform, engineVersion, databases: ['orders'], roles: [role('orders_app', 'read-write', ['orders'], { auth: 'iam' })] });

  test('GIVEN RDS MySQL 8.0 WHEN an IAM user is planned THEN it is identified with AWSAuthenticationPlugin (MariaDB cannot load it: planned SQL only)', () => {
    expect(sqlOf(mysql('8.0.39', 'rds'))).toContain(`CREATE USER 'orders_app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'`);
    expect(sqlOf(mysql('8.0.mysql_aurora.3.10.1', 'aurora'))).toContain(`CREATE USER 'orders_app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'`);
  });

  test('GIVEN Cloud SQL MySQL 8.0 WHEN an IAM group role is planned THEN it is a MySQL role account with MySQL 8 membership SQL', () => {
    expect(sqlOf(mysql('8.0', 'cloud-sql'))).toContain(`CREATE ROLE 'orders_app'@'%'`);
    const catalog: MysqlServerCatalog = {
      ...emptyMysqlServer('8.0'),
      databases: ['orders'],
      accounts: new Map([['member_one', { name: 'member_one', plugin: 'mysql_native_password', locked: false, definerOf: 0 }]]),
    };
    const group = declared({
      dialect: 'mysql',
      platform: 'cloud-sql',
      engineVersion: '8.0',
      databases: ['orders'],
      roles: [role('orders_app', 'read-only', ['orders'], { auth: 'iam', members: ['member_one'] })],
    });
    expect(planMysql(group, catalog).statements.map((s) => s.sql)).toEqual(
      expect.arrayContaining([`GRANT 'orders_app'@'%' TO 'member_one'@'%'`, `SET DEFAULT ROLE ALL TO 'member_one'@'%'`]),
    );
  });

  test.each([
    ['8.0.39', 'mysql'],
    ['8.4.3', 'mysql'],
    ['8.0.mysql_aurora.3.10.1', 'mysql'],
    ['10.6.19', 'mariadb'],
    ['11.4.3', 'mariadb'],
  ])('GIVEN engine version %s WHEN planning offline THEN the flavor is %s', (version, flavor) => {
    expect(mysqlFlavorOfVersion(version)).toBe(flavor);
  });
});

describe('removal decisions from a catalog', () => {
  const server = (ownedObjects: number) => ({
    ...emptyPostgresServer(16),
    roles: new Map([
      ['old_app', { name: 'old_app', canLogin: true, createdByEngine: true, ownedObjects }],
      ['hand_made', { name: 'hand_made', canLogin: true, createdByEngine: false, ownedObjects: 0 }],
    ]),
  });
  const nothingDeclared = (roleRemoval: DeclaredAccess['roleRemoval']) => declared({ dialect: 'postgresql', databases: [], roles: [], roleRemoval });

  test('GIVEN an engine-created role no longer declared WHEN disable THEN NOLOGIN; a role the engine did not create is left alone', () => {
    const plan = planPostgresServer(nothingDeclared('disable'), server(0));
    expect(plan.statements.map((s) => s.sql)).toEqual(['ALTER ROLE "old_app" NOLOGIN']);
    expect(plan.drop).toEqual([]);
  });

  test.each([
    [0, ['old_app'], []],
    [1, [], ['ALTER ROLE "old_app" NOLOGIN']],
  ])('GIVEN roleRemoval drop and a role owning %d objects WHEN planned THEN dropped %j, else disabled', (owned, drop, statements) => {
    const plan = planPostgresServer(nothingDeclared('drop'), server(owned));
    expect(plan.drop).toEqual(drop);
    expect(plan.statements.map((s) => s.sql)).toEqual(statements);
  });
});

describe('passwords and failures', () => {
  const access = declared({ dialect: 'postgresql', databases: [], roles: [role('app', 'read-only', [])] });
  const password = "pa'ss\\word";

  test('GIVEN a password role WHEN the statement fails THEN the error shows the redacted SQL and the server message with the password blanked', async () => {
    const ran: string[] = [];
    const fakeServer = async () => ({
      async query(sql: string) {
        if (sql.startsWith('SELECT current_setting')) return [{ major: 17, name: 'admin', superuser: true }];
        if (sql.startsWith('CREATE ROLE')) {
          ran.push(sql);
          throw new Error(`syntax error near ${password}`);
        }
        return [];
      },
      close: async () => undefined,
    });
    await expect(provisionDatabase(access, fakeServer, { dryRun: false, passwordOf: async () => password })).rejects.toThrow(
      `Provisioning statement failed: CREATE ROLE "app" LOGIN PASSWORD '***'\n  (role app is missing)\n  Server said: syntax error near ***`,
    );
    expect(ran).toEqual([`CREATE ROLE "app" LOGIN PASSWORD 'pa''ss\\word'`]);
  });

  test('GIVEN a dry run WHEN planned THEN no password is asked for and the printed SQL is redacted', async () => {
    const fakeServer = async () => ({
      query: async (sql: string) => (sql.startsWith('SELECT current_setting') ? [{ major: 17, name: 'admin', superuser: true }] : []),
      close: async () => undefined,
    });
    const report = await provisionDatabase(access, fakeServer, { dryRun: true, passwordOf: () => Promise.reject(new Error('must not be called')) });
    expect(report.applied).toBe(false);
    expect(report.statements[0].sql).toBe(`CREATE ROLE "app" LOGIN PASSWORD '***'`);
  });
});

describe('unsupported dialects and properties', () => {
  test('GIVEN a dialect without a row WHEN planned THEN it is refused naming the supported ones', () => {
    expect(() => planFromNothing({ ...declared({ dialect: 'postgresql', databases: [], roles: [] }), dialect: 'sqlserver' as never })).toThrow(
      "The provisioning engine supports the postgresql and mysql dialects, not 'sqlserver' (SQL Server and Oracle are not provisioned: create their users by hand).",
    );
  });

  test.each([
    ['1', 1],
    ['65535', 65535],
  ])('GIVEN port %s (at a limit) WHEN the properties are parsed THEN it is taken', (port, expected) => {
    expect(parseProvisioningProperties({ declared: '{}', host: 'h', port, masterSecretArn: 'arn' }).port).toBe(expected);
  });

  test('GIVEN missing properties WHEN parsed THEN each is named', () => {
    expect(() => parseProvisioningProperties({ host: 'h' })).toThrow('Provisioning custom resource: missing properties declared, port, masterSecretArn');
  });
});

test('no plan from nothing drops or empties anything that holds data', () => {
  const plans = [
    declared({ dialect: 'postgresql', databases: ['a', 'b'], extensions: ['pgaudit'], roles: [role('x', 'owner', ['a']), role('y', 'read-only', ['a', 'b'])] }),
    declared({ dialect: 'mysql', databases: ['a'], roles: [role('x', 'owner', ['a']), role('y', 'read-write', ['a'])] }),
  ].flatMap((access) => planFromNothing(access).map((s) => s.sql));
  expect(plans.length).toBeGreaterThan(10);
  expect(plans.filter((sql) => DATA_DROPPING.test(sql))).toEqual([]);
});
