/**
 * Aurora engines as rows of a table, like the RDS engine table (rds-engine-table.ts), whose parameter-name catalogs
 * and tuning they reuse by `parameterFamily`. Pure data: no CDK imports.
 *
 * Versions are full versions that cfn-lint 1.51 accepts for AWS::RDS::DBCluster and does not flag as deprecated
 * (test/aws/aurora-engine-table.test.ts checks cfn-lint's data). Each version says whether it can be part of a global
 * database and whether Serverless v2 can scale it to 0 ACU (auto-pause): AWS documents global databases for Aurora
 * MySQL 3.01.0+ and for every Aurora PostgreSQL minor we list, and auto-pause for Aurora PostgreSQL 13.15+, 14.12+,
 * 15.7+, 16.3+ and Aurora MySQL 3.08.0+ (docs/aurora.md, "Facts").
 */
import type { RdsParameterFamily } from '../../rds/tables/rds-engine-table';

export type AuroraEngine = 'aurora-postgresql' | 'aurora-mysql';

export interface AuroraVersionRow {
  readonly version: string;
  readonly globalDatabase: boolean;
  readonly scaleToZero: boolean;
}

export interface AuroraEngineRow {
  readonly engine: AuroraEngine;
  readonly displayName: string;
  /** The RDS family whose parameter names and tuning apply (rds-parameter-names.ts, rds-tuning.ts). */
  readonly parameterFamily: Extract<RdsParameterFamily, 'postgres' | 'mysql'>;
  readonly versions: readonly AuroraVersionRow[];
  /** `16.9` → `16`; `8.0.mysql_aurora.3.10.1` → `8.0`. */
  readonly majorOf: (version: string) => string;
  /** `16` → `aurora-postgresql16`; `8.0` → `aurora-mysql8.0`. */
  readonly familyOf: (major: string) => string;
  readonly defaultPort: number;
  /** Cluster parameters that refuse unencrypted connections. */
  readonly tlsParameters: Readonly<Record<string, string>>;
  /** Cluster parameters that turn on audit logging. */
  readonly auditParameters: Readonly<Record<string, string>>;
  /** CloudWatch Logs export types of the cluster. */
  readonly logExports: readonly string[];
  /** Log types the engine offers that we do not export on purpose (they record every statement with its data). */
  readonly unexportedLogTypes?: readonly string[];
  /** Parameter-name prefixes Aurora adds to the family's catalog. */
  readonly auroraParameterPrefixes: readonly string[];
  /** Backtrack (rewinding the cluster in place) exists for Aurora MySQL only. */
  readonly backtrack: boolean;
  /** Deadlocks: a CloudWatch metric (Aurora MySQL) or a filter on the exported log (Aurora PostgreSQL). */
  readonly deadlockSource: 'metric' | 'log';
}

const row = (version: string, scaleToZero = true): AuroraVersionRow => ({ version, globalDatabase: true, scaleToZero });

export const AURORA_ENGINE_TABLE: Readonly<Record<AuroraEngine, AuroraEngineRow>> = {
  'aurora-postgresql': {
    engine: 'aurora-postgresql',
    displayName: 'Aurora PostgreSQL',
    parameterFamily: 'postgres',
    versions: [row('14.20'), row('15.15'), row('16.9'), row('16.11'), row('17.6'), row('17.7')],
    majorOf: (version) => version.split('.')[0],
    familyOf: (major) => `aurora-postgresql${major}`,
    defaultPort: 5432,
    tlsParameters: { 'rds.force_ssl': '1' },
    auditParameters: {
      shared_preload_libraries: 'pg_stat_statements,pgaudit',
      'pgaudit.log': 'ddl,role',
      'pgaudit.role': 'rds_pgaudit',
    },
    logExports: ['postgresql'],
    auroraParameterPrefixes: ['apg_', 'aurora_'],
    backtrack: false,
    deadlockSource: 'log',
  },
  'aurora-mysql': {
    engine: 'aurora-mysql',
    displayName: 'Aurora MySQL',
    parameterFamily: 'mysql',
    versions: [row('8.0.mysql_aurora.3.08.2'), row('8.0.mysql_aurora.3.09.0'), row('8.0.mysql_aurora.3.10.1'), row('8.0.mysql_aurora.3.12.0')],
    majorOf: (version) => version.split('.').slice(0, 2).join('.'),
    familyOf: (major) => `aurora-mysql${major}`,
    defaultPort: 3306,
    tlsParameters: { require_secure_transport: 'ON' },
    // Aurora MySQL audits with its own server_audit_* parameters (no option group).
    auditParameters: { server_audit_logging: '1', server_audit_events: 'CONNECT,QUERY_DCL,QUERY_DDL' },
    logExports: ['audit', 'error', 'slowquery'],
    unexportedLogTypes: ['general'],
    auroraParameterPrefixes: ['aurora_', 'server_audit_', 'binlog_'],
    backtrack: true,
    deadlockSource: 'metric',
  },
};

export const AURORA_ENGINES_SUPPORTED = Object.keys(AURORA_ENGINE_TABLE) as AuroraEngine[];

export const auroraVersion = (row: AuroraEngineRow, version: string) => row.versions.find((v) => v.version === version);

/** Aurora limits checked at synth (DESIGN.md §3). */
export const AURORA_LIMITS = {
  maxReaders: 15,
  maxSecondaryRegions: 10,
  /** Serverless v2 capacity in ACUs, in steps of 0.5. */
  minAcu: 0,
  maxAcu: 256,
  /** Backtrack window, in hours. */
  maxBacktrackHours: 72,
  /** Auto-pause after 5 minutes to 24 hours of inactivity. */
  autoPauseMinutes: { min: 5, max: 24 * 60 },
  /** Failover order of an instance: RDS API reference, CreateDBInstance / ModifyDBInstance `PromotionTier`, "Valid Values: 0 - 15". */
  maxPromotionTier: 15,
} as const;

/** The writer is tier 0, readers 1, 2, … in order (the first reader is the preferred failover target), capped at the last tier. */
export const auroraPromotionTier = (index: number) => Math.min(index, AURORA_LIMITS.maxPromotionTier);
