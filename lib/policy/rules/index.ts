import type { PolicyRule } from '../policy-rule';
import { alarmsNotify } from './alarms-notify';
import { backupPlanMembership } from './backup-plan-membership';
import { backupRetention } from './backup-retention';
import { customerManagedKey } from './customer-managed-key';
import { deletionProtection } from './deletion-protection';
import { highAvailability } from './high-availability';
import { leastPrivilege } from './least-privilege';
import { pointInTimeRecovery } from './point-in-time-recovery';
import { privateNetwork } from './private-network';
import { replicaPlacement } from './replica-placement';
import { retainedOnRemoval } from './retained-on-removal';
import { tlsEnforced } from './tls-enforced';

/** Every policy rule; the README lists them with their tiers. */
export const POLICY_RULES: readonly PolicyRule[] = [
  highAvailability,
  deletionProtection,
  retainedOnRemoval,
  backupRetention,
  pointInTimeRecovery,
  customerManagedKey,
  tlsEnforced,
  privateNetwork,
  alarmsNotify,
  replicaPlacement,
  backupPlanMembership,
  leastPrivilege,
];
