/**
 * The MySQL-family planner: pure, from declared state and the server catalog to ordered statements. Everything is
 * server-wide (grants name their database: `ON db.*`), so there is one phase. Accounts are `name`@`%`.
 * A removed user is locked (ACCOUNT LOCK: MySQL 5.7.6+, MariaDB 10.4.2+) or, with roleRemoval 'drop' and when it is
 * the DEFINER of nothing, dropped (DROP USER also removes its grants).
 */
import type { DeclaredAccess, DeclaredRole } from './declared-access';
import { MYSQL_BOOKKEEPING_SCHEMA, MYSQL_BOOKKEEPING_TABLE } from './engine-marker';
import { EngineStatement, statement, statementWithPassword } from './engine-statement';
import { accessOf, declaredWithClones, removedRoles } from './managed-roles';
import { MYSQL_ACCESS } from './mysql-access-levels';
import { edgeKey, grantKey, mysqlGrantDatabase, MysqlServerCatalog } from './mysql-catalog';
import { MYSQL_FLAVORS, mysqlAccount, mysqlIdent } from './mysql-flavors';
import { mysqlString } from './sql-literals';

/**
 * RDS's IAM authentication plugin, the same clause for RDS MySQL, RDS MariaDB and Aurora MySQL ("Creating a database
 * account using IAM authentication", https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.DBAccounts.html).
 */
export const AWS_AUTHENTICATION_PLUGIN = 'AWSAuthenticationPlugin';
const IAM_IDENTIFICATION = `IDENTIFIED WITH ${AWS_AUTHENTICATION_PLUGIN} AS 'RDS'`;

const BOOKKEEPING = `${mysqlIdent(MYSQL_BOOKKEEPING_SCHEMA)}.${mysqlIdent(MYSQL_BOOKKEEPING_TABLE)}`;

export interface MysqlPlan {
  readonly statements: EngineStatement[];
  readonly notices: string[];
}

