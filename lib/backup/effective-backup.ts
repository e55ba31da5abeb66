/**
 * An environment's AWS Backup as its tier and config make it: the Vault Lock in force, which regions are backed up,
 * where copies go and every retention asked for. Pure derivations from the resolved config, below both the config
 * rules (lib/config/rules/aws-backup-rules.ts checks them) and the backup plan (lib/plan/backup-plan.ts builds on them).
 */
import { TIER_DEFAULTS } from '../../config/schema';
import { BACKUP_LIMITS, type VaultLockSettings } from '../../constructs/aws/backup/tables/backup-checks';
import { DATABASE_CLOUD } from '../config/database-cloud';
import type { ResolvedDatabase, ResolvedEnvironment } from '../config/resolved-environment';

export const awsDatabases = (env: ResolvedEnvironment) => env.databases.filter((db) => DATABASE_CLOUD[db.kind] === 'aws');
export const optOutOf = (env: ResolvedEnvironment, db: ResolvedDatabase) => env.aws?.backup.optOuts.find((o) => o.database === db.name);
export const tierRules = (env: ResolvedEnvironment) => TIER_DEFAULTS[env.tier].backupPlan.rules;
export const continuousRetentionDays = (env: ResolvedEnvironment) =>
  Math.min(BACKUP_LIMITS.continuousRetentionDays.max, TIER_DEFAULTS[env.tier].backupRetentionDays);

/** The Vault Lock of every vault: the environment's own, else the tier's. */
export function effectiveVaultLock(env: ResolvedEnvironment): VaultLockSettings | undefined {
  return env.aws?.backup.vaultLock ?? TIER_DEFAULTS[env.tier].backupPlan.vaultLock;
}

/** Where `source`'s backups are copied when the tier copies: the configured region, else the first other one. */
export function copyTargetRegion(env: ResolvedEnvironment, source: string): string | undefined {
  if (!env.aws || !TIER_DEFAULTS[env.tier].backupPlan.copyToAnotherRegion) return undefined;
  return env.aws.backup.copyRegions[source] ?? Object.keys(env.aws.regions).find((region) => region !== source);
}

/** Regions holding the primary of at least one database that is backed up. */
export function backedUpRegions(env: ResolvedEnvironment): string[] {
  return [
    ...new Set(
      awsDatabases(env)
        .filter((db) => !optOutOf(env, db))
        .map((db) => db.region),
    ),
  ];
}

/** Every retention a backup or copy job of this environment asks for, for checking against a Vault Lock. */
export function backupRetentions(env: ResolvedEnvironment): Array<{ what: string; days: number }> {
  const retentions = tierRules(env).flatMap((rule) => {
    const own = { what: `rule '${rule.name}'`, days: rule.retentionDays };
    return TIER_DEFAULTS[env.tier].backupPlan.copyToAnotherRegion ? [own, { what: `the copies of rule '${rule.name}'`, days: rule.retentionDays }] : [own];
  });
  if (env.aws?.backup.continuousBackupForRds) retentions.push({ what: 'the continuous backups of RDS instances', days: continuousRetentionDays(env) });
  return retentions;
}
