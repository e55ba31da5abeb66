/** A Google Cloud SQL instance (PostgreSQL, MySQL, SQL Server). */
import { z } from 'zod';
import { CLOUD_SQL_EDITIONS } from '../../constructs/gcp/cloud-sql-engine-table';
import { databaseCommonFields } from './fields';

export const CLOUD_SQL_ENGINES = ['postgres', 'mysql', 'sqlserver'] as const;

const cloudSqlReplica = z.strictObject({
  region: z.string(),
  /** Defaults to the primary's tier. */
  tier: z.string().optional(),
});

export const cloudSqlInstance = z.strictObject({
  kind: z.literal('cloudsql-instance'),
  ...databaseCommonFields,
  engine: z.enum(CLOUD_SQL_ENGINES, { error: `must be one of ${CLOUD_SQL_ENGINES.join(', ')}` }),
  /** Major version as Cloud SQL names it: `16` for PostgreSQL, `8.0` for MySQL. */
  version: z.string(),
  /** Always explicit: PostgreSQL 16+ defaults to ENTERPRISE_PLUS server-side, which rejects most tiers. */
  edition: z.enum(CLOUD_SQL_EDITIONS, { error: `must be one of ${CLOUD_SQL_EDITIONS.join(', ')}` }).default('ENTERPRISE'),
  /** Machine tier: shared-core (`db-g1-small`) or `db-custom-<vCPU>-<memory MB>`. */
  tier: z.string(),
  diskSizeGb: z.int().min(10, { error: 'must be from 10 to 65536 GB' }).max(65536, { error: 'must be from 10 to 65536 GB' }),
  /** Retained automated backups, 1–365. Default: the tier's backup retention, at least 2 with point-in-time recovery. */
  retainedBackups: z.int().min(1, { error: 'must be from 1 to 365' }).max(365, { error: 'must be from 1 to 365' }).optional(),
  /**
   * Days of transaction logs kept for point-in-time recovery: 1–7 (up to 35 on ENTERPRISE_PLUS for PostgreSQL and
   * SQL Server), fewer than retainedBackups. Default: the smaller of 7 and retainedBackups - 1.
   */
  transactionLogRetentionDays: z.int().min(1, { error: 'must be from 1 to 35 days' }).max(35, { error: 'must be from 1 to 35 days' }).optional(),
  /** Database flag overrides; they win over the tuned values. */
  flags: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  replicas: z.array(cloudSqlReplica).default([]),
});

export type CloudSqlInstanceConfig = z.output<typeof cloudSqlInstance>;
