/**
 * MySQL and MariaDB share the dialect but differ in how roles, default roles and locked accounts are stored and
 * written; each difference is one field of a flavor row. Sources: MySQL 8.0 Reference Manual "8.2.10 Using Roles"
 * (roles are accounts `name`@`%`, edges in mysql.role_edges, defaults in mysql.default_roles, SET DEFAULT ROLE … TO)
 * and "15.7.1.1 ALTER USER" (ACCOUNT LOCK, mysql.user.account_locked); MariaDB KB "Roles Overview" (roles have no host,
 * edges in mysql.roles_mapping, one default role in mysql.user.default_role, SET DEFAULT ROLE … FOR) and
 * "mysql.global_priv Table" (10.4+: account_locked in the JSON Priv column). Checked on MariaDB 10.11 here.
 */
import { mysqlString } from './sql-literals';

export type MysqlFlavor = 'mysql' | 'mariadb';

export interface MysqlFlavorRow {
  /** How a role is named in GRANT/CREATE ROLE. */
  readonly roleSpec: (name: string) => string;
  /** Rows (role, member) of role memberships. */
  readonly membershipsQuery: string;
  /** Rows (member, role) of default roles. */
  readonly defaultRolesQuery: string;
  /** Rows (name, host) of locked accounts. */
  readonly lockedQuery: string;
  /** Makes `role` active at login for `member` (IAM users of Cloud SQL log in without SET ROLE). */
  readonly setDefaultRole: (role: string, member: string) => string;
}

export const mysqlIdent = (name: string) => `\`${name.replace(/`/g, '``')}\``;
export const mysqlAccount = (name: string) => `${mysqlString(name)}@'%'`;

export const MYSQL_FLAVORS: Record<MysqlFlavor, MysqlFlavorRow> = {
  mysql: {
    roleSpec: mysqlAccount,
    membershipsQuery: `SELECT FROM_USER AS role, TO_USER AS member FROM mysql.role_edges`,
    defaultRolesQuery: `SELECT USER AS member, DEFAULT_ROLE_USER AS role FROM mysql.default_roles`,
    lockedQuery: `SELECT User AS name, Host AS host FROM mysql.user WHERE account_locked = 'Y'`,
    // ALL: every role granted to the member, so a member of several group roles gets them all.
    setDefaultRole: (_role, member) => `SET DEFAULT ROLE ALL TO ${mysqlAccount(member)}`,
  },
  mariadb: {
    roleSpec: mysqlIdent,
    membershipsQuery: `SELECT Role AS role, User AS member FROM mysql.roles_mapping WHERE User <> '' AND Host <> 'localhost'`,
    defaultRolesQuery: `SELECT User AS member, default_role AS role FROM mysql.user WHERE default_role <> ''`,
    lockedQuery: `SELECT User AS name, Host AS host FROM mysql.global_priv WHERE JSON_VALUE(Priv, '$.account_locked') IN ('1', 'true')`,
    // MariaDB has one default role per user.
    setDefaultRole: (role, member) => `SET DEFAULT ROLE ${mysqlIdent(role)} FOR ${mysqlAccount(member)}`,
  },
};

/** The flavor of a configured engine version: MariaDB's majors are 10 and up, MySQL's (and Aurora MySQL's) 5 and 8. */
export function mysqlFlavorOfVersion(engineVersion: string): MysqlFlavor {
  return Number(engineVersion.split('.')[0]) >= 10 ? 'mariadb' : 'mysql';
}
