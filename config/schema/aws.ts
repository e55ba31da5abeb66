/** The AWS side of an environment: account, regions with their network, and alarm notifications. */
import { z } from 'zod';
import { awsRegion, emailList, reasonText } from './fields';

const availabilityZones = z
  .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+[a-z]$/, { error: 'must be an availability zone such as eu-west-1a' }))
  .min(2, { error: 'must list at least 2 availability zones (RDS subnet groups need 2)' });

/** An existing VPC, given by attributes so synth needs no lookup (and no credentials). */
const existingNetwork = z.strictObject({
  type: z.literal('existing'),
  vpcId: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, { error: 'must be a VPC id such as vpc-0a1b2c3d4e5f67890' }),
  availabilityZones,
  /** Private subnets, one per availability zone, in the same order. */
  privateSubnetIds: z
    .array(z.string().regex(/^subnet-[0-9a-f]{8,17}$/, { error: 'must be a subnet id such as subnet-0a1b2c3d' }))
    .min(2, { error: 'must list at least 2 private subnets' }),
});

/** A VPC created for the databases, with isolated subnets only (no internet route) in explicit AZs. */
const isolatedNetwork = z.strictObject({
  type: z.literal('isolated'),
  cidr: z.cidrv4({ error: 'must be an IPv4 CIDR block such as 10.20.0.0/16' }),
  availabilityZones,
});

export const awsNetwork = z.discriminatedUnion('type', [existingNetwork, isolatedNetwork], {
  error: "network.type must be 'existing' (vpcId, privateSubnetIds, availabilityZones) or 'isolated' (cidr, availabilityZones)",
});

export const awsRegionSettings = z.strictObject({
  network: awsNetwork,
});

/** AWS Backup of the environment's databases; the tier decides the plan (config/schema/tiers.ts). */
export const awsBackupSettings = z.strictObject({
  /**
   * Where each region's backups are copied, source region → target region, both in aws.regions (used when the tier
   * copies: production). Default: the first other region of aws.regions.
   */
  copyRegions: z.record(awsRegion, awsRegion).default({}),
  /** Vault Lock of every vault, instead of the tier's. Governance mode unless changeableForDays is set. */
  vaultLock: z.strictObject({ minRetentionDays: z.int(), maxRetentionDays: z.int().optional(), changeableForDays: z.int().optional() }).optional(),
  /** Continuous backup (point-in-time restore from AWS Backup, at most 35 days) of RDS instances, next to snapshots. */
  continuousBackupForRds: z.boolean().default(false),
  /** Databases kept out of the backup plan; each needs a reason. */
  optOuts: z
    .array(
      z.strictObject({
        database: z.string(),
        reason: reasonText('must say why the database needs no AWS Backup plan (at least 10 characters)'),
      }),
    )
    .default([]),
});

export const awsSettings = z.strictObject({
  account: z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' }),
  /** Where databases go unless they name a region. Must be one of `regions`. */
  primaryRegion: awsRegion,
  /** Every region the environment uses; each gets a foundation stack with its own KMS key and alarm topic. */
  regions: z.record(awsRegion, awsRegionSettings),
  notifications: z
    .strictObject({
      /** Subscribed to the alarm topic of every region. */
      emails: emailList.default([]),
    })
    .default({ emails: [] }),
  backup: awsBackupSettings.default({ copyRegions: {}, continuousBackupForRds: false, optOuts: [] }),
});

export type AwsSettingsInput = z.input<typeof awsSettings>;
export type AwsSettings = z.output<typeof awsSettings>;
export type AwsNetwork = z.output<typeof awsNetwork>;
export type AwsBackupSettings = z.output<typeof awsBackupSettings>;
