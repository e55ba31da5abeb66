/**
 * A Memorystore for Redis instance (a cache or a small store). docs/memorystore.md explains each field; the limits
 * (size, read replicas, maintenance window) are checked by the kind's rules with the construct's own checks.
 */
import { z } from 'zod';
import { MEMORYSTORE_SNAPSHOT_CHOICES, MEMORYSTORE_USE_CHOICES, MEMORYSTORE_VERSIONS } from '../../constructs/gcp/tables/memorystore-table';
import { MEMORYSTORE_DEFAULTS } from '../../constructs/gcp/tables/memorystore-defaults';
import { databaseCommonFields } from './fields';

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const memorystoreInstance = z.strictObject({
  kind: z.literal('memorystore-instance'),
  ...databaseCommonFields,
  /** Redis version. */
  version: oneOf(MEMORYSTORE_VERSIONS).default(MEMORYSTORE_DEFAULTS.version),
  /** Memory in GB, 1–300. */
  memorySizeGb: z.number(),
  /** Read replicas behind a read endpoint, 0–5 (Standard Tier, at least 5 GB). Default: 0. */
  readReplicas: z.number().default(0),
  /** `cache` evicts the least recently used keys when full; `store` refuses writes instead. */
  use: oneOf(MEMORYSTORE_USE_CHOICES).default(MEMORYSTORE_DEFAULTS.use),
  /** RDB snapshot period (`1h`, `6h`, `12h`, `24h`) or `off`. Default: by tier (24h, 6h, 1h). */
  snapshotPeriod: oneOf(MEMORYSTORE_SNAPSHOT_CHOICES).optional(),
  /** ISO day (1 Monday … 7 Sunday) and hour (UTC) of the weekly one-hour window. Default: Sunday 06:00 UTC. */
  maintenanceWindow: z.strictObject({ day: z.number(), hour: z.number() }).optional().meta({ default: MEMORYSTORE_DEFAULTS.maintenanceWindow }),
  /** Connected clients above this open an incident. Default: 800. */
  connectedClientsAlert: z
    .int()
    .positive({ error: 'must be a positive whole number of clients' })
    .optional()
    .meta({ default: MEMORYSTORE_DEFAULTS.connectedClientsThreshold }),
});

export type MemorystoreInstanceConfig = z.output<typeof memorystoreInstance>;
