/**
 * Cloud SQL engines as rows of a table. Pure data (no CDKTF imports) so config validation and the plan can use it.
 */
import type { CloudSqlEngine } from './cloud-sql-choices';
import { CloudSqlTuningInput, tuneMySql, tunePostgresForCloudSql, tuneSqlServer } from './cloud-sql-tuning';

/** Days of transaction logs Cloud SQL keeps at most: 7, or 35 on ENTERPRISE_PLUS for PostgreSQL and SQL Server. */
export const TRANSACTION_LOG_DAYS = { standard: 7, enterprisePlus: 35 } as const;

/** One version as written in config, and what Cloud SQL offers for it. */
export interface CloudSqlVersionRow {
  /** Cloud SQL's `database_version`, e.g. `POSTGRES_16`, `MYSQL_8_4`, `SQLSERVER_2022_STANDARD`. */
  readonly databaseVersion: string;
  /** @default true */
  readonly enterprisePlus?: boolean;
  /** Whether the version can have read replicas. @default true */
  readonly replicas?: boolean;
  /** @default true */
  readonly queryInsights?: boolean;
}

export interface CloudSqlEngineRow {
  readonly engine: CloudSqlEngine;
  readonly displayName: string;
  /** Prefix of every `database_version` of the engine, so a construct given only the version finds its row. */
  readonly databaseVersionPrefix: string;
  readonly versions: Readonly<Record<string, CloudSqlVersionRow>>;
  /** How point-in-time recovery is switched on: PostgreSQL/SQL Server use PITR, MySQL binary logs. */
  readonly pointInTimeRecovery: 'pitr' | 'binary-log';
  /** Whether ENTERPRISE_PLUS keeps up to 35 days of transaction logs for this engine. */
  readonly longLogRetentionOnEnterprisePlus: boolean;
  /** db-f1-micro / db-g1-small: not offered for SQL Server. */
  readonly sharedCoreTiers: boolean;
  /** Flag that turns IAM database authentication on; undefined where Cloud SQL has none (SQL Server). */
  readonly iamAuthenticationFlag?: string;
  /**
   * Whether the instance-level password validation policy exists for the engine, and with `password_change_interval`
   * (PostgreSQL only). SQL Server has no custom password policies on Cloud SQL.
   */
  readonly passwordPolicy: 'with-change-interval' | 'without-change-interval' | 'none';
  /** Audit logging: flags that load the audit extension, or SQL Server's audit files uploaded to a bucket. */
  readonly audit: { readonly flags: Readonly<Record<string, string>> } | 'bucket';
  /**
   * How a disaster-recovery replica is set up: designated by the primary's `replication_cluster`, or (SQL Server)
   * a cascadable cross-region replica.
   */
  readonly disasterRecoveryReplica: 'designated' | 'cascadable';
  /** Cloud SQL refuses to create the instance without a root password. */
  readonly requiresRootPassword: boolean;
  /** Flags a replica must hold at least as high as its primary (PostgreSQL hot standby refuses to start otherwise). */
  readonly replicaMinimumFlags: readonly string[];
  /**
   * Read replicas per primary. SQL Server: "You can create a maximum of 8 read replicas per primary instance" (Cloud
   * SQL for SQL Server, "Create read replicas"). PostgreSQL and MySQL: no per-primary limit is stated on the pages
   * read (create-replica, replication, quotas); unverified, so none is enforced.
   */
  readonly maxReadReplicas?: number;
  /** Flags tuned from the tier's size, the environment tier and the disk. */
  readonly tune: (input: CloudSqlTuningInput) => Record<string, string>;
}

