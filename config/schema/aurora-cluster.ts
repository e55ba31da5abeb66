/** An Aurora cluster (PostgreSQL or MySQL compatible), provisioned or Serverless v2, optionally global. */
import { z } from 'zod';
import type { AuroraEngine } from '../../constructs/aws/aurora/tables/aurora-engine-table';
import type { RdsInstanceClass } from '../../constructs/common/instance-catalog';
import { databaseAccessFields } from './database-access';
import { checkedChoice, databaseCommonFields } from './fields';
import { rdsConnectionFields } from './rds-instance';

export const AURORA_ENGINES = ['aurora-postgresql', 'aurora-mysql'] as const satisfies readonly AuroraEngine[];

export const auroraCluster = z.strictObject({
  kind: z.literal('aurora-cluster'),
  ...databaseCommonFields,
  engine: z.enum(AURORA_ENGINES, { error: `must be one of ${AURORA_ENGINES.join(', ')}` }),
  /** Full engine version, e.g. `16.9` or `8.0.mysql_aurora.3.10.1`. */
  version: z.string(),
  /** Provisioned writer/reader class; omit for Serverless v2. */
  instanceClass: checkedChoice<RdsInstanceClass>().optional(),
  /** Serverless v2 capacity in ACUs (0.5 steps); minCapacity 0 pauses an idle cluster after autoPauseMinutes. */
  serverlessV2: z.strictObject({ minCapacity: z.number(), maxCapacity: z.number(), autoPauseMinutes: z.int().optional() }).optional(),
  /** Readers besides the writer (0–15; checked by the rules). Default: 1 with high availability, else 0. */
  readers: z.int().optional(),
  backupRetentionDays: z.int().min(1, { error: 'must be from 1 to 35 days' }).max(35, { error: 'must be from 1 to 35 days (Aurora limit)' }).optional(),
  /** Daily UTC backup window `hh24:mi-hh24:mi`, ≥ 30 minutes. Default: `02:00-03:00`. */
  preferredBackupWindow: z.string().optional(),
  /** Weekly UTC maintenance window `ddd:hh24:mi-ddd:hh24:mi`. Default: `sun:04:00-sun:05:00`. */
  preferredMaintenanceWindow: z.string().optional(),
  /** Aurora MySQL only: rewind the cluster in place up to this many hours (≤ 72). Default: off. */
  backtrackHours: z.number().optional(),
  /** databaseName, port, credentials, passwordRotationDays, allowedCidrs, allowedSecurityGroupIds, alarmThresholds; `parameters` go to the cluster parameter group. */
  ...rdsConnectionFields,
  /** Instance parameter group overrides. */
  instanceParameters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** Alarm threshold overrides by alarm id, in the unit the Aurora alarm catalog states. */
  alarmThresholds: z.record(z.string(), z.number()).default({}),
  /** Regions of secondary clusters of a global database (≤ 10), each with its own region's key. */
  secondaryRegions: z.array(z.string()).default([]),
  /** Instances of each secondary cluster (1–15). Default: 1 in every tier. */
  secondaryReaders: z.int().optional(),
  ...databaseAccessFields,
});

export type AuroraClusterInput = z.input<typeof auroraCluster>;
export type AuroraClusterConfig = z.output<typeof auroraCluster>;
