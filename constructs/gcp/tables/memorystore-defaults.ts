/** What a Memorystore for Redis instance gets when neither its props nor the config say otherwise. Pure data. */
import type { MemorystoreMaintenanceWindow } from './memorystore-checks';
import type { MemorystoreRedisVersion, MemorystoreSnapshotPeriod, MemorystoreUse } from './memorystore-table';

export const MEMORYSTORE_DEFAULTS = {
  version: '7.2' as MemorystoreRedisVersion,
  use: 'cache' as MemorystoreUse,
  snapshotPeriod: '24h' as MemorystoreSnapshotPeriod,
  /** Sunday 06:00 UTC, like the Cloud SQL instances: after the night's batch jobs, before Monday's traffic. */
  maintenanceWindow: { day: 7, hour: 6 } as MemorystoreMaintenanceWindow,
  /**
   * 80 % of 1,000 clients. Not verified here: Memorystore sets `maxclients` by capacity tier and we could not read
   * the page that lists it from this machine; 1,000 is the smallest limit we recall (M1), so the alert errs early.
   */
  connectedClientsThreshold: 800,
} as const;
