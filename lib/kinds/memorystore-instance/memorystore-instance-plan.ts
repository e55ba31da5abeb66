/** Plans one Memorystore for Redis instance: name, tier, replicas, the region's key, snapshots, alerts. */
import { memorystoreAlerts } from '../../../constructs/gcp/tables/memorystore-alerts';
import { MEMORYSTORE_SNAPSHOT_PERIODS } from '../../../constructs/gcp/tables/memorystore-table';
import type { ResolvedEnvironment, ResolvedMemorystoreInstance } from '../../config/resolved-environment';
import { toGcpLabels } from '../../naming/gcp-labels';
import { databaseIdentifier, memorystoreStackName } from '../../naming/names';
import type { GcpRegionKeyPlan, MemorystoreInstancePlan } from '../../plan/plan-types';

export function planMemorystoreInstance(
  env: ResolvedEnvironment,
  db: ResolvedMemorystoreInstance,
  keyFor: (region: string) => GcpRegionKeyPlan,
): MemorystoreInstancePlan {
  const instanceName = databaseIdentifier(env.name, db.name);
  return {
    name: db.name,
    instanceName,
    stackName: memorystoreStackName(env.name, db.name),
    projectId: env.gcp!.projectId,
    region: db.region,
    version: db.version,
    memorySizeGb: db.memorySizeGb,
    highAvailability: db.highAvailability,
    readReplicas: db.readReplicas,
    use: db.use,
    keyId: keyFor(db.region).keyId,
    privateNetwork: env.gcp!.privateNetwork,
    snapshotPeriod: db.snapshotPeriod,
    // Writes since the newest snapshot are lost when every node fails: the period is the worst case.
    rpoMinutes: db.snapshotPeriod === 'off' ? undefined : MEMORYSTORE_SNAPSHOT_PERIODS[db.snapshotPeriod].minutes,
    maintenanceWindow: db.maintenanceWindow,
    // The 6.50 google_redis_instance has no deletion_protection: Terraform's prevent_destroy is the protection.
    preventDestroy: db.deletionProtection || db.removalPolicy === 'retain',
    alerts: memorystoreAlerts({ instanceName, use: db.use, highAvailability: db.highAvailability, connectedClientsThreshold: db.connectedClientsAlert }),
    labels: toGcpLabels(db.tags),
  };
}
