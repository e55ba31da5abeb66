import type { PolicyRule } from '../policy-rule';

export const alarmsNotify: PolicyRule = {
  id: 'alarms-notify',
  title: 'Staging and production alarms reach someone',
  tiers: ['staging', 'production'],
  check: ({ alarmCount, notificationTargets: setting }) =>
    alarmCount > 0 && setting.value.length > 0
      ? undefined
      : {
          setting,
          message: alarmCount === 0 ? 'the database has no alarms' : 'alarms fire but notify nobody',
          fix: 'list at least one notification email for the environment',
        },
};
