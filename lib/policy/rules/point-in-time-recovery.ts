import { ALL_TIERS, PolicyRule } from '../policy-rule';

export const pointInTimeRecovery: PolicyRule = {
  id: 'point-in-time-recovery',
  title: 'Every database can be restored to a point in time',
  tiers: ALL_TIERS,
  check: ({ pointInTimeRecovery: setting }) =>
    setting.value
      ? undefined
      : { setting, message: 'point-in-time recovery is off, so a restore loses everything since the last backup', fix: 'set pointInTimeRecovery: true' },
};
