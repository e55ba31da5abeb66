/**
 * Checks on AWS Backup vaults and plans, shared by the backup constructs (for teams composing them directly) and the
 * config loader. Pure data, no CDK import.
 */
import type { PathProblem } from '../../../common/path-problem';

export interface VaultLockSettings {
  /** Recovery points cannot be deleted sooner; backup and copy jobs with a shorter retention fail. */
  readonly minRetentionDays: number;
  /** Backup and copy jobs with a longer retention fail. @default - no maximum */
  readonly maxRetentionDays?: number;
  /** Days until the lock becomes immutable (compliance mode). @default - governance mode: removable with permission */
  readonly changeableForDays?: number;
}

export interface BackupRuleSettings {
  readonly name: string;
  readonly retentionDays: number;
  /** Continuous backup (point-in-time restore) keeps at most 35 days. */
  readonly continuous?: boolean;
  readonly copyTo?: { readonly region: string; readonly retentionDays: number };
}

/** AWS Backup's limits (PutBackupVaultLockConfiguration; continuous backup). */
export const BACKUP_LIMITS = {
  lockRetentionDays: { min: 1, max: 36500 },
  /** AWS Backup enforces a 72-hour cooling-off period before a compliance lock becomes immutable. */
  changeableForDays: { min: 3, max: 36500 },
  continuousRetentionDays: { min: 1, max: 35 },
} as const;

const isDayCount = (days: number, min: number, max: number) => Number.isInteger(days) && days >= min && days <= max;

/** The lock's own ranges, for the vault named `vaultName`. */
export function vaultLockProblems(vaultName: string, lock: VaultLockSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  const { min, max } = BACKUP_LIMITS.lockRetentionDays;
  for (const field of ['minRetentionDays', 'maxRetentionDays'] as const) {
    const days = lock[field];
    if (days !== undefined && !isDayCount(days, min, max)) {
      problems.push({
        path: [field],
        value: days,
        message: `must be a whole number of days from ${min} to ${max} (AWS Backup Vault Lock limit) for vault ${vaultName}`,
        fix: `choose from ${min} to ${max}`,
      });
    }
  }
  if (lock.maxRetentionDays !== undefined && lock.maxRetentionDays <= lock.minRetentionDays) {
    problems.push({
      path: ['maxRetentionDays'],
      value: lock.maxRetentionDays,
      message: `must be greater than minRetentionDays (${lock.minRetentionDays}) for vault ${vaultName}`,
      fix: `raise it above ${lock.minRetentionDays}, or lower minRetentionDays`,
    });
  }
  const changeable = lock.changeableForDays;
  if (changeable !== undefined && !isDayCount(changeable, BACKUP_LIMITS.changeableForDays.min, BACKUP_LIMITS.changeableForDays.max)) {
    problems.push({
      path: ['changeableForDays'],
      value: changeable,
      message: `must be from ${BACKUP_LIMITS.changeableForDays.min} to ${BACKUP_LIMITS.changeableForDays.max} days for vault ${vaultName}: AWS Backup waits 72 hours before a compliance lock becomes immutable`,
      fix: 'choose 3 days or more, or remove it to keep the lock in governance mode',
    });
  }
  return problems;
}

/** Rules of a plan whose vault is in `region`: retentions, continuous backup, copies to another region. */
export function backupRuleProblems(region: string, rules: readonly BackupRuleSettings[]): PathProblem[] {
  const problems: PathProblem[] = [];
  rules.forEach((rule, i) => {
    if (!Number.isInteger(rule.retentionDays) || rule.retentionDays < 1) {
      problems.push({
        path: ['rules', i, 'retentionDays'],
        value: rule.retentionDays,
        message: `rule '${rule.name}' must keep recovery points at least 1 whole day`,
        fix: 'choose 1 day or more',
      });
    }
    const continuous = BACKUP_LIMITS.continuousRetentionDays;
    if (rule.continuous && rule.retentionDays > continuous.max) {
      problems.push({
        path: ['rules', i, 'retentionDays'],
        value: rule.retentionDays,
        message: `rule '${rule.name}' is a continuous backup, which keeps at most ${continuous.max} days`,
        fix: `lower it to ${continuous.max} or less, or make the rule a snapshot rule`,
      });
    }
    if (rule.copyTo && rule.copyTo.region === region) {
      problems.push({
        path: ['rules', i, 'copyTo', 'region'],
        value: rule.copyTo.region,
        message: `rule '${rule.name}' copies into its own region; a copy protects against losing the region only in another one`,
        fix: `copy to a vault in another region than ${region}`,
      });
    }
    if (rules.findIndex((other) => other.name === rule.name) !== i) {
      problems.push({ path: ['rules', i, 'name'], value: rule.name, message: 'names another rule of the plan already', fix: 'give every rule its own name' });
    }
  });
  return problems;
}

/**
 * Retentions that a locked vault would refuse: every backup kept in a vault, and every copy arriving in one, must
 * stay between the lock's minimum and maximum, or the job fails.
 */
export function retentionOutsideLock(
  lock: VaultLockSettings,
  retentions: ReadonlyArray<{ readonly what: string; readonly days: number }>,
): { readonly field: 'minRetentionDays' | 'maxRetentionDays'; readonly what: string; readonly days: number } | undefined {
  const tooShort = retentions.find((r) => r.days < lock.minRetentionDays);
  if (tooShort) return { field: 'minRetentionDays', ...tooShort };
  const tooLong = lock.maxRetentionDays === undefined ? undefined : retentions.find((r) => r.days > lock.maxRetentionDays!);
  return tooLong && { field: 'maxRetentionDays', ...tooLong };
}
