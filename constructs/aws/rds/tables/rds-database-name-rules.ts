/**
 * The initial database name each engine accepts, from the RDS API reference: CreateDBInstance `DBName` (RDS
 * instances and Aurora instances) and CreateDBCluster `DatabaseName`, as shipped in botocore 1.43.11
 * data/rds/2014-10-31/service-2.json:
 * - PostgreSQL, Aurora PostgreSQL: 1 to 63 letters, digits or underscores, starting with a letter.
 * - MySQL, MariaDB, Aurora MySQL: 1 to 64, starting with a letter; then letters, underscores or digits.
 * - Oracle: the System ID (SID), "Can't be longer than 8 characters"; "You can't specify the string null".
 * - SQL Server: "Not applicable. Must be null." (databases are created after launch, with CREATE DATABASE).
 * The characters (a letter, then letters, digits or underscores) are checked by the config schema for every engine.
 * Words the engine reserves are not checked: the API names no list (unverified per engine).
 */
import type { PathProblem } from '../../../common/path-problem';

export type DatabaseNameRule =
  { readonly accepted: true; readonly maxLength: number; readonly refused?: readonly string[] } | { readonly accepted: false; readonly why: string };

export const RDS_DATABASE_NAME_RULES = {
  postgres: { accepted: true, maxLength: 63 },
  mysql: { accepted: true, maxLength: 64 },
  mariadb: { accepted: true, maxLength: 64 },
  oracle: { accepted: true, maxLength: 8, refused: ['null'] },
  sqlserver: { accepted: false, why: 'RDS for SQL Server creates no database at launch (create it with CREATE DATABASE after the instance is up)' },
  'aurora-postgresql': { accepted: true, maxLength: 63 },
  'aurora-mysql': { accepted: true, maxLength: 64 },
} as const satisfies Record<string, DatabaseNameRule>;

export type DatabaseNameEngine = keyof typeof RDS_DATABASE_NAME_RULES;

/** Problems with `databaseName` for an engine (`displayName` as the engine table spells it). */
export function databaseNameProblems(engine: DatabaseNameEngine, displayName: string, name: string | undefined): PathProblem[] {
  if (name === undefined) return [];
  const rule: DatabaseNameRule = RDS_DATABASE_NAME_RULES[engine];
  const path = ['databaseName'];
  if (!rule.accepted) {
    return [{ path, value: name, message: `${displayName} takes no database name: ${rule.why}`, fix: 'remove databaseName' }];
  }
  if (name.length > rule.maxLength) {
    return [
      {
        path,
        value: name,
        message: `has ${name.length} characters; ${displayName} allows at most ${rule.maxLength}`,
        fix: `shorten it to ${rule.maxLength} characters or fewer`,
      },
    ];
  }
  if (rule.refused?.includes(name.toLowerCase())) {
    return [
      { path, value: name, message: `is a word ${displayName} refuses as a database name`, fix: 'choose another name, or remove databaseName for the default' },
    ];
  }
  return [];
}
