/** An RDS DB instance (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle). */
import { z } from 'zod';
import { databaseCommonFields } from './fields';

export const RDS_ENGINES = [
  'postgres', 'mysql', 'mariadb',
  'sqlserver-ex', 'sqlserver-web', 'sqlserver-se', 'sqlserver-ee',
  'oracle-se2', 'oracle-ee',
] as const;

const rdsReplica = z.strictObject({
  /** Region of the replica; the primary's region for a same-region replica. */
  region: z.string(),
  /** Defaults to the primary's class. */
  instanceClass: z.string().optional(),
});

export const rdsInstance = z.strictObject({
  kind: z.literal('rds-instance'),
  ...databaseCommonFields,
  engine: z.enum(RDS_ENGINES, { error: `must be one of ${RDS_ENGINES.join(', ')}` }),
  /** Full engine version, e.g. `17.6` (a bare major such as `17` is rejected). */
  version: z.string(),
  /** DB instance class, e.g. `db.r6g.large`. */
  instanceClass: z.string(),
  allocatedStorageGiB: z.int().min(20, { error: 'must be at least 20 GiB (gp3)' }).max(65536, { error: 'must be at most 65536 GiB' }),
  /** Storage autoscaling limit; off when unset. */
  maxAllocatedStorageGiB: z.int().max(65536, { error: 'must be at most 65536 GiB' }).optional(),
  backupRetentionDays: z.int().min(0, { error: 'must be from 0 to 35 days' }).max(35, { error: 'must be from 0 to 35 days (RDS limit)' }).optional(),
  /** Name of the initial database; none is created when unset. */
  databaseName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, { error: 'must start with a letter and contain letters, digits or underscores (≤ 63)' }).optional(),
  port: z.int().min(1150, { error: 'must be from 1150 to 65535' }).max(65535, { error: 'must be from 1150 to 65535' }).optional(),
  /** CIDR blocks allowed to connect; 0.0.0.0/0 is refused. Nothing can connect when empty. */
  allowedCidrs: z.array(z.cidrv4({ error: 'must be an IPv4 CIDR block' })).default([]),
  /** Parameter overrides; they win over the tuned values. */
  parameters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  replicas: z.array(rdsReplica).default([]),
});

export type RdsInstanceInput = z.input<typeof rdsInstance>;
export type RdsInstanceConfig = z.output<typeof rdsInstance>;
