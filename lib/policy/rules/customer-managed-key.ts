import { ALL_TIERS, PolicyRule } from '../policy-rule';

export const customerManagedKey: PolicyRule = {
  id: 'customer-managed-key',
  title: "Every database is encrypted with its region's customer-managed key",
  tiers: ALL_TIERS,
  check: ({ customerManagedKey: setting }) =>
    setting.value
      ? undefined
      : { setting, message: 'is not encrypted with a customer-managed key', fix: 'place the database in a region listed in the environment, which has a key' },
};
