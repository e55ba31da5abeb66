/** A Cloud SQL instance as a row of the environment's inventory (docs/inventory/<env>.md). */
import { recoveryColumns, cloudSqlAlert, settingList, type InventoryContext, type KindInventoryEntry, roleColumns } from '../../inventory/inventory-columns';
import type { CloudSqlInstancePlan } from '../../plan/plan-types';
import { cloudSqlAccessLines } from './cloud-sql-access-inventory';

export function cloudSqlInstanceEntry(db: CloudSqlInstancePlan, { rtoMinutes: rto }: InventoryContext): KindInventoryEntry {
  return {
    database: db.name,
    cloud: 'Google Cloud',
    kind: 'Cloud SQL instance',
    engine: `${db.databaseVersion} (${db.edition})`,
    size: `${db.machineTier.name} (${db.machineTier.size.vcpus} vCPU, ${db.machineTier.size.memoryGiB} GiB)`,
    storage: `${db.diskSizeGb} GB SSD, autoresize`,
    region: db.region,
    highAvailability: db.availabilityType,
    replicas: db.replicas.map((replica) => ({ name: replica.instanceName, region: replica.region })),
    encryptionKey: db.keyId.replace(/^projects\/[^/]+\/locations\/[^/]+\//, ''),
    backups: `${db.recovery.retainedBackups} backups`,
    backupPlan: `Cloud SQL automated backups in ${db.region}`,
    ...recoveryColumns(db.recovery, rto),
    alarms: db.alerts.map(cloudSqlAlert),
    notableSettings: settingList(db.flags),
    ...roleColumns(db.accessPlan.declared),
    connectionContract: cloudSqlAccessLines(db.accessPlan),
  };
}
