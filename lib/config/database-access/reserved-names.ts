/**
 * Names a config may not give its roles or logical databases, because the engine or the platform owns them. One row
 * per rule, each with where it applies and its source.
 */
import { RDS_DEFAULTS } from '../../../constructs/aws/rds/tables/rds-defaults';
import { RDS_PGAUDIT_ROLE } from '../../provisioning/declared-access-of';
import type { AccessEngine } from './access-engines';

interface ReservedRow {
  readonly applies: (engine: AccessEngine) => boolean;
  /** Exact names, or a prefix every name starting with it matches. */
  readonly names?: readonly string[];
  readonly prefix?: string;
  /** Whose they are, for the message. */
  readonly owner: string;
}

const postgres = (e: AccessEngine) => e.dialect === 'postgresql';
const mysqlFamily = (e: AccessEngine) => e.dialect === 'mysql';
const onAws = (e: AccessEngine) => e.platform === 'rds' || e.platform === 'aurora';
const onCloudSql = (e: AccessEngine) => e.platform === 'cloud-sql';

const ROLE_ROWS: readonly ReservedRow[] = [
  // The master user the constructs create (constructs/aws/rds/tables/rds-defaults.ts): administration only.
  { applies: onAws, names: [RDS_DEFAULTS.masterUsername], owner: 'the master user this project creates (administration only)' },
  // "Understanding PostgreSQL roles and permissions" (RDS user guide): rdsadmin, rds_superuser, rds_iam,
  // rds_replication, rds_password, rds_ad; rds_pgaudit is pgaudit's audit role here (declared-access-of.ts). RDS for
  // MySQL/MariaDB keeps rdsadmin and rdsrepladmin ("Privileges of the master user account", RDS user guide).
  { applies: onAws, prefix: 'rds', owner: `RDS's own roles (rdsadmin, rds_superuser, rds_iam, ${RDS_PGAUDIT_ROLE} …)` },
  // "About PostgreSQL users" / "About MySQL users" (Cloud SQL docs): cloudsqlsuperuser, cloudsqladmin, cloudsqlagent,
  // cloudsqlreplica, cloudsqliamuser, cloudsqliamserviceaccount …
  { applies: onCloudSql, prefix: 'cloudsql', owner: "Cloud SQL's own roles (cloudsqlsuperuser, cloudsqladmin, cloudsqliamuser …)" },
  // "Role names beginning with pg_ are reserved" (PostgreSQL docs, "Predefined Roles"); `public` is the role every
  // role belongs to (CREATE ROLE public fails: "role name "public" is reserved"); `postgres` is Cloud SQL's default
  // user and the usual bootstrap superuser.
  { applies: postgres, prefix: 'pg_', owner: "PostgreSQL's predefined roles" },
  { applies: postgres, names: ['public', 'postgres'], owner: 'PostgreSQL (every role belongs to public; postgres is the default superuser)' },
  // Cloud SQL for MySQL's default user is root ("About MySQL users"); MySQL's own accounts (mysql.sys,
  // mysql.session, mysql.infoschema) and MariaDB's mariadb.sys hold a dot, which role names cannot (config schema).
  { applies: mysqlFamily, names: ['root'], owner: 'the MySQL superuser' },
];

const DATABASE_ROWS: readonly ReservedRow[] = [
  // "Creating a Database" and "Template Databases" (PostgreSQL docs): postgres is the default database, template0 and
  // template1 the templates every CREATE DATABASE copies.
  { applies: postgres, names: ['postgres', 'template0', 'template1'], owner: "PostgreSQL's default and template databases" },
  // RDS for PostgreSQL keeps its own rdsadmin database ("Working with PostgreSQL databases", RDS user guide).
  { applies: (e) => postgres(e) && onAws(e), names: ['rdsadmin'], owner: "RDS's administration database" },
  // Cloud SQL for PostgreSQL keeps cloudsqladmin ("About PostgreSQL users", Cloud SQL docs).
  { applies: (e) => postgres(e) && onCloudSql(e), names: ['cloudsqladmin'], owner: "Cloud SQL's administration database" },
  // MySQL Reference Manual: "The mysql System Schema", "INFORMATION_SCHEMA Tables", "MySQL Performance Schema",
  // "MySQL sys Schema" (MariaDB has all four since 10.6).
  { applies: mysqlFamily, names: ['mysql', 'information_schema', 'performance_schema', 'sys'], owner: 'the MySQL system schemas' },
];

function ownerOf(rows: readonly ReservedRow[], engine: AccessEngine, name: string): string | undefined {
  const row = rows.find((r) => r.applies(engine) && (r.names?.includes(name) || (r.prefix !== undefined && name.startsWith(r.prefix))));
  if (!row) return undefined;
  return row.prefix !== undefined && !row.names?.includes(name) ? `names starting with '${row.prefix}' belong to ${row.owner}` : `it belongs to ${row.owner}`;
}

/** Why a role name is reserved on this engine, or undefined. */
export const reservedRoleName = (engine: AccessEngine, name: string) => ownerOf(ROLE_ROWS, engine, name);

/** Why a logical database name is reserved on this engine, or undefined. */
export const reservedDatabaseName = (engine: AccessEngine, name: string) => ownerOf(DATABASE_ROWS, engine, name);
