/** Merges the tier defaults (config/schema/tiers.ts) into every database that does not set its own value. */
import { ParsedEnvironment, TIER_DEFAULTS } from '../../config/schema';
import { DATABASE_CLOUD } from './database-cloud';
import { resolveCloudSqlInstance } from '../kinds/cloudsql-instance/resolve-cloudsql-instance';
import type { ResolvedDatabase, ResolvedEnvironment } from './resolved-environment';

export function resolveDefaults(name: string, parsed: ParsedEnvironment): ResolvedEnvironment {
  const defaults = TIER_DEFAULTS[parsed.tier];
  const databases = parsed.databases.map((database): ResolvedDatabase => {
    const cloud = DATABASE_CLOUD[database.kind];
    const primaryRegion = cloud === 'aws' ? parsed.aws?.primaryRegion : parsed.gcp?.primaryRegion;
    const common = {
      region: database.region ?? primaryRegion ?? '',
      tags: { ...parsed.tags, ...database.tags },
      highAvailability: database.highAvailability ?? defaults.highAvailability,
      deletionProtection: database.deletionProtection ?? defaults.deletionProtection,
      removalPolicy: database.removalPolicy ?? defaults.removalPolicy,
      pointInTimeRecovery: database.pointInTimeRecovery ?? defaults.pointInTimeRecovery,
    };
    switch (database.kind) {
      case 'rds-instance':
        return { ...database, ...common, backupRetentionDays: database.backupRetentionDays ?? defaults.backupRetentionDays };
      case 'aurora-cluster':
        return {
          ...database,
          ...common,
          backupRetentionDays: database.backupRetentionDays ?? defaults.backupRetentionDays,
          // High availability on Aurora is a reader in another zone to fail over to. A secondary cluster needs one
          // instance in every tier (to serve reads and to fail over to), so its default does not follow HA.
          readers: database.readers ?? (common.highAvailability ? 1 : 0),
          secondaryReaders: database.secondaryReaders ?? 1,
        };
      case 'dynamodb-table':
        return {
          ...database,
          ...common,
          // Left unset with PITR off, so a period set next to `pointInTimeRecovery: false` is reported, not ignored.
          pointInTimeRecoveryDays: database.pointInTimeRecoveryDays ?? (common.pointInTimeRecovery ? defaults.backupRetentionDays : undefined),
        };
      case 'cloudsql-instance':
        return resolveCloudSqlInstance(database, common, defaults);
    }
  });
  return {
    name,
    tier: parsed.tier,
    description: parsed.description,
    tags: parsed.tags,
    aws: parsed.aws,
    gcp: parsed.gcp,
    databases,
    approvedReplacements: parsed.approvedReplacements,
  };
}
