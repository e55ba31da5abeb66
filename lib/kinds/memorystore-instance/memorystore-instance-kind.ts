/** Memorystore for Redis instances (caches and small stores), one CDKTF stack each. */
import { memorystoreServiceAgent } from '../../../constructs/gcp/tables/memorystore-table';
import type { DatabaseKindRow } from '../database-kind';
import { memorystoreInstanceEntry } from './memorystore-instance-inventory';
import { planMemorystoreInstance } from './memorystore-instance-plan';
import { memorystoreInstancePosture } from './memorystore-instance-posture';
import { memorystoreInstanceRules } from './memorystore-instance-rules';
import { resolveMemorystoreInstance } from './resolve-memorystore-instance';

export const memorystoreInstanceKind: DatabaseKindRow<'memorystore-instance'> = {
  kind: 'memorystore-instance',
  resolve: resolveMemorystoreInstance,
  // Read replicas and the failover replica live in the instance's own region.
  replicaRegions: () => [],
  rules: [memorystoreInstanceRules],
  plan: (env, db, context) => planMemorystoreInstance(env, db, context.gcpKey),
  stacks: (plan) => [{ type: 'memorystore-instance', plan }],
  posture: memorystoreInstancePosture,
  inventory: memorystoreInstanceEntry,
  keyServiceAgent: (projectNumber) => ({ id: 'MemorystoreServiceAgent', serviceAgent: memorystoreServiceAgent(projectNumber) }),
};
