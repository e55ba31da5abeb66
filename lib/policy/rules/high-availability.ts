import type { PolicyRule } from '../policy-rule';

export const highAvailability: PolicyRule = {
  id: 'high-availability',
  title: 'Production databases run Multi-AZ (RDS) or REGIONAL (Cloud SQL)',
  tiers: ['production'],
  check: ({ highAvailability: setting }) =>
    setting.value
      ? undefined
      : { setting, message: 'a production database must survive the loss of a zone (Multi-AZ / REGIONAL)', fix: 'set highAvailability: true' },
};
