/**
 * Environment tiers and their defaults (DESIGN.md §2). Every value is overridable per database; nothing
 * destructive is ever inferred from an environment's name, only from its tier or an explicit setting.
 */

export const TIERS = ['development', 'staging', 'production'] as const;
export type Tier = (typeof TIERS)[number];

/** What happens to a stateful resource when it leaves the template. */
export const REMOVAL_POLICIES = ['destroy', 'snapshot', 'retain'] as const;
export type RemovalPolicyName = (typeof REMOVAL_POLICIES)[number];

/** A rule of a tier's AWS Backup plan. */
export interface BackupRuleDefaults {
  readonly name: string;
  readonly frequency: 'daily' | 'monthly';
  readonly retentionDays: number;
}

/** The AWS Backup plan of a tier (DESIGN.md §2); every vault is encrypted with its region's customer-managed key. */
export interface BackupPlanDefaults {
  /** No rules: no plan (the vaults still exist). */
  readonly rules: readonly BackupRuleDefaults[];
  /** Copy every recovery point into another region's vault (aws.backup.copyRegions). */
  readonly copyToAnotherRegion: boolean;
  /** Vault Lock on every vault of the environment (aws.backup.vaultLock overrides it). */
  readonly vaultLock?: { readonly minRetentionDays: number; readonly maxRetentionDays?: number };
}

export interface TierDefaults {
  /** RDS/Aurora automated backup retention in days; Cloud SQL retained backups. */
  readonly backupRetentionDays: number;
  readonly pointInTimeRecovery: boolean;
  /** Multi-AZ (RDS) / REGIONAL availability (Cloud SQL). */
  readonly highAvailability: boolean;
  readonly deletionProtection: boolean;
  readonly removalPolicy: RemovalPolicyName;
  /** Statements slower than this are logged (PostgreSQL `log_min_duration_statement`). */
  readonly slowQueryThresholdMs: number;
  /**
   * The recovery time objective we state for the tier: how long a point-in-time restore into a new instance may
   * take. (A zone failure on Multi-AZ / REGIONAL fails over in minutes.) `dbctl restore-drill` measures it.
   */
  readonly recoveryTimeObjectiveMinutes: number;
  readonly backupPlan: BackupPlanDefaults;
}

export const TIER_DEFAULTS: Readonly<Record<Tier, TierDefaults>> = {
  development: {
    backupRetentionDays: 1,
    pointInTimeRecovery: true,
    highAvailability: false,
    deletionProtection: false,
    removalPolicy: 'destroy',
    slowQueryThresholdMs: 200,
    recoveryTimeObjectiveMinutes: 24 * 60,
    backupPlan: { rules: [], copyToAnotherRegion: false },
  },
  staging: {
    backupRetentionDays: 7,
    pointInTimeRecovery: true,
    highAvailability: true,
    deletionProtection: true,
    removalPolicy: 'snapshot',
    slowQueryThresholdMs: 500,
    recoveryTimeObjectiveMinutes: 4 * 60,
    // The AWS Backup copy keeps what the tier keeps (backupRetentionDays above): 7 days.
    backupPlan: { rules: [{ name: 'daily', frequency: 'daily', retentionDays: 7 }], copyToAnotherRegion: false },
  },
  production: {
    backupRetentionDays: 35,
    pointInTimeRecovery: true,
    highAvailability: true,
    deletionProtection: true,
    removalPolicy: 'retain',
    slowQueryThresholdMs: 1000,
    recoveryTimeObjectiveMinutes: 60,
    backupPlan: {
      rules: [
        { name: 'daily', frequency: 'daily', retentionDays: 35 },
        { name: 'monthly', frequency: 'monthly', retentionDays: 365 },
      ],
      copyToAnotherRegion: true,
      // Nobody can delete a recovery point before 35 days or keep one beyond a year (monthly backups).
      vaultLock: { minRetentionDays: 35, maxRetentionDays: 365 },
    },
  },
};
