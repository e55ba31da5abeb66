/**
 * A resolved relational database as the provisioning engine's input (DeclaredAccess). The tier defaults inside the
 * database — the audit and statement-statistics extensions, and pgaudit's audit role on RDS and Aurora — are added
 * here, for every tier (issue #20: "the audit role and audit/statistics extensions always").
 */
import type { ResolvedAuroraCluster, ResolvedCloudSqlInstance, ResolvedRdsInstance } from '../config/resolved-environment';
import type { DeclaredAccess, ServerPlatform, SqlDialect } from './declared-access';

export type RelationalDatabase = ResolvedRdsInstance | ResolvedAuroraCluster | ResolvedCloudSqlInstance;

/** The SQL dialect of an engine, or undefined for engines the provisioning engine does not support (SQL Server, Oracle). */
export function sqlDialectOf(engine: RelationalDatabase['engine']): SqlDialect | undefined {
  if (engine === 'postgres' || engine === 'aurora-postgresql') return 'postgresql';
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql') return 'mysql';
  return undefined;
}

const PLATFORM_OF_KIND: Record<RelationalDatabase['kind'], ServerPlatform> = {
  'rds-instance': 'rds',
  'aurora-cluster': 'aurora',
  'cloudsql-instance': 'cloud-sql',
};

/**
 * Extensions every PostgreSQL database gets: pgaudit (object and statement audit logging; the parameter groups and
 * Cloud SQL flags preload and configure it) and pg_stat_statements (statement statistics, preloaded on RDS/Aurora by
 * the parameter groups; Cloud SQL preloads it itself).
 */
export const DEFAULT_POSTGRES_EXTENSIONS = ['pgaudit', 'pg_stat_statements'] as const;
/**
 * The default extensions of one PostgreSQL database. Cloud SQL creates pgaudit only once the `cloudsql.enable_pgaudit`
 * flag is on ("Audit for PostgreSQL using pgAudit", Cloud SQL docs), which `auditLogging` sets; without it the
 * extension is left out (CREATE EXTENSION would fail). RDS and Aurora preload it in every parameter group.
 */
function defaultPostgresExtensions(db: RelationalDatabase): readonly string[] {
  if (db.kind === 'cloudsql-instance' && !db.auditLogging) return DEFAULT_POSTGRES_EXTENSIONS.filter((e) => e !== 'pgaudit');
  return DEFAULT_POSTGRES_EXTENSIONS;
}

/** pgaudit.role on RDS and Aurora (the parameter groups set `pgaudit.role=rds_pgaudit`). */
export const RDS_PGAUDIT_ROLE = 'rds_pgaudit';

/** The logical databases of a database: the initial one (RDS/Aurora `databaseName`) first, then `databases`. */
export function logicalDatabasesOf(db: RelationalDatabase): readonly string[] {
  const initial = 'databaseName' in db && db.databaseName !== undefined ? [db.databaseName] : [];
  return [...new Set([...initial, ...db.databases])];
}

/** Undefined for SQL Server and Oracle (the rules refuse access fields there). */
export function declaredAccessOf(db: RelationalDatabase): DeclaredAccess | undefined {
  const dialect = sqlDialectOf(db.engine);
  if (dialect === undefined) return undefined;
  const platform = PLATFORM_OF_KIND[db.kind];
  const databases = logicalDatabasesOf(db);
  const defaults = dialect === 'postgresql' ? defaultPostgresExtensions(db) : [];
  return {
    dialect,
    platform,
    engineVersion: db.version,
    databases,
    extensions: [...new Set([...defaults, ...db.extensions])],
    ...(dialect === 'postgresql' && platform !== 'cloud-sql' ? { auditRole: RDS_PGAUDIT_ROLE } : {}),
    roles: db.roles.map((role) => {
      // On Cloud SQL an IAM role is a group role the engine creates; its members are the consumers' IAM users, which
      // Terraform creates (google_sql_user). A password user is a Terraform resource too. Elsewhere the engine creates all.
      const iamGroup = platform === 'cloud-sql' && role.auth === 'iam';
      return {
        name: role.name,
        access: role.access,
        databases: role.databases ?? databases,
        auth: role.auth,
        createdBy: platform === 'cloud-sql' && !iamGroup ? 'platform' : 'engine',
        members: iamGroup ? role.consumers.map((email) => cloudSqlIamUserName(email, dialect)) : [],
      };
    }),
    roleRemoval: db.roleRemoval,
  };
}

/**
 * The database user name Cloud SQL gives a service account's IAM user ("IAM database authentication", Cloud SQL
 * docs): PostgreSQL uses the email without the `.gserviceaccount.com` suffix, MySQL the part before the `@`.
 */
export function cloudSqlIamUserName(serviceAccountEmail: string, dialect: SqlDialect): string {
  return dialect === 'postgresql' ? serviceAccountEmail.replace(/\.gserviceaccount\.com$/, '') : serviceAccountEmail.split('@')[0];
}