export const CLOUD_SQL_ENGINE_TABLE: Readonly<Record<CloudSqlEngine, CloudSqlEngineRow>> = {
  postgres: {
    engine: 'postgres',
    displayName: 'PostgreSQL',
    databaseVersionPrefix: 'POSTGRES_',
    versions: {
      '14': { databaseVersion: 'POSTGRES_14' },
      '15': { databaseVersion: 'POSTGRES_15' },
      '16': { databaseVersion: 'POSTGRES_16' },
      '17': { databaseVersion: 'POSTGRES_17' },
    },
    pointInTimeRecovery: 'pitr',
    longLogRetentionOnEnterprisePlus: true,
    sharedCoreTiers: true,
    iamAuthenticationFlag: 'cloudsql.iam_authentication',
    passwordPolicy: 'with-change-interval',
    // pgaudit also needs `CREATE EXTENSION pgaudit` in each database (docs/cloud-sql.md).
    audit: { flags: { 'cloudsql.enable_pgaudit': 'on', 'pgaudit.log': 'ddl,role' } },
    disasterRecoveryReplica: 'designated',
    requiresRootPassword: false,
    replicaMinimumFlags: ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'],
    tune: tunePostgresForCloudSql,
  },
  mysql: {
    engine: 'mysql',
    displayName: 'MySQL',
    databaseVersionPrefix: 'MYSQL_',
    versions: {
      '8.0': { databaseVersion: 'MYSQL_8_0' },
      '8.4': { databaseVersion: 'MYSQL_8_4' },
    },
    pointInTimeRecovery: 'binary-log',
    longLogRetentionOnEnterprisePlus: false,
    sharedCoreTiers: true,
    iamAuthenticationFlag: 'cloudsql_iam_authentication',
    passwordPolicy: 'without-change-interval',
    // Audit rules are then created with the plugin's stored procedures (docs/cloud-sql.md).
    audit: { flags: { cloudsql_mysql_audit: 'ON' } },
    disasterRecoveryReplica: 'designated',
    requiresRootPassword: false,
    replicaMinimumFlags: [],
    tune: tuneMySql,
  },
  sqlserver: {
    engine: 'sqlserver',
    displayName: 'SQL Server',
    databaseVersionPrefix: 'SQLSERVER_',
    versions: {
      // Replicas need SQL Server Enterprise; ENTERPRISE_PLUS is offered for the Enterprise versions only.
      '2019-enterprise': { databaseVersion: 'SQLSERVER_2019_ENTERPRISE' },
      '2019-standard': { databaseVersion: 'SQLSERVER_2019_STANDARD', enterprisePlus: false, replicas: false },
      '2019-web': { databaseVersion: 'SQLSERVER_2019_WEB', enterprisePlus: false, replicas: false },
      '2019-express': { databaseVersion: 'SQLSERVER_2019_EXPRESS', enterprisePlus: false, replicas: false, queryInsights: false },
      '2022-enterprise': { databaseVersion: 'SQLSERVER_2022_ENTERPRISE' },
      '2022-standard': { databaseVersion: 'SQLSERVER_2022_STANDARD', enterprisePlus: false, replicas: false },
      '2022-web': { databaseVersion: 'SQLSERVER_2022_WEB', enterprisePlus: false, replicas: false },
      '2022-express': { databaseVersion: 'SQLSERVER_2022_EXPRESS', enterprisePlus: false, replicas: false, queryInsights: false },
    },
    pointInTimeRecovery: 'pitr',
    longLogRetentionOnEnterprisePlus: true,
    sharedCoreTiers: false,
    passwordPolicy: 'none',
    audit: 'bucket',
    disasterRecoveryReplica: 'cascadable',
    requiresRootPassword: true,
    replicaMinimumFlags: [],
    maxReadReplicas: 8,
    tune: tuneSqlServer,
  },
};

/** The row and version of a Cloud SQL `database_version`, for constructs that are given only that. */
export function cloudSqlVersionOf(databaseVersion: string): { row: CloudSqlEngineRow; version: CloudSqlVersionRow } | undefined {
  for (const row of Object.values(CLOUD_SQL_ENGINE_TABLE)) {
    const version = Object.values(row.versions).find((v) => v.databaseVersion === databaseVersion);
    if (version) return { row, version };
  }
  return undefined;
}
