/**
 * Environment tiers and their defaults (DESIGN.md §2). Every value is overridable per database; nothing
 * destructive is ever inferred from an environment's name, only from its tier or an explicit setting.
 */

export const TIERS = ['development', 'staging', 'production'] as const;
export type Tier = (typeof TIERS)[number];

/** What happens to a stateful resource when it leaves the template. */
export const REMOVAL_POLICIES = ['destroy', 'snapshot', 'retain'] as const;
export type RemovalPolicyName = (typeof REMOVAL_POLICIES)[number];

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
  },
  staging: {
    backupRetentionDays: 7,
    pointInTimeRecovery: true,
    highAvailability: true,
    deletionProtection: true,
    removalPolicy: 'snapshot',
    slowQueryThresholdMs: 500,
    recoveryTimeObjectiveMinutes: 4 * 60,
  },
  production: {
    backupRetentionDays: 35,
    pointInTimeRecovery: true,
    highAvailability: true,
    deletionProtection: true,
    removalPolicy: 'retain',
    slowQueryThresholdMs: 1000,
    recoveryTimeObjectiveMinutes: 60,
  },
};
