import type { PolicyRule } from '../policy-rule';

/** A week covers a bad deploy found after a weekend; production defaults to 35 days. */
const MINIMUM_DAYS = 7;

export const backupRetention: PolicyRule = {
  id: 'backup-retention',
  title: `Staging and production keep at least ${MINIMUM_DAYS} days (or backups) of automated backups`,
  tiers: ['staging', 'production'],
  check: ({ backupRetentionDays: setting }) =>
    setting.value >= MINIMUM_DAYS
      ? undefined
      : {
          setting,
          message: `keeps less than the ${MINIMUM_DAYS} days of backups staging and production need`,
          fix: `keep at least ${MINIMUM_DAYS} (production defaults to 35)`,
        },
};
