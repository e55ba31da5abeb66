/**
 * The PostgreSQL planner: pure functions from declared state and catalog to ordered statements, each with its why.
 * Three phases, because a logical database must exist before its own catalog can be read:
 * 1. server: audit role, roles (create, login, marker, IAM), memberships, removed roles, CREATE DATABASE, database ACLs;
 * 2. per logical database: extensions, schema, table and sequence privileges, default privileges;
 * 3. final: DROP ROLE of removed roles that own nothing (after phase 2 revoked their privileges).
 *
 * Default privileges: for every role with `owner` access to a database, `ALTER DEFAULT PRIVILEGES FOR ROLE <owner>`
 * gives every other declared role of that database its level on what the owner creates later (tables, sequences,
 * schemas). Objects that already exist — whoever created them, the administrator included — get the grants on every
 * run. The administrator must be able to SET ROLE to each owner for that (PostgreSQL docs, "ALTER DEFAULT
 * PRIVILEGES": "You can change default privileges only for objects that will be created by yourself or by roles that
 * you are a member of"; 16+: membership with the SET option), so a non-superuser administrator (RDS's master user,
 * Cloud SQL's postgres) is granted each owner role.
 */
import type { DeclaredAccess, DeclaredRole } from './declared-access';
import { ENGINE_ROLE_MARKER } from './engine-marker';
import { EngineStatement, statement, statementWithPassword } from './engine-statement';
import { declaredWithClones, ManagedRole, accessOf, removedRoles } from './managed-roles';
import { POSTGRES_ACCESS, POSTGRES_MANAGED_PRIVILEGES, POSTGRES_PUBLIC_REVOKED, PostgresObjectKind } from './postgres-access-levels';
import { pgLiteral } from './sql-literals';
import { Grant, membershipKey, NEW_DATABASE_ACL, PostgresDatabaseCatalog, PostgresServerCatalog } from './postgres-catalog';

export const pgIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const pgGrantee = (name: string) => (name === 'PUBLIC' ? 'PUBLIC' : pgIdent(name));

/** The role RDS and Aurora PostgreSQL give IAM database authentication through (RDS User Guide, "Creating a database account using IAM authentication": "CREATE USER db_userx; GRANT rds_iam TO db_userx;", https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.DBAccounts.html). */
export const RDS_IAM_ROLE = 'rds_iam';

export interface PostgresServerPlan {
  readonly statements: EngineStatement[];
  readonly notices: string[];
  /** Roles whose privileges phase 2 reconciles in each database. */
  readonly managed: ManagedRole[];
  /** Removed roles that own nothing: dropped in phase 3. */
  readonly drop: string[];
}

const usesIamRole = (declared: DeclaredAccess) => declared.platform === 'rds' || declared.platform === 'aurora';
const isGroupRole = (declared: DeclaredAccess, role: DeclaredRole) => declared.platform === 'cloud-sql' && role.auth === 'iam';

