/** Tier defaults for a Memorystore for Redis instance: snapshot period, maintenance window, client alert, removal. */
import type { MemorystoreInstanceConfig, Tier, TierDefaults } from '../../../config/schema';
import { MEMORYSTORE_DEFAULTS } from '../../../constructs/gcp/tables/memorystore-defaults';
import type { MemorystoreSnapshotPeriod } from '../../../constructs/gcp/tables/memorystore-table';
import type { ResolvedCommon, ResolvedMemorystoreInstance } from '../../config/resolved-environment';

/**
 * RDB snapshot period by environment tier: the cache's recovery point objective. A development cache can be
 * refilled from its source; staging loses at most a quarter day, production an hour of keys when every node fails.
 */
export const MEMORYSTORE_SNAPSHOT_PERIOD_BY_TIER: Readonly<Record<Tier, MemorystoreSnapshotPeriod>> = {
  development: '24h',
  staging: '6h',
  production: '1h',
};

export function resolveMemorystoreInstance(
  database: MemorystoreInstanceConfig,
  common: ResolvedCommon,
  defaults: TierDefaults,
  tier: Tier,
): ResolvedMemorystoreInstance {
  return {
    ...database,
    ...common,
    // The tier's 'snapshot' means a final snapshot on removal, which Memorystore for Redis does not take (the 6.50
    // google_redis_instance has no such setting, and its RDB snapshots go with the instance): keep it instead.
    // Written explicitly, 'snapshot' is refused by the kind's rules.
    removalPolicy: database.removalPolicy ?? (defaults.removalPolicy === 'snapshot' ? 'retain' : common.removalPolicy),
    snapshotPeriod: database.snapshotPeriod ?? MEMORYSTORE_SNAPSHOT_PERIOD_BY_TIER[tier],
    maintenanceWindow: database.maintenanceWindow ?? MEMORYSTORE_DEFAULTS.maintenanceWindow,
    connectedClientsAlert: database.connectedClientsAlert ?? MEMORYSTORE_DEFAULTS.connectedClientsThreshold,
  };
}
