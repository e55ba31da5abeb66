/**
 * What the MySQL-family planner needs to know about a live server, from the grant tables (readable by RDS's master
 * user, which has SELECT on *.*): accounts, database-level grants, role memberships and default roles, locked
 * accounts, databases, the engine's bookkeeping table, and what each account is the DEFINER of (routines, views,
 * events, triggers: the nearest MySQL has to owning objects; tables have no owner).
 */
import { MYSQL_BOOKKEEPING_SCHEMA, MYSQL_BOOKKEEPING_TABLE } from './engine-marker';
import { MYSQL_DATABASE_PRIVILEGE_COLUMNS } from './mysql-access-levels';
import { MYSQL_FLAVORS, MysqlFlavor, mysqlFlavorOfVersion, mysqlIdent } from './mysql-flavors';
import type { SqlConnection } from './provisioning-api';

export interface MysqlAccount {
  readonly name: string;
  readonly plugin: string;
  readonly locked: boolean;
  readonly definerOf: number;
}

export interface MysqlServerCatalog {
  readonly flavor: MysqlFlavor;
  /** Accounts of host `%` (users) and roles (MariaDB: host ''), by name. */
  readonly accounts: ReadonlyMap<string, MysqlAccount>;
  /** Database-level privilege keywords per `user database` (database names unescaped). */
  readonly databaseGrants: ReadonlyMap<string, ReadonlySet<string>>;
  /** Keywords of every database-level privilege this server has (what ALL PRIVILEGES gives). */
  readonly allPrivileges: readonly string[];
  readonly memberships: ReadonlySet<string>;
  readonly defaultRoles: ReadonlySet<string>;
  readonly databases: readonly string[];
  /** Null when the bookkeeping table does not exist yet. */
  readonly engineCreated: readonly string[] | null;
}

export const grantKey = (user: string, database: string) => `${user} ${database}`;
export const edgeKey = (role: string, member: string) => `${role} ${member}`;

/** Database names in mysql.db are LIKE patterns: `\_` and `\%` stand for themselves (GRANT ON `a\_b`.*). */
export const mysqlGrantDatabase = (name: string) => name.replace(/([_%])/g, '\\$1');
const unescapeGrantDatabase = (pattern: string) => pattern.replace(/\\([_%])/g, '$1');

export async function readMysqlServer(connection: SqlConnection): Promise<MysqlServerCatalog> {
  const [version] = await connection.query(`SELECT VERSION() AS version`);
  const flavor: MysqlFlavor = String(version.version).includes('MariaDB') ? 'mariadb' : 'mysql';
  const row = MYSQL_FLAVORS[flavor];
  const users = await connection.query(`SELECT User AS name, Host AS host, plugin FROM mysql.user WHERE Host IN ('%', '')`);
  const locked = new Set((await connection.query(row.lockedQuery)).filter((r) => r.host === '%').map((r) => String(r.name)));
  const definers = await connection.query(
    `SELECT definer, COUNT(*) AS n FROM (
       SELECT DEFINER AS definer FROM information_schema.ROUTINES UNION ALL SELECT DEFINER FROM information_schema.VIEWS
       UNION ALL SELECT DEFINER FROM information_schema.EVENTS UNION ALL SELECT DEFINER FROM information_schema.TRIGGERS) d GROUP BY definer`,
  );
  const definerCount = new Map(definers.map((d) => [String(d.definer), Number(d.n)]));
  const dbRows = await connection.query(`SELECT * FROM mysql.db WHERE Host IN ('%', '')`);
  const columns = dbRows.length > 0 ? Object.keys(dbRows[0]) : (await connection.query(`SHOW COLUMNS FROM mysql.db`)).map((c) => String(c.Field));
  const allPrivileges = columns.filter((c) => c in MYSQL_DATABASE_PRIVILEGE_COLUMNS).map((c) => MYSQL_DATABASE_PRIVILEGE_COLUMNS[c]);
  const databaseGrants = new Map<string, Set<string>>();
  for (const grant of dbRows) {
    const privileges = Object.entries(MYSQL_DATABASE_PRIVILEGE_COLUMNS)
      .filter(([column]) => grant[column] === 'Y')
      .map(([, keyword]) => keyword);
    databaseGrants.set(grantKey(String(grant.User), unescapeGrantDatabase(String(grant.Db))), new Set(privileges));
  }
  const databases = (await connection.query(`SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA`)).map((d) => String(d.name));
  const hasBookkeeping =
    (
      await connection.query(`SELECT 1 AS found FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?`, [
        MYSQL_BOOKKEEPING_SCHEMA,
        MYSQL_BOOKKEEPING_TABLE,
      ])
    ).length > 0;
  const engineCreated = hasBookkeeping
    ? (await connection.query(`SELECT name FROM ${mysqlIdent(MYSQL_BOOKKEEPING_SCHEMA)}.${mysqlIdent(MYSQL_BOOKKEEPING_TABLE)}`)).map((r) => String(r.name))
    : null;
  return {
    flavor,
    accounts: new Map(
      users.map((u) => [
        String(u.name),
        { name: String(u.name), plugin: String(u.plugin ?? ''), locked: locked.has(String(u.name)), definerOf: definerCount.get(`${String(u.name)}@%`) ?? 0 },
      ]),
    ),
    databaseGrants,
    allPrivileges,
    memberships: new Set((await connection.query(row.membershipsQuery)).map((r) => edgeKey(String(r.role), String(r.member)))),
    defaultRoles: new Set((await connection.query(row.defaultRolesQuery)).map((r) => edgeKey(String(r.role), String(r.member)))),
    databases,
    engineCreated,
  };
}

/** The server before the engine ran, for offline plans: the flavor from the engine version; `platformUsers` exist. */
export function emptyMysqlServer(engineVersion: string, platformUsers: readonly string[] = []): MysqlServerCatalog {
  const flavor = mysqlFlavorOfVersion(engineVersion);
  const allPrivileges = Object.values(MYSQL_DATABASE_PRIVILEGE_COLUMNS).filter((p) => flavor === 'mariadb' || p !== 'DELETE HISTORY');
  return {
    flavor,
    accounts: new Map(platformUsers.map((name) => [name, { name, plugin: '', locked: false, definerOf: 0 }])),
    databaseGrants: new Map(),
    allPrivileges,
    memberships: new Set(),
    defaultRoles: new Set(),
    databases: [],
    engineCreated: null,
  };
}
