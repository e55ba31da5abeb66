/**
 * Cloud SQL engines as rows of a table. Pure data (no CDKTF imports) so config validation and the plan can use it.
 */

export const CLOUD_SQL_EDITIONS = ['ENTERPRISE', 'ENTERPRISE_PLUS'] as const;
export type CloudSqlEdition = (typeof CLOUD_SQL_EDITIONS)[number];

/** Days of transaction logs Cloud SQL keeps at most: 7, or 35 on ENTERPRISE_PLUS for PostgreSQL and SQL Server. */
export const TRANSACTION_LOG_DAYS = { standard: 7, enterprisePlus: 35 } as const;

export interface CloudSqlEngineRow {
  readonly engine: string;
  readonly displayName: string;
  /** Versions as written in config (`16`), mapped to Cloud SQL's `database_version` (`POSTGRES_16`). */
  readonly versions: Readonly<Record<string, string>>;
  /** How point-in-time recovery is switched on: PostgreSQL/SQL Server use PITR, MySQL binary logs. */
  readonly pointInTimeRecovery: 'pitr' | 'binary-log';
  /** Whether ENTERPRISE_PLUS keeps up to 35 days of transaction logs for this engine. */
  readonly longLogRetentionOnEnterprisePlus: boolean;
}

export const CLOUD_SQL_ENGINE_TABLE: Readonly<Record<string, CloudSqlEngineRow>> = {
  postgres: {
    engine: 'postgres',
    displayName: 'PostgreSQL',
    versions: { '14': 'POSTGRES_14', '15': 'POSTGRES_15', '16': 'POSTGRES_16', '17': 'POSTGRES_17' },
    pointInTimeRecovery: 'pitr',
    longLogRetentionOnEnterprisePlus: true,
  },
};

/** Engines the Cloud SQL construct renders today. */
export const RENDERED_CLOUD_SQL_ENGINES = Object.keys(CLOUD_SQL_ENGINE_TABLE);