export function planPostgresServer(declared: DeclaredAccess, server: PostgresServerCatalog): PostgresServerPlan {
  const statements: EngineStatement[] = [];
  const notices: string[] = [];
  const managed: ManagedRole[] = [];
  const exists = (name: string) => server.roles.has(name);
  const isMember = (role: string, member: string) => server.memberships.has(membershipKey(role, member));

  if (declared.auditRole !== undefined && !exists(declared.auditRole)) {
    statements.push(statement(undefined, `CREATE ROLE ${pgIdent(declared.auditRole)} NOLOGIN`, `audit role ${declared.auditRole} (pgaudit.role) is missing`));
  }

  for (const { role, clone } of declaredWithClones(declared, exists)) {
    const live = server.roles.get(role.name);
    const name = pgIdent(role.name);
    const group = isGroupRole(declared, role);
    const iam = role.auth === 'iam' && usesIamRole(declared);
    if (live === undefined && role.createdBy === 'platform') {
      notices.push(`Role ${role.name} is created by the platform (Terraform google_sql_user) and does not exist yet: its grants wait for the next run.`);
      continue;
    }
    managed.push({ name: role.name, access: accessOf(role) });
    if (live === undefined) {
      const login = group ? 'NOLOGIN' : 'LOGIN';
      if (role.auth === 'password') {
        statements.push(statementWithPassword(role.name, (password) => `CREATE ROLE ${name} LOGIN PASSWORD ${password}`, `role ${role.name} is missing`));
      } else {
        statements.push(
          statement(undefined, `CREATE ROLE ${name} ${login}`, `role ${role.name} is missing${group ? ' (IAM group role: its members log in)' : ''}`),
        );
      }
      statements.push(statement(undefined, `COMMENT ON ROLE ${name} IS ${pgLiteral(ENGINE_ROLE_MARKER)}`, `marks ${role.name} as created by this engine`));
    } else if (!clone) {
      if (role.createdBy === 'engine' && !live.createdByEngine) {
        notices.push(`Role ${role.name} exists and was not created by this engine: its grants are managed, it is never disabled or dropped.`);
      }
      if (group && live.canLogin)
        statements.push(statement(undefined, `ALTER ROLE ${name} NOLOGIN`, `${role.name} is an IAM group role: its members log in, not the role`));
      if (!group && !live.canLogin && role.createdBy === 'engine')
        statements.push(statement(undefined, `ALTER ROLE ${name} LOGIN`, `${role.name} is declared again: login re-enabled`));
    }
    if (!clone && usesIamRole(declared)) {
      const hasIam = live !== undefined && isMember(RDS_IAM_ROLE, role.name);
      if (iam && !hasIam) statements.push(statement(undefined, `GRANT ${RDS_IAM_ROLE} TO ${name}`, `${role.name} authenticates with IAM`));
      if (!iam && hasIam) {
        statements.push(statement(undefined, `REVOKE ${RDS_IAM_ROLE} FROM ${name}`, `${role.name} switches from IAM to password authentication`));
        statements.push(
          statementWithPassword(
            role.name,
            (password) => `ALTER ROLE ${name} PASSWORD ${password}`,
            `${role.name} switches from IAM to password authentication`,
          ),
        );
      }
    }
    for (const member of role.members) {
      if (!exists(member)) {
        notices.push(`Member ${member} of ${role.name} does not exist yet (Cloud SQL creates IAM users from Terraform): granted on a later run.`);
      } else if (!isMember(role.name, member)) {
        statements.push(statement(undefined, `GRANT ${name} TO ${pgIdent(member)}`, `${member} is a consumer of ${role.name}`));
      }
    }
  }

  const admin = server.administrator;
  const ownerRoles = [...new Set(managed.filter((role) => [...role.access.values()].includes('owner')).map((role) => role.name))];
  for (const owner of ownerRoles) {
    if (admin === undefined || (!admin.superuser && !isMember(owner, admin.name))) {
      statements.push(
        statement(
          undefined,
          `GRANT ${pgIdent(owner)} TO CURRENT_USER`,
          `the administrator sets default privileges for objects ${owner} creates (needs SET ROLE ${owner})`,
        ),
      );
    }
  }

  const drop: string[] = [];
  const engineCreated = [...server.roles.values()].filter((role) => role.createdByEngine).map((role) => role.name);
  for (const name of removedRoles(declared, engineCreated, exists)) {
    const live = server.roles.get(name)!;
    const disable = () => {
      if (live.canLogin)
        statements.push(statement(undefined, `ALTER ROLE ${pgIdent(name)} NOLOGIN`, `role ${name} is no longer declared: disabled, not dropped`));
    };
    if (declared.roleRemoval === 'drop' && live.ownedObjects > 0) {
      notices.push(
        `Role ${name} is no longer declared and owns ${live.ownedObjects} object(s): not dropped (roleRemoval 'drop' drops only roles that own nothing), disabled instead. Reassign what it owns (REASSIGN OWNED BY ${name} TO <role>) and run again.`,
      );
      disable();
    } else if (declared.roleRemoval === 'drop') {
      notices.push(`Role ${name} is no longer declared: its privileges are revoked and it is dropped (roleRemoval 'drop'; it owns nothing).`);
      managed.push({ name, access: new Map() });
      drop.push(name);
    } else {
      notices.push(`Role ${name} is no longer declared: disabled (NOLOGIN), its grants kept (roleRemoval 'disable').`);
      disable();
    }
  }

  for (const database of declared.databases) {
    if (!server.databases.has(database))
      statements.push(statement(undefined, `CREATE DATABASE ${pgIdent(database)}`, `logical database ${database} is missing`));
    const acl = server.databases.get(database) ?? NEW_DATABASE_ACL;
    statements.push(
      ...reconcile('database', acl, managed, database, POSTGRES_ACCESS_BY_ROLE(managed, database, 'database'), (privileges, grantee, grant) =>
        statement(
          undefined,
          `${grant ? 'GRANT' : 'REVOKE'} ${privileges.join(', ')} ON DATABASE ${pgIdent(database)} ${grant ? 'TO' : 'FROM'} ${pgGrantee(grantee)}`,
          '',
        ),
      ),
    );
  }
  return { statements, notices, managed, drop };
}

