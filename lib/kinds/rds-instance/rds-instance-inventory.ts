/** An RDS instance as a row of the environment's inventory (docs/inventory/<env>.md). */
import { recoveryColumns, cloudWatchAlarm, settingList, type InventoryContext, type KindInventoryEntry, roleColumns } from '../../inventory/inventory-columns';
import { awsConnectionContract } from '../../inventory/connection-contract-column';
import type { RdsInstancePlan } from '../../plan/plan-types';

export function rdsInstanceEntry(db: RdsInstancePlan, { rtoMinutes: rto, backupPlan }: InventoryContext): KindInventoryEntry {
  return {
    database: db.name,
    cloud: 'AWS',
    kind: 'RDS instance',
    engine: `${db.engine} ${db.engineVersion}`,
    size: `${db.instanceClass} (${db.size.vcpus} vCPU, ${db.size.memoryGiB} GiB)`,
    storage: `${db.allocatedStorageGiB} GiB gp3${db.maxAllocatedStorageGiB ? `, autoscaling to ${db.maxAllocatedStorageGiB} GiB` : ''}`,
    region: db.region,
    highAvailability: db.multiAz ? 'Multi-AZ' : 'single-AZ',
    replicas: db.replicas.map((replica) => ({ name: replica.identifier, region: replica.region })),
    encryptionKey: db.keyAlias,
    backups: `${db.recovery.backupRetentionDays} d`,
    backupPlan,
    ...recoveryColumns(db.recovery, rto),
    alarms: db.alarms.map(cloudWatchAlarm),
    notableSettings: settingList(db.parameters),
    ...roleColumns(db.accessPlan?.declared),
    connectionContract: awsConnectionContract(db.accessPlan, {
      readerEndpoint: db.replicas.some((replica) => !replica.crossRegion),
      proxyEndpoint: db.proxy,
    }),
  };
}
