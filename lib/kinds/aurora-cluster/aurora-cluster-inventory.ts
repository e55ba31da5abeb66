/** An Aurora cluster as a row of the environment's inventory (docs/inventory/<env>.md). */
import { recoveryColumns, cloudWatchAlarm, settingList, type InventoryContext, type KindInventoryEntry, roleColumns } from '../../inventory/inventory-columns';
import { awsConnectionContract } from '../../inventory/connection-contract-column';
import type { AuroraClusterPlan } from '../../plan/plan-types';

export function auroraClusterEntry(db: AuroraClusterPlan, { rtoMinutes: rto, backupPlan }: InventoryContext): KindInventoryEntry {
  const capacity = db.capacity;
  const secondaries = db.global?.secondaries ?? [];
  return {
    database: db.name,
    cloud: 'AWS',
    kind: secondaries.length > 0 ? 'Aurora global database' : 'Aurora cluster',
    engine: `${db.engine} ${db.engineVersion}`,
    size:
      capacity.mode === 'provisioned'
        ? `${capacity.instanceClass} (${capacity.size.vcpus} vCPU, ${capacity.size.memoryGiB} GiB) × ${db.instances.length}`
        : `Serverless v2 ${capacity.minCapacity}–${capacity.maxCapacity} ACU × ${db.instances.length}${capacity.autoPauseMinutes ? `, pauses after ${capacity.autoPauseMinutes} min` : ''}`,
    storage: 'Aurora cluster volume (grows to 128 TiB)',
    region: db.region,
    highAvailability: `writer + ${db.instances.length - 1} reader(s) over ${new Set(db.instances.map((i) => i.availabilityZone)).size} AZ`,
    replicas: [
      ...db.instances.filter((i) => i.role === 'reader').map((i) => ({ name: i.identifier, region: db.region })),
      ...secondaries.map((s) => ({ name: s.clusterIdentifier, region: s.region })),
    ],
    encryptionKey: db.keyAlias,
    backups: `${db.recovery.backupRetentionDays} d${db.recovery.backtrackHours ? `, backtrack ${db.recovery.backtrackHours} h` : ''}`,
    backupPlan,
    ...recoveryColumns(db.recovery, rto),
    alarms: [...db.clusterAlarms, ...db.instances.flatMap((i) => i.alarms)].map(cloudWatchAlarm),
    notableSettings: [...settingList(db.clusterParameters), ...settingList(db.instanceParameters)],
    ...roleColumns(db.accessPlan?.declared),
    connectionContract: awsConnectionContract(db.accessPlan, { readerEndpoint: true, proxyEndpoint: false }),
  };
}
