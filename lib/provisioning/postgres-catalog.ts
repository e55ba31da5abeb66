/**
 * What the PostgreSQL planner needs to know about a live server, read from the system catalogs: the server-wide part
 * (roles, memberships, databases and their ACLs — shared catalogs, readable from any database) and, per logical
 * database, its extensions, schemas, tables, sequences and default privileges. ACLs are exploded into
 * (grantee, privilege) pairs with `aclexplode`, a NULL ACL read as the built-in default (`acldefault`), so "no grant"
 * and "default grant" are told apart exactly (PostgreSQL docs, "9.27 System Information Functions").
 */
import { ENGINE_ROLE_MARKER } from './engine-marker';
import type { SqlConnection } from './provisioning-api';

export interface Grant {
  /** Role name, or PUBLIC. */
  readonly grantee: string;
  readonly privilege: string;
}

export interface PostgresRole {
  readonly name: string;
  readonly canLogin: boolean;
  /** Carries the engine's marker comment. */
  readonly createdByEngine: boolean;
  /** Owns objects (tables, schemas, databases…; default-privilege entries do not count). */
  readonly ownedObjects: number;
}

export interface PostgresServerCatalog {
  readonly major: number;
  /** The user the engine connects as; undefined when planning offline. */
  readonly administrator?: { readonly name: string; readonly superuser: boolean };
  readonly roles: ReadonlyMap<string, PostgresRole>;
  /** `role member` pairs where membership lets the member SET ROLE (pg_has_role … 'SET' on 16+, 'MEMBER' before). */
  readonly memberships: ReadonlySet<string>;
  /** Logical databases and their ACLs. */
  readonly databases: ReadonlyMap<string, readonly Grant[]>;
}

export interface PostgresRelation {
  readonly schema: string;
  readonly name: string;
  readonly kind: 'tables' | 'sequences';
  readonly owner: string;
  readonly acl: readonly Grant[];
}

export interface PostgresDefaultAcl {
  readonly forRole: string;
  readonly kind: 'tables' | 'sequences' | 'schemas';
  readonly grantee: string;
  readonly privilege: string;
}

export interface PostgresDatabaseCatalog {
  readonly extensions: readonly string[];
  /**
   * `manageable`: the administrator may change the schema's privileges (superuser, or holds its owner's rights).
   * Not so for schema public on PostgreSQL 14 and older under a non-superuser administrator: it belongs to the
   * bootstrap superuser, and GRANT/REVOKE there only warns "no privileges were granted".
   */
  readonly schemas: readonly { readonly name: string; readonly owner: string; readonly manageable: boolean; readonly acl: readonly Grant[] }[];
  readonly relations: readonly PostgresRelation[];
  readonly defaultAcls: readonly PostgresDefaultAcl[];
}

export const membershipKey = (role: string, member: string) => `${role} ${member}`;

const GRANTEE = `CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END`;
/** The exploded ACL as JSON; `defaultKind` is SQL for acldefault's object type ("char"). */
const aclOf = (acl: string, defaultKind: string, owner: string) =>
  `COALESCE((SELECT json_agg(json_build_object('grantee', ${GRANTEE}, 'privilege', a.privilege_type)) FROM aclexplode(COALESCE(${acl}, acldefault(${defaultKind}, ${owner}))) a), '[]'::json)`;

/** Schemas applications use: not the system ones, not temporary ones, not those an extension created. */
const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')`;

