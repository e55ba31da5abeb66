/**
 * What each access level holds in PostgreSQL, per kind of object, and which privileges the engine manages (grants
 * when the level has them, revokes from declared roles when it does not). Privilege names are the ones `GRANT` takes
 * and `aclexplode` returns (PostgreSQL docs, "5.8 Privileges", Table 5.1 "ACL Privilege Abbreviations").
 *
 * - owner: creates objects (CREATE on the database for schemas, CREATE on schemas for tables), reads and writes rows
 *   of objects others created, temporary tables. Objects it creates it owns (full rights, ALTER, DROP).
 * - read-write: SELECT/INSERT/UPDATE/DELETE on tables and views, sequences usable by INSERT (nextval needs USAGE or
 *   UPDATE). No CREATE anywhere, so no tables; no TEMPORARY either.
 * - read-only: SELECT on tables, views and sequences.
 * Every level gets CONNECT on its databases and USAGE on their schemas.
 */
import type { RoleAccessLevel } from '../../config/schema/database-access';

export type PostgresObjectKind = 'database' | 'schema' | 'tables' | 'sequences';

export const POSTGRES_ACCESS: Record<RoleAccessLevel, Record<PostgresObjectKind, readonly string[]>> = {
  owner: {
    database: ['CONNECT', 'TEMPORARY', 'CREATE'],
    schema: ['USAGE', 'CREATE'],
    tables: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
    sequences: ['USAGE', 'SELECT', 'UPDATE'],
  },
  'read-write': { database: ['CONNECT'], schema: ['USAGE'], tables: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'], sequences: ['USAGE', 'SELECT', 'UPDATE'] },
  'read-only': { database: ['CONNECT'], schema: ['USAGE'], tables: ['SELECT'], sequences: ['SELECT'] },
};

/**
 * The privileges the engine manages per kind: a declared role holding one its level does not give loses it (an access
 * level change, or a hand-made grant). TRUNCATE, REFERENCES and TRIGGER are managed so that no level keeps them;
 * MAINTAIN (PostgreSQL 17) is left alone (it exists on one major only and moves no data).
 */
export const POSTGRES_MANAGED_PRIVILEGES: Record<PostgresObjectKind, readonly string[]> = {
  database: ['CONNECT', 'TEMPORARY', 'CREATE'],
  schema: ['USAGE', 'CREATE'],
  tables: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'],
  sequences: ['USAGE', 'SELECT', 'UPDATE'],
};

/** What PUBLIC (every role) keeps on a declared database and its `public` schema: nothing the engine grants a level. */
export const POSTGRES_PUBLIC_REVOKED: Partial<Record<PostgresObjectKind, readonly string[]>> = {
  // Default ACL of a database: PUBLIC has CONNECT and TEMPORARY (docs, "5.8 Privileges", Table 5.2). Without this
  // revoke every role could connect to every database and create temporary tables.
  database: ['CONNECT', 'TEMPORARY'],
  // PostgreSQL 14 and older give PUBLIC CREATE on schema public; 15 removed it ("PostgreSQL 15 release notes: Remove
  // PUBLIC creation permission on the public schema"). Read from the catalog, so both behave the same afterwards.
  schema: ['CREATE'],
};