/** What each managed role should hold on one kind of object in one database (by its access level there). */
function POSTGRES_ACCESS_BY_ROLE(managed: readonly ManagedRole[], database: string, kind: PostgresObjectKind): Map<string, readonly string[]> {
  return new Map(managed.map((role) => [role.name, role.access.has(database) ? POSTGRES_ACCESS[role.access.get(database)!][kind] : []]));
}

const held = (acl: readonly Grant[], grantee: string) => new Set(acl.filter((g) => g.grantee === grantee).map((g) => g.privilege));
const describeLevel = (role: ManagedRole, database: string) =>
  role.access.has(database) ? `${role.access.get(database)} in ${database}` : `no access to ${database}`;

/**
 * Grants what each managed role lacks and revokes managed privileges it holds beyond its level on one object, and
 * revokes from PUBLIC what it must not keep. `render` builds the statement; the why is filled in here.
 */
function reconcile(
  kind: PostgresObjectKind,
  acl: readonly Grant[],
  managed: readonly ManagedRole[],
  database: string,
  wanted: ReadonlyMap<string, readonly string[]>,
  render: (privileges: readonly string[], grantee: string, grant: boolean) => EngineStatement,
  objectName = kind === 'database' ? `database ${database}` : kind,
): EngineStatement[] {
  const out: EngineStatement[] = [];
  for (const role of managed) {
    const has = held(acl, role.name);
    const want = wanted.get(role.name) ?? [];
    const missing = want.filter((p) => !has.has(p));
    const extra = POSTGRES_MANAGED_PRIVILEGES[kind].filter((p) => has.has(p) && !want.includes(p));
    if (missing.length > 0)
      out.push({ ...render(missing, role.name, true), why: `${role.name} has ${describeLevel(role, database)}: lacks ${missing.join(', ')} on ${objectName}` });
    if (extra.length > 0)
      out.push({
        ...render(extra, role.name, false),
        why: `${role.name} has ${describeLevel(role, database)}: must not hold ${extra.join(', ')} on ${objectName}`,
      });
  }
  const publicHas = held(acl, 'PUBLIC');
  const publicExtra = (POSTGRES_PUBLIC_REVOKED[kind] ?? []).filter((p) => publicHas.has(p));
  if (publicExtra.length > 0)
    out.push({
      ...render(publicExtra, 'PUBLIC', false),
      why: `PUBLIC (every role) must not hold ${publicExtra.join(', ')} on ${objectName}: only declared roles get access`,
    });
  return out;
}

const DEFAULT_ACL_KEYWORD = { tables: 'TABLES', sequences: 'SEQUENCES', schemas: 'SCHEMAS' } as const;
const DEFAULT_ACL_KIND = { tables: 'tables', sequences: 'sequences', schemas: 'schema' } as const;

export interface PostgresDatabasePlan {
  readonly statements: EngineStatement[];
  readonly notices: string[];
}

