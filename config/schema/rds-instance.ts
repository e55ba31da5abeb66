/** An RDS DB instance (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle). */
import { z } from 'zod';
import type { RdsEngine } from '../../constructs/aws/rds/tables/rds-engine-table';
import type { RdsInstanceClass } from '../../constructs/common/instance-catalog';
import { RDS_DEFAULTS } from '../../constructs/aws/rds/tables/rds-defaults';
import { databaseAccessFields } from './database-access';
import { checkedChoice, databaseCommonFields } from './fields';

export const RDS_ENGINES = [
  'postgres',
  'mysql',
  'mariadb',
  'sqlserver-ex',
  'sqlserver-web',
  'sqlserver-se',
  'sqlserver-ee',
  'oracle-se2',
  'oracle-ee',
] as const satisfies readonly RdsEngine[];

export const RDS_LICENSE_MODELS = ['license-included', 'bring-your-own-license', 'general-public-license', 'postgresql-license'] as const;
export const RDS_CREDENTIALS = ['rds-managed', 'secrets-manager'] as const;
/** Rotation period of a `secrets-manager` password when the config sets none: the constructs' default. */
export const DEFAULT_PASSWORD_ROTATION_DAYS = RDS_DEFAULTS.passwordRotationDays;

/** Fields RDS instances and Aurora clusters share: initial database, port, credentials, network access, overrides. */
export const rdsConnectionFields = {
  /** Name of the initial database; none is created when unset. */
  databaseName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'must start with a letter and contain letters, digits or underscores (at most 64)' })
    .optional(),
  port: z.int().min(1150, { error: 'must be from 1150 to 65535' }).max(65535, { error: 'must be from 1150 to 65535' }).optional(),
  /**
   * Master password: `rds-managed` (RDS keeps it in Secrets Manager and rotates it every 7 days) or `secrets-manager`
   * (a generated secret rotated by a Lambda function every `passwordRotationDays`). Never a literal.
   */
  credentials: z.enum(RDS_CREDENTIALS, { error: `must be one of ${RDS_CREDENTIALS.join(', ')}` }).default('rds-managed'),
  /** Rotation period of a `secrets-manager` password. Default: 30 (refused with `rds-managed`, which rotates every 7 days). */
  passwordRotationDays: z
    .int()
    .min(1, { error: 'must be from 1 to 365 days' })
    .max(365, { error: 'must be from 1 to 365 days' })
    .optional()
    // Documented default, applied by the plan: an explicit value is refused with `rds-managed` (it would do nothing).
    .meta({ default: DEFAULT_PASSWORD_ROTATION_DAYS }),
  /** CIDR blocks allowed to connect; 0.0.0.0/0 is refused. Nothing can connect when this and allowedSecurityGroupIds are empty. */
  allowedCidrs: z.array(z.cidrv4({ error: 'must be an IPv4 CIDR block' })).default([]),
  /** Security groups (of the database's region) allowed to connect. */
  allowedSecurityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, { error: 'must be a security group id such as sg-0a1b2c3d' })).default([]),
  /** Parameter overrides; they win over the tuned values. A name the engine family does not have is an error. */
  parameters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** Alarm threshold overrides by alarm id (e.g. `cpu-critical: 95`), in the unit the alarm catalog states. */
  alarmThresholds: z.record(z.string(), z.number()).default({}),
};

const rdsReplica = z.strictObject({
  /** Region of the replica: the primary's region for a same-region replica, another declared region for a cross-region one. */
  region: z.string(),
  /** Default: the primary's class. */
  instanceClass: checkedChoice<RdsInstanceClass>().optional(),
});

export const rdsInstance = z.strictObject({
  kind: z.literal('rds-instance'),
  ...databaseCommonFields,
  engine: z.enum(RDS_ENGINES, { error: `must be one of ${RDS_ENGINES.join(', ')}` }),
  /** Full engine version, e.g. `17.6` (a bare major such as `17` is rejected). */
  version: z.string(),
  /** DB instance class, e.g. `db.r6g.large`. */
  instanceClass: checkedChoice<RdsInstanceClass>(),
  /** Default: the engine's first allowed model (Oracle Enterprise Edition: bring-your-own-license). */
  licenseModel: z.enum(RDS_LICENSE_MODELS, { error: `must be one of ${RDS_LICENSE_MODELS.join(', ')}` }).optional(),
  allocatedStorageGiB: z.int().min(20, { error: 'must be at least 20 GiB (gp3)' }).max(65536, { error: 'must be at most 65536 GiB' }),
  /** Storage autoscaling limit; off when unset. */
  maxAllocatedStorageGiB: z.int().max(65536, { error: 'must be at most 65536 GiB' }).optional(),
  backupRetentionDays: z.int().min(0, { error: 'must be from 0 to 35 days' }).max(35, { error: 'must be from 0 to 35 days (RDS limit)' }).optional(),
  /** Daily UTC backup window `hh24:mi-hh24:mi`, ≥ 30 minutes. Default: `02:00-03:00`. */
  preferredBackupWindow: z.string().optional(),
  /** Weekly UTC maintenance window `ddd:hh24:mi-ddd:hh24:mi`, ≥ 30 minutes, apart from the backup window. Default: `sun:04:00-sun:05:00`. */
  preferredMaintenanceWindow: z.string().optional(),
  /** Replicate automated backups (and so point-in-time recovery) to this region, encrypted with its key. Default: none. */
  backupReplicationRegion: z.string().optional(),
  ...rdsConnectionFields,
  /** An RDS Proxy in front of the database (TLS required, IAM authentication). */
  proxy: z.boolean().default(false),
  replicas: z.array(rdsReplica).default([]),
  ...databaseAccessFields,
});

export type RdsInstanceInput = z.input<typeof rdsInstance>;
export type RdsInstanceConfig = z.output<typeof rdsInstance>;
