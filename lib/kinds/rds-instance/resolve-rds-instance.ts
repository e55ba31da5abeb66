/** Tier defaults for an RDS instance. */
import type { RdsInstanceConfig, TierDefaults } from '../../../config/schema';
import type { ResolvedCommon, ResolvedRdsInstance } from '../../config/resolved-environment';

export function resolveRdsInstance(database: RdsInstanceConfig, common: ResolvedCommon, defaults: TierDefaults): ResolvedRdsInstance {
  return { ...database, ...common, backupRetentionDays: database.backupRetentionDays ?? defaults.backupRetentionDays };
}
