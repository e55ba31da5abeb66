/** A Google Cloud SQL instance (PostgreSQL, MySQL, SQL Server) and its read replicas. docs/cloud-sql.md explains each field. */
import { z } from 'zod';
import { CLOUD_SQL_DEFAULTS } from '../../constructs/gcp/tables/cloud-sql-defaults';
import { CLOUD_SQL_DISK_TYPES, CLOUD_SQL_EDITIONS, CLOUD_SQL_ENGINES, CLOUD_SQL_SSL_MODES } from '../../constructs/gcp/tables/cloud-sql-choices';
import { databaseAccessFields } from './database-access';
import { databaseCommonFields } from './fields';

export { CLOUD_SQL_ENGINES } from '../../constructs/gcp/tables/cloud-sql-choices';

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** Flag overrides by name; checked against the engine's allow-list of flags, types and ranges. */
const flagOverrides = z.record(z.string(), z.union([z.string(), z.number()])).default({});

const cloudSqlReplica = z.strictObject({
  /** The primary's region for a same-region replica; another region needs its own key (in gcp.regions). */
  region: z.string(),
  /** Defaults to the primary's tier. */
  tier: z.string().optional(),
  /** Defaults to the primary's disk size (a replica's disk is never smaller). */
  diskSizeGb: z.int().optional(),
  /** A standby of its own. Default: false. */
  highAvailability: z.boolean().default(false),
  /** The primary's disaster-recovery replica: ENTERPRISE_PLUS, in another region, at most one. */
  disasterRecovery: z.boolean().default(CLOUD_SQL_DEFAULTS.disasterRecovery),
  /** Flag overrides for this replica; they win over the primary's overrides and the tuned values. */
  flags: flagOverrides,
});

export const cloudSqlInstance = z.strictObject({
  kind: z.literal('cloudsql-instance'),
  ...databaseCommonFields,
  engine: oneOf(CLOUD_SQL_ENGINES),
  /** As written in docs/cloud-sql.md: `16` (PostgreSQL), `8.4` (MySQL), `2022-standard` (SQL Server). */
  version: z.string(),
  /** Always rendered explicitly: PostgreSQL 16+ defaults to ENTERPRISE_PLUS server-side, which rejects most tiers. */
  edition: oneOf(CLOUD_SQL_EDITIONS).default('ENTERPRISE'),
  /** Machine tier: shared-core (`db-g1-small`), `db-custom-<vCPU>-<memory MB>` or `db-perf-optimized-N-<vCPU>`. */
  tier: z.string(),
  diskSizeGb: z.int().min(10, { error: 'must be from 10 to 65536 GB' }).max(65536, { error: 'must be from 10 to 65536 GB' }),
  diskType: oneOf(CLOUD_SQL_DISK_TYPES).default(CLOUD_SQL_DEFAULTS.diskType),
  diskAutoresize: z.boolean().default(CLOUD_SQL_DEFAULTS.diskAutoresize),
  /** Largest size automatic growth may reach, above diskSizeGb; no limit when unset. */
  diskAutoresizeLimitGb: z.int().optional(),
  sslMode: oneOf(CLOUD_SQL_SSL_MODES).default(CLOUD_SQL_DEFAULTS.sslMode),
  /** Automated daily backups. Default: on. */
  backups: z.boolean().default(CLOUD_SQL_DEFAULTS.backups),
  /** Start of the daily backup window, HH:MM UTC. Default: CLOUD_SQL_DEFAULTS.backupStartTime. */
  backupStartTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be HH:MM (UTC)' })
    .optional()
    .meta({ default: CLOUD_SQL_DEFAULTS.backupStartTime }),
  /** A region or multi-region (`eu`, `us`, `asia`) for the backups. Default: the instance's region. */
  backupLocation: z
    .string()
    .regex(/^[a-z]+(-[a-z]+\d+)?$/, { error: 'must be a region (europe-west1) or a multi-region (eu, us, asia)' })
    .optional(),
  /** Retained automated backups, 1–365. Default: the tier's backup retention, at least 2 with point-in-time recovery. */
  retainedBackups: z.int().min(1, { error: 'must be from 1 to 365' }).max(365, { error: 'must be from 1 to 365' }).optional(),
  /**
   * Days of transaction (or binary) logs kept for point-in-time recovery: 1–7 (up to 35 on ENTERPRISE_PLUS for
   * PostgreSQL and SQL Server), fewer than retainedBackups. Default: the smaller of 7 and retainedBackups - 1.
   */
  transactionLogRetentionDays: z.int().min(1, { error: 'must be from 1 to 35 days' }).max(35, { error: 'must be from 1 to 35 days' }).optional(),
  /** MySQL's point-in-time recovery (and what its replicas replicate from). Default: the tier's pointInTimeRecovery. */
  binaryLog: z.boolean().optional(),
  /** IAM database authentication. Default: on for PostgreSQL and MySQL (SQL Server has none). */
  iamAuthentication: z.boolean().optional(),
  /** Password policy for local users (PostgreSQL, MySQL); `false` turns it off. Default: on with its defaults. */
  passwordPolicy: z
    .union([
      z.literal(false),
      z.strictObject({
        minLength: z.number().optional(),
        complexity: z.boolean().optional(),
        reuseInterval: z.number().optional(),
        disallowUsernameSubstring: z.boolean().optional(),
        passwordChangeInterval: z.string().optional(),
      }),
    ])
    .optional(),
  /** `true` takes the defaults; `false` turns Query Insights off. */
  queryInsights: z
    .union([
      z.boolean(),
      z.strictObject({
        queryStringLength: z.number().optional(),
        queryPlansPerMinute: z.number().optional(),
        recordApplicationTags: z.boolean().optional(),
        recordClientAddress: z.boolean().optional(),
      }),
    ])
    .optional(),
  /** pgaudit (PostgreSQL), the Cloud SQL audit plugin (MySQL), audit files to auditBucket (SQL Server). */
  auditLogging: z.boolean().default(CLOUD_SQL_DEFAULTS.auditLogging),
  /** SQL Server audit destination, `gs://<bucket>`. */
  auditBucket: z
    .string()
    .regex(/^gs:\/\/[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, { error: 'must be gs://<bucket name>' })
    .optional(),
  /** Secret Manager secret (`projects/<project>/secrets/<name>` or `<name>`) holding SQL Server's root password. */
  rootPasswordSecret: z.string().optional(),
  /** Default: Sunday 06:00 UTC, after the backups; `canary` below production, `stable` in production. */
  maintenanceWindow: z.strictObject({ day: z.number(), hour: z.number(), updateTrack: oneOf(['canary', 'stable', 'week5']).optional() }).optional(),
  /** At most 90 days without maintenance: `YYYY-MM-DD` dates, or `MM-DD` for a yearly period. */
  denyMaintenancePeriod: z.strictObject({ startDate: z.string(), endDate: z.string(), time: z.string().optional() }).optional(),
  /** ENTERPRISE_PLUS data cache. Default: on for ENTERPRISE_PLUS. */
  dataCache: z.boolean().optional(),
  /** Database flag overrides; they win over the tuned values. */
  flags: flagOverrides,
  replicas: z.array(cloudSqlReplica).default([]),
  /** Logical databases, extensions and the roles inside them (docs/database-access.md). */
  ...databaseAccessFields,
});

export type CloudSqlInstanceConfig = z.output<typeof cloudSqlInstance>;
export type CloudSqlReplicaConfig = CloudSqlInstanceConfig['replicas'][number];
