/** Tier defaults for a DynamoDB table. */
import type { DynamodbTableConfig, TierDefaults } from '../../../config/schema';
import type { ResolvedCommon, ResolvedDynamodbTable } from '../../config/resolved-environment';

export function resolveDynamodbTable(database: DynamodbTableConfig, common: ResolvedCommon, defaults: TierDefaults): ResolvedDynamodbTable {
  return {
    ...database,
    ...common,
    // Left unset with PITR off, so a period set next to `pointInTimeRecovery: false` is reported, not ignored.
    pointInTimeRecoveryDays: database.pointInTimeRecoveryDays ?? (common.pointInTimeRecovery ? defaults.backupRetentionDays : undefined),
  };
}