export async function readPostgresServer(connection: SqlConnection): Promise<PostgresServerCatalog> {
  const [server] = await connection.query(
    `SELECT current_setting('server_version_num')::int / 10000 AS major, current_user AS name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
  );
  const major = Number(server.major);
  const roles = await connection.query(
    `SELECT r.rolname AS name, r.rolcanlogin AS can_login, shobj_description(r.oid, 'pg_authid') = $1 AS marked,
       (SELECT count(*) FROM pg_shdepend s WHERE s.refclassid = 'pg_authid'::regclass AND s.refobjid = r.oid AND s.deptype = 'o' AND s.classid <> 'pg_default_acl'::regclass)::int AS owned
     FROM pg_roles r WHERE r.rolname NOT LIKE 'pg\\_%'`,
    [ENGINE_ROLE_MARKER],
  );
  // Membership that allows SET ROLE: PostgreSQL 16 split it from plain membership (a role's creator gets ADMIN
  // without SET; docs "GRANT": "SET option"). ALTER DEFAULT PRIVILEGES FOR ROLE needs it.
  const membershipKind = major >= 16 ? 'SET' : 'MEMBER';
  const memberships = await connection.query(
    `SELECT g.rolname AS role, m.rolname AS member FROM pg_roles g CROSS JOIN pg_roles m
     WHERE g.oid <> m.oid AND g.rolname NOT LIKE 'pg\\_%' AND m.rolname NOT LIKE 'pg\\_%' AND pg_has_role(m.oid, g.oid, '${membershipKind}')`,
  );
  const databases = await connection.query(`SELECT datname AS name, ${aclOf('datacl', `'d'`, 'datdba')} AS acl FROM pg_database WHERE NOT datistemplate`);
  return {
    major,
    administrator: { name: String(server.name), superuser: server.superuser === true },
    roles: new Map(
      roles.map((r) => [
        String(r.name),
        { name: String(r.name), canLogin: r.can_login === true, createdByEngine: r.marked === true, ownedObjects: Number(r.owned) },
      ]),
    ),
    memberships: new Set(memberships.map((m) => membershipKey(String(m.role), String(m.member)))),
    databases: new Map(databases.map((d) => [String(d.name), d.acl as Grant[]])),
  };
}

export async function readPostgresDatabase(connection: SqlConnection): Promise<PostgresDatabaseCatalog> {
  const extensions = await connection.query(`SELECT extname AS name FROM pg_extension`);
  const schemas = await connection.query(
    `SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner, pg_has_role(current_user, n.nspowner, 'USAGE') AS manageable, ${aclOf('n.nspacl', `'n'`, 'n.nspowner')} AS acl FROM pg_namespace n WHERE ${USER_SCHEMA} ORDER BY n.nspname`,
  );
  const relations = await connection.query(
    `SELECT n.nspname AS schema, c.relname AS name, CASE WHEN c.relkind = 'S' THEN 'sequences' ELSE 'tables' END AS kind, pg_get_userbyid(c.relowner) AS owner,
       ${aclOf('c.relacl', `(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::"char"`, 'c.relowner')} AS acl
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${USER_SCHEMA}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY n.nspname, c.relname`,
  );
  const defaultAcls = await connection.query(
    `SELECT pg_get_userbyid(d.defaclrole) AS for_role, CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'n' THEN 'schemas' END AS kind,
       ${GRANTEE} AS grantee, a.privilege_type AS privilege
     FROM pg_default_acl d CROSS JOIN LATERAL aclexplode(d.defaclacl) a
     WHERE d.defaclnamespace = 0 AND d.defaclobjtype IN ('r', 'S', 'n')`,
  );
  return {
    extensions: extensions.map((e) => String(e.name)),
    schemas: schemas.map((s) => ({ name: String(s.name), owner: String(s.owner), manageable: s.manageable === true, acl: s.acl as Grant[] })),
    relations: relations.map((r) => ({
      schema: String(r.schema),
      name: String(r.name),
      kind: r.kind as 'tables' | 'sequences',
      owner: String(r.owner),
      acl: r.acl as Grant[],
    })),
    defaultAcls: defaultAcls.map((d) => ({
      forRole: String(d.for_role),
      kind: d.kind as PostgresDefaultAcl['kind'],
      grantee: String(d.grantee),
      privilege: String(d.privilege),
    })),
  };
}

/**
 * The server before the engine ran: used offline (planFromNothing), with the major taken from the engine version.
 * `platformUsers` exist already: the platform (Terraform) creates them before the engine runs, so the offline plan
 * shows their grants.
 */
export function emptyPostgresServer(major: number, platformUsers: readonly string[] = []): PostgresServerCatalog {
  const roles = new Map(platformUsers.map((name) => [name, { name, canLogin: true, createdByEngine: false, ownedObjects: 0 }]));
  return { major, roles, memberships: new Set(), databases: new Map() };
}

/**
 * A database as CREATE DATABASE makes it (from template1): no extensions, schema `public` with its built-in ACL —
 * owned by the bootstrap superuser with PUBLIC USAGE+CREATE up to 14; owned by pg_database_owner with PUBLIC USAGE
 * only from 15 ("PostgreSQL 15 release notes", E.x "Remove PUBLIC creation permission on the public schema").
 */
export function newPostgresDatabase(major: number): PostgresDatabaseCatalog {
  const publicGrants: Grant[] =
    major >= 15
      ? [{ grantee: 'PUBLIC', privilege: 'USAGE' }]
      : [
          { grantee: 'PUBLIC', privilege: 'USAGE' },
          { grantee: 'PUBLIC', privilege: 'CREATE' },
        ];
  // Offline the administrator is taken to manage it (a superuser, or 15+ where the database owner does).
  return {
    extensions: [],
    schemas: [{ name: 'public', owner: major >= 15 ? 'pg_database_owner' : 'postgres', manageable: true, acl: publicGrants }],
    relations: [],
    defaultAcls: [],
  };
}

/** A new database's ACL (acldefault 'd'): PUBLIC may CONNECT and create TEMPORARY tables; the owner has all. */
export const NEW_DATABASE_ACL: readonly Grant[] = [
  { grantee: 'PUBLIC', privilege: 'CONNECT' },
  { grantee: 'PUBLIC', privilege: 'TEMPORARY' },
];
