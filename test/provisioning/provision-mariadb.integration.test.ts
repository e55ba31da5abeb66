/**
 * The provisioning engine's MySQL-family dialect against a real MariaDB server (Debian's mariadb-server, 10.11 here),
 * started by this file and reached through its Unix socket as root. Users log in with their passwords through the
 * same socket (`name`@`%` matches it).
 *
 * What MariaDB cannot stand in for (checked on the planned SQL only, provisioning-plan.test.ts): MySQL 8's roles
 * (mysql.role_edges, SET DEFAULT ROLE ALL TO …), its account_locked column, and RDS's AWSAuthenticationPlugin,
 * which neither server here can load (IAM users are planned, not created, in these tests).
 */
import { Connection, createConnection } from 'mysql2/promise';
import { connectMysql } from '../../lib/provisioning/connect-mysql';
import type { DeclaredAccess } from '../../lib/provisioning/declared-access';
import { provisionDatabase } from '../../lib/provisioning/provision-database';
import type { ProvisioningReport } from '../../lib/provisioning/provisioning-api';
import { describeWithMariadb } from '../support/local-tools';
import { MariadbServer, startMariadb } from '../support/mariadb-server';
import { DATA_DROPPING, declared, passwordOf, role } from './support/declared';

describeWithMariadb()('provisioning engine on real MariaDB', () => {
  let server: MariadbServer;
  const everyStatement: string[] = [];

  // A fresh server per test: a DeclaredAccess is everything that must exist on its server.
  beforeEach(async () => {
    server = await startMariadb({});
    if (!server.ready) throw new Error(`MariaDB did not start:\n${server.log}`);
  });
  afterEach(async () => {
    await server?.stop();
  });

  const admin = () => connectMysql({ socketPath: server.socket, user: 'root' });
  async function provision(access: DeclaredAccess, dryRun = false): Promise<ProvisioningReport> {
    const report = await provisionDatabase(access, admin(), { dryRun, passwordOf });
    everyStatement.push(...report.statements.map((s) => s.sql));
    return report;
  }
  async function as(name: string, database: string, sql: string, password?: string) {
    let connection: Connection | undefined;
    try {
      connection = await createConnection({ socketPath: server.socket, user: name, password: password ?? (await passwordOf(name)), database });
      return (await connection.query(sql))[0];
    } finally {
      await connection?.end();
    }
  }

  const shop = (more: Partial<DeclaredAccess> = {}) =>
    declared({
      dialect: 'mysql',
      databases: ['shop', 'shop_reports'],
      roles: [role('shop_owner', 'owner', ['shop']), role('shop_app', 'read-write', ['shop']), role('shop_ro', 'read-only', ['shop', 'shop_reports'])],
      ...more,
    });

  test('GIVEN an empty server WHEN provisioned twice THEN the first run creates users, grants and databases and the second runs no SQL', async () => {
    const first = await provision(shop());
    expect(first.statements.map((s) => s.sql)).toEqual(
      expect.arrayContaining([
        'CREATE DATABASE `shop`',
        `CREATE USER 'shop_owner'@'%' IDENTIFIED BY '***'`,
        "GRANT ALL PRIVILEGES ON `shop`.* TO 'shop_owner'@'%'",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON `shop`.* TO 'shop_app'@'%'",
        // `_` in a GRANT's database name is a LIKE wildcard (MySQL 8.0 manual, "15.7.1.6 GRANT Statement"): escaped.
        "GRANT SELECT ON `shop\\_reports`.* TO 'shop_ro'@'%'",
      ]),
    );
    expect((await provision(shop())).statements).toEqual([]);
    expect(await provision(shop(), true)).toEqual({ statements: [], applied: false, notices: [] });
  });

  test('GIVEN the users WHEN they log in THEN owner creates tables, read-write writes rows but creates no table, read-only only reads', async () => {
    await provision(shop());
    await as('shop_owner', 'shop', 'CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, item TEXT)');
    await as('shop_app', 'shop', `INSERT INTO orders (item) VALUES ('tea')`);
    await as('shop_app', 'shop', `UPDATE orders SET item = 'coffee'`);
    await expect(as('shop_app', 'shop', 'CREATE TABLE sneaky (id INT)')).rejects.toThrow(
      "CREATE command denied to user 'shop_app'@'localhost' for table `shop`.`sneaky`",
    );
    expect(await as('shop_ro', 'shop', 'SELECT item FROM orders')).toEqual([{ item: 'coffee' }]);
    await expect(as('shop_ro', 'shop', `INSERT INTO orders (item) VALUES ('x')`)).rejects.toThrow(
      "INSERT command denied to user 'shop_ro'@'localhost' for table `shop`.`orders`",
    );
    await expect(as('shop_app', 'shop_reports', 'SELECT 1')).rejects.toThrow("Access denied for user 'shop_app'@'%' to database 'shop_reports'");
  });

  test('GIVEN read-write WHEN changed to read-only THEN INSERT, UPDATE, DELETE are revoked; owner down to read-write loses CREATE', async () => {
    await provision(shop());
    await as('shop_owner', 'shop', 'CREATE TABLE levels (id INT)');
    const changed = shop({
      roles: [role('shop_owner', 'read-write', ['shop']), role('shop_app', 'read-only', ['shop']), role('shop_ro', 'read-only', ['shop', 'shop_reports'])],
    });
    const change = await provision(changed);
    expect(change.statements.map((s) => s.sql)).toEqual([
      "REVOKE CREATE, DROP, REFERENCES, INDEX, ALTER, CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, EXECUTE, EVENT, TRIGGER, DELETE HISTORY ON `shop`.* FROM 'shop_owner'@'%'",
      "REVOKE INSERT, UPDATE, DELETE ON `shop`.* FROM 'shop_app'@'%'",
    ]);
    await expect(as('shop_app', 'shop', 'INSERT INTO levels VALUES (1)')).rejects.toThrow('INSERT command denied');
    await expect(as('shop_owner', 'shop', 'CREATE TABLE more (id INT)')).rejects.toThrow('CREATE command denied');
    await as('shop_owner', 'shop', 'INSERT INTO levels VALUES (1)');
    expect((await provision(changed)).statements).toEqual([]);
  });

  test('GIVEN a user removed from config WHEN roleRemoval is disable THEN it is locked and kept; WHEN drop THEN a user that is no DEFINER is dropped, a DEFINER is refused', async () => {
    const base = declared({ dialect: 'mysql', databases: ['gone'], roles: [role('gone_owner', 'owner', ['gone']), role('gone_ro', 'read-only', ['gone'])] });
    await provision(base);
    await as('gone_owner', 'gone', 'CREATE TABLE kept (id INT)');
    await as('gone_owner', 'gone', 'CREATE VIEW kept_view AS SELECT id FROM kept');
    const removed = { ...base, roles: [] };

    const locked = await provision(removed);
    expect(locked.statements.map((s) => s.sql)).toEqual(["ALTER USER 'gone_owner'@'%' ACCOUNT LOCK", "ALTER USER 'gone_ro'@'%' ACCOUNT LOCK"]);
    expect(locked.notices).toEqual([
      `User gone_owner is no longer declared: locked (ACCOUNT LOCK), its grants kept (roleRemoval 'disable').`,
      `User gone_ro is no longer declared: locked (ACCOUNT LOCK), its grants kept (roleRemoval 'disable').`,
    ]);
    await expect(as('gone_ro', 'gone', 'SELECT 1')).rejects.toThrow('Access denied, this account is locked');
    expect((await provision(removed)).statements).toEqual([]);

    const dropped = await provision({ ...removed, roleRemoval: 'drop' });
    expect(dropped.statements.map((s) => s.sql)).toEqual(["DROP USER 'gone_ro'@'%'", "DELETE FROM `databases_as_code`.`created_roles` WHERE name = 'gone_ro'"]);
    expect(dropped.notices).toEqual([
      `User gone_owner is no longer declared and is the DEFINER of 1 object(s): not dropped (roleRemoval 'drop' drops only users that own nothing), locked instead. Change those objects' DEFINER and run again.`,
      `User gone_ro is no longer declared: dropped (roleRemoval 'drop'; it is the DEFINER of nothing).`,
    ]);
    expect(server.query(`SELECT User FROM mysql.user WHERE User LIKE 'gone%' ORDER BY 1`)).toEqual([['gone_owner']]);
    expect(server.query('SELECT COUNT(*) FROM gone.kept')).toEqual([['0']]);
    expect((await provision({ ...removed, roleRemoval: 'drop' })).statements).toEqual([]);
  });

  test('GIVEN Cloud SQL IAM group roles (MariaDB flavor) WHEN members exist THEN the role is granted and made their default; a missing member is a notice', async () => {
    server.query(`CREATE USER 'sa-one'@'%' IDENTIFIED BY 'x'`);
    const access = declared({
      dialect: 'mysql',
      platform: 'cloud-sql',
      databases: ['iam_db'],
      roles: [role('group_ro', 'read-only', ['iam_db'], { auth: 'iam', members: ['sa-one', 'sa-two'] })],
    });
    const first = await provision(access);
    expect(first.statements.map((s) => s.sql)).toEqual(
      expect.arrayContaining([
        'CREATE ROLE `group_ro`',
        'GRANT SELECT ON `iam\\_db`.* TO `group_ro`',
        "GRANT `group_ro` TO 'sa-one'@'%'",
        "SET DEFAULT ROLE `group_ro` FOR 'sa-one'@'%'",
      ]),
    );
    expect(first.notices).toEqual(['Member sa-two of group_ro does not exist yet (Cloud SQL creates IAM users from Terraform): granted on a later run.']);
    server.query('CREATE TABLE iam_db.t (id INT)');
    expect(await as('sa-one', 'iam_db', 'SELECT COUNT(*) AS n FROM t', 'x')).toEqual([{ n: 0 }]);
    expect((await provision(access)).statements).toEqual([]);
  });

  test('GIVEN the rotation clone of a password user WHEN provisioned THEN the clone gets the same grants', async () => {
    await provision(shop());
    server.query(`CREATE USER 'shop_app_clone'@'%' IDENTIFIED BY 'clone-pw'`);
    const report = await provision(shop());
    expect(report.statements.map((s) => s.sql)).toEqual(["GRANT SELECT, INSERT, UPDATE, DELETE ON `shop`.* TO 'shop_app_clone'@'%'"]);
    server.query('CREATE TABLE shop.t (id INT)');
    await as('shop_app_clone', 'shop', 'INSERT INTO t VALUES (1)', 'clone-pw');
  });

  test('GIVEN a database name with an underscore WHEN granted THEN the grant names exactly that database, not a LIKE pattern', async () => {
    await provision(shop());
    // The client's batch mode prints a backslash doubled: the stored pattern is shop\_reports.
    expect(server.query(`SELECT Db FROM mysql.db WHERE User = 'shop_ro' ORDER BY Db`)).toEqual([['shop'], ['shop\\\\_reports']]);
    expect(server.query(`SELECT 'shopXreports' LIKE Db FROM mysql.db WHERE User = 'shop_ro' AND Db LIKE 'shop%r%'`)).toEqual([['0']]);
  });

  test('no planned statement drops or empties anything that holds data', () => {
    expect(everyStatement.length).toBeGreaterThan(20);
    expect(everyStatement.filter((text) => DATA_DROPPING.test(text))).toEqual([]);
  });
});
