import type { PolicyRule } from '../policy-rule';

export const retainedOnRemoval: PolicyRule = {
  id: 'retained-on-removal',
  title: 'Production databases are retained when removed from the template',
  tiers: ['production'],
  check: ({ removalPolicy: setting }) =>
    setting.value === 'retain'
      ? undefined
      : { setting, message: "a production database must be retained when it leaves the template (removalPolicy 'retain')", fix: "set removalPolicy: 'retain'" },
};
