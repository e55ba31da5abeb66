/**
 * Merges the tier defaults (config/schema/tiers.ts) into every database that does not set its own value: the fields
 * all kinds share here, the rest by the database's kind (lib/kinds).
 */
import { ParsedEnvironment, TIER_DEFAULTS } from '../../config/schema';
import { DATABASE_CLOUD } from '../config/database-cloud';
import { rowOf } from '../kinds/registry';
import type { ResolvedDatabase, ResolvedEnvironment } from '../config/resolved-environment';

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
    return rowOf(database.kind).resolve(database, common, defaults, parsed.tier);
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
