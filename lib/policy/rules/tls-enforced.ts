import { ALL_TIERS, PolicyRule } from '../policy-rule';

export const tlsEnforced: PolicyRule = {
  id: 'tls-enforced',
  title: 'Every database refuses unencrypted connections',
  tiers: ALL_TIERS,
  check: ({ tlsEnforced: setting }) =>
    setting.value ? undefined : { setting, message: 'accepts unencrypted connections', fix: 'remove the override that turns TLS enforcement off' },
};