export function planPostgresDatabase(
  declared: DeclaredAccess,
  database: string,
  catalog: PostgresDatabaseCatalog,
  managed: readonly ManagedRole[],
): PostgresDatabasePlan {
  const out: EngineStatement[] = [];
  const notices: string[] = [];
  const inDb = (sql: string, why: string) => statement(database, sql, why);
  for (const extension of declared.extensions) {
    if (!catalog.extensions.includes(extension))
      out.push(inDb(`CREATE EXTENSION IF NOT EXISTS ${pgIdent(extension)}`, `extension ${extension} is missing in ${database}`));
  }

  for (const schema of catalog.schemas.filter((s) => !s.manageable)) {
    notices.push(
      `Schema ${schema.name} in ${database} belongs to ${schema.owner} and the administrator may not change its privileges (PostgreSQL 14 and older give schema public to the bootstrap superuser): its privileges are left as they are${held(schema.acl, 'PUBLIC').has('CREATE') ? ', and PUBLIC keeps CREATE on it, so every role can create tables there' : ''}. Fix: as its owner, ALTER SCHEMA ${schema.name} OWNER TO the administrator, or REVOKE CREATE ON SCHEMA ${schema.name} FROM PUBLIC.`,
    );
  }
  for (const schema of catalog.schemas.filter((s) => s.manageable)) {
    // The schema's owner holds everything on it already; it is not granted to itself.
    const others = managed.filter((role) => role.name !== schema.owner);
    out.push(
      ...reconcile(
        'schema',
        schema.acl,
        others,
        database,
        POSTGRES_ACCESS_BY_ROLE(others, database, 'schema'),
        (privileges, grantee, grant) =>
          inDb(`${grant ? 'GRANT' : 'REVOKE'} ${privileges.join(', ')} ON SCHEMA ${pgIdent(schema.name)} ${grant ? 'TO' : 'FROM'} ${pgGrantee(grantee)}`, ''),
        `schema ${schema.name}`,
      ),
    );
  }

  for (const kind of ['tables', 'sequences'] as const) {
    const wanted = POSTGRES_ACCESS_BY_ROLE(managed, database, kind);
    for (const schema of catalog.schemas) {
      const relations = catalog.relations.filter((r) => r.schema === schema.name && r.kind === kind);
      for (const role of managed) {
        const mine = relations.filter((r) => r.owner !== role.name);
        const want = wanted.get(role.name) ?? [];
        const missing = want.filter((p) => mine.some((r) => !held(r.acl, role.name).has(p)));
        if (missing.length > 0) {
          out.push(
            inDb(
              `GRANT ${missing.join(', ')} ON ALL ${kind.toUpperCase()} IN SCHEMA ${pgIdent(schema.name)} TO ${pgIdent(role.name)}`,
              `${role.name} has ${describeLevel(role, database)}: lacks ${missing.join(', ')} on existing ${kind} of schema ${schema.name}`,
            ),
          );
        }
        // Revoked per object: a schema-wide REVOKE would also strip the privileges of objects the role owns.
        for (const relation of mine) {
          const has = held(relation.acl, role.name);
          const extra = POSTGRES_MANAGED_PRIVILEGES[kind].filter((p) => has.has(p) && !want.includes(p));
          if (extra.length > 0) {
            out.push(
              inDb(
                `REVOKE ${extra.join(', ')} ON ${kind === 'tables' ? 'TABLE' : 'SEQUENCE'} ${pgIdent(relation.schema)}.${pgIdent(relation.name)} FROM ${pgIdent(role.name)}`,
                `${role.name} has ${describeLevel(role, database)}: must not hold ${extra.join(', ')} on ${relation.schema}.${relation.name}`,
              ),
            );
          }
        }
      }
    }
  }

  const owners = managed.filter((role) => role.access.get(database) === 'owner').map((role) => role.name);
  for (const kind of ['tables', 'sequences', 'schemas'] as const) {
    // Every role's default privileges are looked at, not only the owners': a removed owner's entries must not keep
    // naming declared or dropped roles (a dropped role would stay referenced and DROP ROLE would fail).
    for (const forRole of [...new Set([...owners, ...catalog.defaultAcls.map((d) => d.forRole)])]) {
      const grants = catalog.defaultAcls.filter((d) => d.forRole === forRole && d.kind === kind);
      const others = managed.filter((role) => role.name !== forRole);
      const wanted = owners.includes(forRole) ? POSTGRES_ACCESS_BY_ROLE(others, database, DEFAULT_ACL_KIND[kind]) : new Map<string, readonly string[]>();
      for (const role of others) {
        const has = new Set(grants.filter((g) => g.grantee === role.name).map((g) => g.privilege));
        const want = wanted.get(role.name) ?? [];
        const missing = want.filter((p) => !has.has(p));
        const extra = POSTGRES_MANAGED_PRIVILEGES[DEFAULT_ACL_KIND[kind]].filter((p) => has.has(p) && !want.includes(p));
        const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${pgIdent(forRole)}`;
        if (missing.length > 0) {
          out.push(
            inDb(
              `${prefix} GRANT ${missing.join(', ')} ON ${DEFAULT_ACL_KEYWORD[kind]} TO ${pgIdent(role.name)}`,
              `${role.name} has ${describeLevel(role, database)}: lacks ${missing.join(', ')} on ${kind} ${forRole} creates later`,
            ),
          );
        }
        if (extra.length > 0) {
          out.push(
            inDb(
              `${prefix} REVOKE ${extra.join(', ')} ON ${DEFAULT_ACL_KEYWORD[kind]} FROM ${pgIdent(role.name)}`,
              `${role.name} has ${describeLevel(role, database)}: must not hold ${extra.join(', ')} on ${kind} ${forRole} creates later`,
            ),
          );
        }
      }
    }
  }
  return { statements: out, notices };
}

export function planPostgresFinal(drop: readonly string[]): EngineStatement[] {
  return drop.map((name) => statement(undefined, `DROP ROLE ${pgIdent(name)}`, `role ${name} is no longer declared, owns nothing and roleRemoval is 'drop'`));
}
