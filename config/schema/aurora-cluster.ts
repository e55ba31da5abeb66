/** An Aurora cluster (PostgreSQL or MySQL compatible), provisioned or Serverless v2, optionally global. */
import { z } from 'zod';
import { databaseCommonFields } from './fields';

export const AURORA_ENGINES = ['aurora-postgresql', 'aurora-mysql'] as const;

export const auroraCluster = z.strictObject({
  kind: z.literal('aurora-cluster'),
  ...databaseCommonFields,
  engine: z.enum(AURORA_ENGINES, { error: `must be one of ${AURORA_ENGINES.join(', ')}` }),
  version: z.string(),
  /** Provisioned writer/reader class; omit for Serverless v2. */
  instanceClass: z.string().optional(),
  serverlessV2: z.strictObject({ minCapacity: z.number(), maxCapacity: z.number() }).optional(),
  readers: z.int().min(0).max(15, { error: 'must be from 0 to 15 (Aurora limit)' }).default(0),
  backupRetentionDays: z.int().min(1, { error: 'must be from 1 to 35 days' }).max(35, { error: 'must be from 1 to 35 days (Aurora limit)' }).optional(),
  /** Regions of secondary clusters of a global database. */
  secondaryRegions: z.array(z.string()).default([]),
});

export type AuroraClusterConfig = z.output<typeof auroraCluster>;
