/**
 * The provisioning engine's input: what must exist inside one database server, in the engine's own terms. It is built
 * from a resolved database (lib/provisioning/declared-access-of.ts) and carried to where the SQL runs — the AWS
 * custom resource's properties, or `dbctl provision`. Plain JSON: no functions, no cloud types.
 */
import type { RoleAccessLevel, RoleAuthMethod, RoleRemoval } from '../../config/schema/database-access';

/** SQL dialect of the server: PostgreSQL (RDS, Aurora, Cloud SQL) or the MySQL family (MySQL, MariaDB, Aurora MySQL). */
export type SqlDialect = 'postgresql' | 'mysql';

/**
 * Where the server runs, for what differs by platform: how IAM authentication is granted (RDS/Aurora: the `rds_iam`
 * role or the AWSAuthenticationPlugin; Cloud SQL: IAM users created by the platform), which roles the platform
 * reserves, and who creates users (`cloud-sql`: Terraform creates them; the engine grants).
 */
export type ServerPlatform = 'rds' | 'aurora' | 'cloud-sql' | 'self-managed';

export interface DeclaredRole {
  readonly name: string;
  readonly access: RoleAccessLevel;
  /** The logical databases the role may use (resolved: never empty). */
  readonly databases: readonly string[];
  readonly auth: RoleAuthMethod;
  /**
   * `engine`: the engine creates the role (its password comes from the caller's password source). `platform`: the
   * platform created it (Cloud SQL users from Terraform); the engine only grants, and reports it if it is missing.
   */
  readonly createdBy: 'engine' | 'platform';
  /**
   * Database users the platform created that get this role's grants through membership: on Cloud SQL, the IAM users
   * of an `iam` role's consumer service accounts (the role itself is then a group role without login).
   */
  readonly members: readonly string[];
}

export interface DeclaredAccess {
  readonly dialect: SqlDialect;
  readonly platform: ServerPlatform;
  /** Engine version as configured (`17.6`, `8.0.mysql_aurora.3.10.1`, `16`), for version-dependent SQL. */
  readonly engineVersion: string;
  /** Logical databases to create (every one the roles name is here). */
  readonly databases: readonly string[];
  /** Extensions created in every logical database (PostgreSQL). */
  readonly extensions: readonly string[];
  /** The audit role pgaudit's object auditing uses (`pgaudit.role`), created without login; none where not needed. */
  readonly auditRole?: string;
  readonly roles: readonly DeclaredRole[];
  readonly roleRemoval: RoleRemoval;
}
