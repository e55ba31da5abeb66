import type { PolicyRule } from '../policy-rule';

export const deletionProtection: PolicyRule = {
  id: 'deletion-protection',
  title: 'Staging and production databases refuse deletion',
  tiers: ['staging', 'production'],
  check: ({ deletionProtection: setting }) =>
    setting.value ? undefined : { setting, message: 'a staging or production database must have deletion protection', fix: 'set deletionProtection: true' },
};
