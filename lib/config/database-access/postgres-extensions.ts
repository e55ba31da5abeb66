/**
 * PostgreSQL extensions a config may declare, by platform and major version. Each platform publishes its list per
 * major version:
 * - RDS for PostgreSQL: "Extension versions for Amazon RDS for PostgreSQL"
 *   (docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-extensions.html), one table per major.
 * - Aurora PostgreSQL: "Extension versions for Amazon Aurora PostgreSQL"
 *   (docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/AuroraPostgreSQL.Extensions.html).
 * - Cloud SQL for PostgreSQL: "Configure PostgreSQL extensions" (cloud.google.com/sql/docs/postgres/extensions).
 *
 * What was verified, and how (say so before trusting more): the pages above could be read in excerpts only. The
 * excerpts show, for RDS 17/18 and Aurora 17 (17.4–17.7), the contrib modules amcheck, bloom, btree_gin, btree_gist,
 * citext, cube, dblink, dict_int, dict_xsyn, earthdistance and the PostGIS address standardizer; the rest of each
 * table was not seen. So the list below is deliberately conservative: the contrib modules that PostgreSQL itself
 * ships for every major we support (14–18) and that need no preloading, plus the few third-party extensions each of
 * the three pages has long listed (pgaudit, pg_stat_statements — both defaults here —, PostGIS, pgvector's `vector`,
 * pg_partman, hypopg, orafce). It is one list for every platform and major until each table is checked row by row;
 * an extension missing here is refused, with the fix to ask for it to be added (a false refusal costs a table row, a
 * false acceptance a failed deployment).
 *
 * Left out on purpose:
 * - Extensions that must be preloaded (`shared_preload_libraries` on RDS/Aurora, a `cloudsql.enable_*` flag on Cloud
 *   SQL) besides the audit and statistics ones the tuned parameters preload already: pg_cron, pglogical,
 *   pg_hint_plan, auto_explain. Declaring them would need the parameter group or flags to change too.
 * - Modules whose support on Aurora's storage was not confirmed (pg_visibility, pg_freespacemap, pg_prewarm), and
 *   postgis_raster (not confirmed on Aurora).
 * - Names with a hyphen (`uuid-ossp`): the config schema's extension names are identifiers (letters, digits,
 *   underscores). `gen_random_uuid()` is built into PostgreSQL 13+, so UUIDs need no extension.
 * - Platform-specific extensions (aws_s3, aws_lambda, aws_commons, google_ml_integration): they tie a database to a
 *   cloud, and need IAM set-up that this project does not declare.
 */

/** Contrib modules shipped with PostgreSQL 14–18 ("Appendix F. Additional Supplied Modules and Extensions"). */
export const CONTRIB = [
  'amcheck',
  'bloom',
  'btree_gin',
  'btree_gist',
  'citext',
  'cube',
  'dblink',
  'dict_int',
  'dict_xsyn',
  'earthdistance',
  'fuzzystrmatch',
  'hstore',
  'intarray',
  'isn',
  'lo',
  'ltree',
  'pg_buffercache',
  'pg_trgm',
  'pgcrypto',
  'pgrowlocks',
  'pgstattuple',
  'postgres_fdw',
  'seg',
  'tablefunc',
  'tcn',
  'tsm_system_rows',
  'tsm_system_time',
  'unaccent',
] as const;

/** Third-party extensions listed by RDS, Aurora and Cloud SQL (see above for how far that was checked). */
const THIRD_PARTY = ['pgaudit', 'pg_stat_statements', 'postgis', 'postgis_topology', 'vector', 'pg_partman', 'hypopg', 'orafce'] as const;

export type PostgresPlatform = 'rds' | 'aurora' | 'cloud-sql';

/** The PostgreSQL majors each platform runs here (the engine tables' versions). */
const MAJORS: Readonly<Record<PostgresPlatform, readonly string[]>> = {
  rds: ['14', '15', '16', '17', '18'],
  aurora: ['14', '15', '16', '17'],
  'cloud-sql': ['14', '15', '16', '17'],
};

const ALL = [...CONTRIB, ...THIRD_PARTY].sort();

/**
 * The extensions a config may declare for a platform's PostgreSQL major, or undefined for a major not in the table
 * (the engine tables refuse such a version already).
 */
export function postgresExtensionsFor(platform: PostgresPlatform, major: string): readonly string[] | undefined {
  return MAJORS[platform].includes(major) ? ALL : undefined;
}
