/**
 * Plans AWS Backup for an environment: a vault per region, plans by tier where databases live, and which plans
 * protect each AWS database. Selections go by resource type and a tag that each database stack carries.
 */
import type { DatabaseKind } from '../../config/schema';
import type { BackupRuleDefaults } from '../../config/schema/tiers';
import type { ResolvedDatabase, ResolvedEnvironment } from '../config/resolved-environment';
import type { AwsRegionPlan, BackupMembershipPlan, BackupPlanDefinition, BackupRulePlan } from './plan-types';
import { awsDatabases, continuousRetentionDays, copyTargetRegion, effectiveVaultLock, optOutOf, tierRules } from '../backup/effective-backup';
import { backupVaultName } from '../naming/names';

/** The tag a database stack carries to be selected; its value names the region's plan. */
export const BACKUP_TAG_KEY = 'backup-plan';
export const backupVaultArn = (environment: string, region: string, account: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${backupVaultName(environment)}`;
export const backupPlanName = (environment: string, region: string) => `${environment}-databases-${region}`;
const continuousPlanName = (environment: string, region: string) => `${environment}-rds-continuous-${region}`;

/** UTC, after most nightly batch work; monthly on the 1st. */
const SCHEDULES: Readonly<Record<BackupRuleDefaults['frequency'] | 'continuous', string>> = {
  daily: 'cron(0 3 * * ? *)',
  monthly: 'cron(0 4 1 * ? *)',
  continuous: 'cron(0 5 * * ? *)',
};

/**
 * How AWS Backup sees each AWS database kind (an Aurora cluster is backed up as a cluster). ElastiCache has no row:
 * AWS Backup's supported resource types do not include it (GetSupportedResourceTypes, AWS Backup API Reference), so
 * its own daily snapshots are its backup.
 */
const RESOURCE_ARN_PATTERNS: Readonly<Partial<Record<DatabaseKind, (region: string, account: string) => string>>> = {
  'rds-instance': (region, account) => `arn:aws:rds:${region}:${account}:db:*`,
  'aurora-cluster': (region, account) => `arn:aws:rds:${region}:${account}:cluster:*`,
  'dynamodb-table': (region, account) => `arn:aws:dynamodb:${region}:${account}:table/*`,
};

/** The region's vault and the plans of the databases whose primary is there. */
export function planRegionBackup(env: ResolvedEnvironment, region: string): Pick<AwsRegionPlan, 'backupVault' | 'backupPlans'> {
  const account = env.aws!.account;
  const backupVault = {
    name: backupVaultName(env.name),
    arn: backupVaultArn(env.name, region, account),
    lock: effectiveVaultLock(env),
    // A vault holding recovery points cannot be deleted; only a development vault (never in a plan) may go.
    removalPolicy: env.tier === 'development' ? 'destroy' : 'retain',
  } as const;
  const members = awsDatabases(env).filter((db) => db.region === region && RESOURCE_ARN_PATTERNS[db.kind] && !optOutOf(env, db));
  const selection = (kinds: readonly DatabaseKind[]) => ({
    resourceArnPatterns: kinds.flatMap((kind) => RESOURCE_ARN_PATTERNS[kind]?.(region, account) ?? []),
    tagKey: BACKUP_TAG_KEY,
    tagValue: backupPlanName(env.name, region),
  });
  const backupPlans: BackupPlanDefinition[] = [];
  if (members.length > 0 && tierRules(env).length > 0) {
    const copyRegion = copyTargetRegion(env, region);
    const rules = tierRules(env).map((rule): BackupRulePlan => ({
      name: rule.name,
      scheduleExpression: SCHEDULES[rule.frequency],
      retentionDays: rule.retentionDays,
      continuous: false,
      copyTo:
        copyRegion === undefined
          ? undefined
          : { region: copyRegion, vaultArn: backupVaultArn(env.name, copyRegion, account), retentionDays: rule.retentionDays },
    }));
    backupPlans.push({ name: backupPlanName(env.name, region), rules, selection: selection(Object.keys(RESOURCE_ARN_PATTERNS) as DatabaseKind[]) });
  }
  if (env.aws!.backup.continuousBackupForRds && members.some((db) => db.kind === 'rds-instance')) {
    backupPlans.push({
      name: continuousPlanName(env.name, region),
      rules: [{ name: 'continuous', scheduleExpression: SCHEDULES.continuous, retentionDays: continuousRetentionDays(env), continuous: true }],
      selection: selection(['rds-instance']),
    });
  }
  return { backupVault, backupPlans };
}

/** Which plans protect each AWS database, in config order. Each region's plans are computed once. */
export function planBackupMembership(env: ResolvedEnvironment): BackupMembershipPlan[] {
  const byRegion = new Map<string, Pick<AwsRegionPlan, 'backupVault' | 'backupPlans'>>();
  const regionBackup = (region: string) => {
    if (!byRegion.has(region)) byRegion.set(region, planRegionBackup(env, region));
    return byRegion.get(region)!;
  };
  return awsDatabases(env).map((db) => membershipOf(env, db, regionBackup(db.region)));
}

/** Which plans protect one AWS database (for a planner that needs only its own: linear, not quadratic, in N). */
export function planBackupMembershipOf(env: ResolvedEnvironment, db: ResolvedDatabase): BackupMembershipPlan {
  return membershipOf(env, db, planRegionBackup(env, db.region));
}

function membershipOf(env: ResolvedEnvironment, db: ResolvedDatabase, { backupPlans }: Pick<AwsRegionPlan, 'backupPlans'>): BackupMembershipPlan {
  const base = { database: db.name, kind: db.kind, region: db.region };
  if (!RESOURCE_ARN_PATTERNS[db.kind]) return { ...base, plans: [], summary: 'none (AWS Backup does not cover this kind; its own snapshots are its backup)' };
  const optOut = optOutOf(env, db);
  if (optOut) return { ...base, plans: [], optOutReason: optOut.reason, summary: `opted out: ${optOut.reason}` };
  const plans = backupPlans.filter((plan) =>
    plan.selection.resourceArnPatterns.some((pattern) => pattern === RESOURCE_ARN_PATTERNS[db.kind]?.(db.region, env.aws!.account)),
  );
  if (plans.length === 0) return { ...base, plans: [], summary: `none (the ${env.tier} tier has no AWS Backup plan)` };
  const rules = plans.flatMap((plan) => plan.rules);
  const copyRegions = [...new Set(rules.flatMap((rule) => (rule.copyTo ? [rule.copyTo.region] : [])))];
  const summary = `${rules.map((rule) => `${rule.name} ${rule.retentionDays} d`).join(', ')}${copyRegions.length > 0 ? `; copies in ${copyRegions.join(', ')}` : ''}`;
  return { ...base, plans: plans.map((plan) => plan.name), tag: { key: BACKUP_TAG_KEY, value: backupPlanName(env.name, db.region) }, summary };
}
