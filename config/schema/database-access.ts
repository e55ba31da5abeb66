/**
 * What lives inside a relational database (docs/database-access.md): extensions, logical databases and the roles
 * applications connect as. The fields are shared by RDS instances, Aurora clusters and Cloud SQL instances; which
 * engine supports what (extensions by engine and version, IAM authentication, SQL Server and Oracle) is checked by the
 * rules in lib/config/rules, which know the engine.
 */
import { z } from 'zod';

export const ROLE_ACCESS_LEVELS = ['owner', 'read-write', 'read-only'] as const;
export type RoleAccessLevel = (typeof ROLE_ACCESS_LEVELS)[number];
export const ROLE_AUTH_METHODS = ['password', 'iam'] as const;
export type RoleAuthMethod = (typeof ROLE_AUTH_METHODS)[number];
/** What happens to a role this project created once it leaves the config: disabled (no login, kept) or dropped. */
export const ROLE_REMOVALS = ['disable', 'drop'] as const;
export type RoleRemoval = (typeof ROLE_REMOVALS)[number];

/**
 * Role names: lower-case letters, digits and underscores, starting with a letter, at most 32 characters — MySQL's
 * user-name limit ("User names can be up to 32 characters long", MySQL 8.0 Reference Manual, 8.2.1 Account User
 * Names and Passwords) is the strictest of the engines we provision (PostgreSQL: 63, MariaDB: 80).
 */
export const ROLE_NAME_MAX_LENGTH = 32;
const roleName = z.string().regex(new RegExp(`^[a-z][a-z0-9_]{0,${ROLE_NAME_MAX_LENGTH - 1}}$`), {
  error: `must start with a lower-case letter and hold only lower-case letters, digits and underscores (at most ${ROLE_NAME_MAX_LENGTH})`,
});

/** Logical database names: PostgreSQL's identifier limit is 63 bytes, MySQL's database-name limit 64 characters. */
export const LOGICAL_DATABASE_NAME_MAX_LENGTH = 63;
export const logicalDatabaseName = z.string().regex(new RegExp(`^[a-z][a-z0-9_]{0,${LOGICAL_DATABASE_NAME_MAX_LENGTH - 1}}$`), {
  error: `must start with a lower-case letter and hold only lower-case letters, digits and underscores (at most ${LOGICAL_DATABASE_NAME_MAX_LENGTH})`,
});

const extensionName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'must be an extension name such as pg_trgm (lower-case letters, digits, underscores)' });

export const databaseRole = z.strictObject({
  name: roleName,
  /**
   * `owner`: owns the logical databases it names (creates and alters objects); `read-write`: reads and writes rows,
   * creates nothing; `read-only`: reads rows.
   */
  access: z.enum(ROLE_ACCESS_LEVELS, { error: `must be one of ${ROLE_ACCESS_LEVELS.join(', ')}` }),
  /** The logical databases the role may use. Default: every database of the instance or cluster. */
  databases: z.array(logicalDatabaseName).optional(),
  /** `password`: a generated password in the cloud's secret store; `iam`: IAM database authentication, no password. */
  auth: z.enum(ROLE_AUTH_METHODS, { error: `must be one of ${ROLE_AUTH_METHODS.join(', ')}` }).default('password'),
  /**
   * Who connects as this role. AWS: IAM role ARNs, each granted `rds-db:connect` (iam) or read access to the role's
   * secret (password). Google Cloud: service-account emails (iam: the account is the database user).
   */
  consumers: z.array(z.string()).default([]),
});

export type DatabaseRoleConfig = z.output<typeof databaseRole>;

/** Fields of every relational kind (rds-instance, aurora-cluster, cloudsql-instance). */
export const databaseAccessFields = {
  /**
   * Extensions to create in every logical database, besides the tier defaults (the audit and statement-statistics
   * extensions where the engine has them). Checked against the engine's list for its version.
   */
  extensions: z.array(extensionName).default([]),
  /** Logical databases inside the instance or cluster, besides `databaseName` (engines that have them). */
  databases: z.array(logicalDatabaseName).default([]),
  /** Roles applications connect as; the master user is for administration only. */
  roles: z.array(databaseRole).default([]),
  /** A role this project created that leaves `roles`: `disable` (no login, grants kept, reported) or `drop`. Default: disable. */
  roleRemoval: z.enum(ROLE_REMOVALS, { error: `must be one of ${ROLE_REMOVALS.join(', ')}` }).default('disable'),
};