export function planMysql(declared: DeclaredAccess, server: MysqlServerCatalog): MysqlPlan {
  const flavor = MYSQL_FLAVORS[server.flavor];
  const statements: EngineStatement[] = [];
  const notices: string[] = [];
  const add = (sql: string, why: string) => statements.push(statement(undefined, sql, why));
  const exists = (name: string) => server.accounts.has(name);
  const usesIamPlugin = declared.platform === 'rds' || declared.platform === 'aurora';
  const isGroup = (role: DeclaredRole) => declared.platform === 'cloud-sql' && role.auth === 'iam';
  const spec = (role: DeclaredRole) => (isGroup(role) ? flavor.roleSpec(role.name) : mysqlAccount(role.name));
  const engineCreated = new Set(server.engineCreated ?? []);

  for (const database of declared.databases) {
    if (!server.databases.includes(database)) add(`CREATE DATABASE ${mysqlIdent(database)}`, `logical database ${database} is missing`);
  }

  const toCreate = declared.roles.filter((role) => role.createdBy === 'engine' && !exists(role.name));
  if (toCreate.length > 0 && server.engineCreated === null) {
    add(`CREATE DATABASE IF NOT EXISTS ${mysqlIdent(MYSQL_BOOKKEEPING_SCHEMA)}`, 'the engine records the users it creates here (its marker)');
    add(
      `CREATE TABLE IF NOT EXISTS ${BOOKKEEPING} (name VARCHAR(128) NOT NULL PRIMARY KEY, created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
      'the engine records the users it creates here (its marker)',
    );
  }

  for (const { role, clone } of declaredWithClones(declared, exists)) {
    const live = server.accounts.get(role.name);
    const iam = role.auth === 'iam' && usesIamPlugin;
    if (live === undefined && role.createdBy === 'platform') {
      notices.push(`User ${role.name} is created by the platform (Terraform google_sql_user) and does not exist yet: its grants wait for the next run.`);
      continue;
    }
    if (live === undefined) {
      if (isGroup(role)) add(`CREATE ROLE ${spec(role)}`, `role ${role.name} is missing (IAM group role: its members log in)`);
      else if (iam) add(`CREATE USER ${spec(role)} ${IAM_IDENTIFICATION}`, `user ${role.name} is missing (IAM authentication)`);
      else
        statements.push(statementWithPassword(role.name, (password) => `CREATE USER ${spec(role)} IDENTIFIED BY ${password}`, `user ${role.name} is missing`));
      add(`INSERT INTO ${BOOKKEEPING} (name) VALUES (${mysqlString(role.name)})`, `marks ${role.name} as created by this engine`);
    } else if (!clone && !isGroup(role)) {
      if (role.createdBy === 'engine' && !engineCreated.has(role.name)) {
        notices.push(`User ${role.name} exists and was not created by this engine: its grants are managed, it is never locked or dropped.`);
      }
      if (live.locked && role.createdBy === 'engine') add(`ALTER USER ${spec(role)} ACCOUNT UNLOCK`, `${role.name} is declared again: unlocked`);
      const hasIam = live.plugin === AWS_AUTHENTICATION_PLUGIN;
      if (iam && !hasIam) add(`ALTER USER ${spec(role)} ${IAM_IDENTIFICATION}`, `${role.name} switches to IAM authentication`);
      if (!iam && hasIam)
        statements.push(
          statementWithPassword(
            role.name,
            (password) => `ALTER USER ${spec(role)} IDENTIFIED BY ${password}`,
            `${role.name} switches from IAM to password authentication`,
          ),
        );
    }

    const access = accessOf(role);
    const grantedDatabases = [...server.databaseGrants.keys()].filter((key) => key.startsWith(`${role.name} `)).map((key) => key.slice(role.name.length + 1));
    for (const database of [...new Set([...role.databases, ...grantedDatabases])]) {
      const has = server.databaseGrants.get(grantKey(role.name, database)) ?? new Set<string>();
      const level = access.get(database);
      const wanted = level === undefined ? [] : MYSQL_ACCESS[level];
      const want = wanted === 'all' ? server.allPrivileges : wanted;
      const missing = want.filter((p) => !has.has(p));
      const extra = server.allPrivileges.filter((p) => has.has(p) && !want.includes(p));
      const on = `ON ${mysqlIdent(mysqlGrantDatabase(database))}.*`;
      const describe = level === undefined ? `no access to ${database}` : `${level} in ${database}`;
      if (missing.length > 0)
        add(
          `GRANT ${wanted === 'all' ? 'ALL PRIVILEGES' : missing.join(', ')} ${on} TO ${spec(role)}`,
          `${role.name} has ${describe}: lacks ${missing.join(', ')}`,
        );
      if (extra.length > 0) add(`REVOKE ${extra.join(', ')} ${on} FROM ${spec(role)}`, `${role.name} has ${describe}: must not hold ${extra.join(', ')}`);
    }

    for (const member of role.members) {
      if (!exists(member)) {
        notices.push(`Member ${member} of ${role.name} does not exist yet (Cloud SQL creates IAM users from Terraform): granted on a later run.`);
        continue;
      }
      if (!server.memberships.has(edgeKey(role.name, member))) add(`GRANT ${spec(role)} TO ${mysqlAccount(member)}`, `${member} is a consumer of ${role.name}`);
      if (!server.defaultRoles.has(edgeKey(role.name, member)))
        add(flavor.setDefaultRole(role.name, member), `${member} gets ${role.name}'s privileges at login`);
    }
  }

  for (const name of removedRoles(declared, [...engineCreated], exists)) {
    const live = server.accounts.get(name)!;
    const lock = () => {
      if (!live.locked) add(`ALTER USER ${mysqlAccount(name)} ACCOUNT LOCK`, `user ${name} is no longer declared: locked, not dropped`);
    };
    if (declared.roleRemoval === 'drop' && live.definerOf > 0) {
      notices.push(
        `User ${name} is no longer declared and is the DEFINER of ${live.definerOf} object(s): not dropped (roleRemoval 'drop' drops only users that own nothing), locked instead. Change those objects' DEFINER and run again.`,
      );
      lock();
    } else if (declared.roleRemoval === 'drop') {
      notices.push(`User ${name} is no longer declared: dropped (roleRemoval 'drop'; it is the DEFINER of nothing).`);
      add(`DROP USER ${mysqlAccount(name)}`, `user ${name} is no longer declared, owns nothing and roleRemoval is 'drop'`);
      if (engineCreated.has(name)) add(`DELETE FROM ${BOOKKEEPING} WHERE name = ${mysqlString(name)}`, `${name} no longer exists`);
    } else {
      notices.push(`User ${name} is no longer declared: locked (ACCOUNT LOCK), its grants kept (roleRemoval 'disable').`);
      lock();
    }
  }
  return { statements, notices };
}
