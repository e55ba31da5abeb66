/** Tier defaults for an Aurora cluster. */
import type { AuroraClusterConfig, TierDefaults } from '../../../config/schema';
import type { ResolvedAuroraCluster, ResolvedCommon } from '../../config/resolved-environment';

export function resolveAuroraCluster(database: AuroraClusterConfig, common: ResolvedCommon, defaults: TierDefaults): ResolvedAuroraCluster {
  return {
    ...database,
    ...common,
    backupRetentionDays: database.backupRetentionDays ?? defaults.backupRetentionDays,
    // High availability on Aurora is a reader in another zone to fail over to. A secondary cluster needs one
    // instance in every tier (to serve reads and to fail over to), so its default does not follow HA.
    readers: database.readers ?? (common.highAvailability ? 1 : 0),
    secondaryReaders: database.secondaryReaders ?? 1,
  };
}
