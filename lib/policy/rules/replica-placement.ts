import type { DatabaseCopy } from '../database-posture';
import type { PolicyRule } from '../policy-rule';

/** Why a copy's placement defeats its purpose, or undefined when it serves it. */
function misplaced(copy: DatabaseCopy, primary: { region: string; zone?: string }): string | undefined {
  if (copy.purpose === 'disaster-recovery' && copy.region === primary.region) {
    return `${copy.name} is meant for disaster recovery but sits in the primary's region ${primary.region}`;
  }
  if (copy.purpose === 'failover' && primary.zone !== undefined && copy.zone === primary.zone) {
    return `${copy.name} is meant for failover but sits in the primary's zone ${primary.zone}`;
  }
  return undefined;
}

export const replicaPlacement: PolicyRule = {
  id: 'replica-placement',
  title: 'Production replicas are placed where they serve their purpose (another region for disaster recovery, another zone for failover)',
  tiers: ['production'],
  check: ({ copies: setting, placement }) => {
    const problems = setting.value.flatMap((copy) => misplaced(copy, placement) ?? []);
    return problems.length === 0
      ? undefined
      : { setting, message: problems.join('; '), fix: 'place disaster-recovery replicas in another declared region and failover readers in other zones' };
  },
};
