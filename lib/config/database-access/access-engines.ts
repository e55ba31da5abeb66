/**
 * What each relational engine allows inside the database, for the database-access rules: its name in messages, its
 * SQL dialect (none: the provisioning engine does not speak it yet), its platform, its major version and whether IAM
 * database authentication can be used.
 */
import { AURORA_ENGINE_TABLE } from '../../../constructs/aws/aurora/tables/aurora-engine-table';
import { rdsEngineRow, rdsIamAuthentication } from '../../../constructs/aws/rds/tables/rds-engine-table';
import { CLOUD_SQL_ENGINE_TABLE } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import type { ServerPlatform, SqlDialect } from '../../provisioning/declared-access';
import { RelationalDatabase, sqlDialectOf } from '../../provisioning/declared-access-of';

export interface AccessEngine {
  /** `RDS for PostgreSQL`, `Aurora MySQL`, `Cloud SQL for SQL Server`. */
  readonly displayName: string;
  /** Undefined: SQL Server and Oracle, which the provisioning engine does not support yet. */
  readonly dialect?: SqlDialect;
  readonly platform: Exclude<ServerPlatform, 'self-managed'>;
  /** `17` (PostgreSQL), `8.0` / `10.11` (MySQL family). */
  readonly major: string;
  /** Why `auth: 'iam'` cannot work here, with the fix; undefined where it can. */
  readonly iamUnavailable?: { readonly why: string; readonly fix: string };
}

/**
 * Aurora: every Aurora MySQL 3 and Aurora PostgreSQL 14–17 version has IAM database authentication ("Supported Regions
 * and Aurora DB engines for IAM database authentication"). RDS: by engine and version, in the engine table
 * (rds-engine-table.ts `iamAuthentication`, with its source). Regions without it (the RDS page lists a few for MariaDB:
 * Asia Pacific (Hyderabad), (Melbourne)) are not checked here: that table was read in part only.
 */
function rdsAccessEngine(db: Extract<RelationalDatabase, { kind: 'rds-instance' }>): AccessEngine {
  const row = rdsEngineRow(db.engine);
  const displayName = `RDS for ${row?.displayName ?? db.engine}`;
  const major = db.engine === 'postgres' ? db.version.split('.')[0] : db.version.split('.').slice(0, 2).join('.');
  const iam = row?.iamAuthentication;
  const iamUnavailable =
    row === undefined || iam === undefined || rdsIamAuthentication(row, db.version)
      ? undefined
      : typeof iam === 'object'
        ? {
            why: `${displayName} offers IAM database authentication from ${iam.fromMajor}; ${major} has none`,
            fix: `use auth: 'password', or upgrade to ${row.displayName} ${iam.fromMajor} or later`,
          }
        : { why: `${displayName} has no IAM database authentication`, fix: "use auth: 'password'" };
  return { displayName, dialect: sqlDialectOf(db.engine), platform: 'rds', major, iamUnavailable };
}

function auroraAccessEngine(db: Extract<RelationalDatabase, { kind: 'aurora-cluster' }>): AccessEngine {
  const row = AURORA_ENGINE_TABLE[db.engine];
  return { displayName: row.displayName, dialect: sqlDialectOf(db.engine), platform: 'aurora', major: row.majorOf(db.version) };
}

/** Cloud SQL: IAM database authentication needs its flag, which `iamAuthentication` sets; SQL Server has none. */
function cloudSqlAccessEngine(db: Extract<RelationalDatabase, { kind: 'cloudsql-instance' }>): AccessEngine {
  const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
  const displayName = `Cloud SQL for ${row.displayName}`;
  const iamUnavailable = !row.iamAuthenticationFlag
    ? { why: `${displayName} has no IAM database authentication`, fix: "use auth: 'password'" }
    : !db.iamAuthentication
      ? {
          why: `iamAuthentication is off for this instance (the ${row.iamAuthenticationFlag} flag is not set)`,
          fix: "remove iamAuthentication: false, or use auth: 'password'",
        }
      : undefined;
  return { displayName, dialect: sqlDialectOf(db.engine), platform: 'cloud-sql', major: db.version.split('.')[0], iamUnavailable };
}

export function accessEngineOf(db: RelationalDatabase): AccessEngine {
  if (db.kind === 'rds-instance') return rdsAccessEngine(db);
  if (db.kind === 'aurora-cluster') return auroraAccessEngine(db);
  return cloudSqlAccessEngine(db);
}
