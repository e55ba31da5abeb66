/** A Memorystore for Redis instance as a row of the environment's inventory: its RPO is its snapshot period. */
import { cloudSqlAlert, formatMinutes, type InventoryContext, type KindInventoryEntry } from '../../inventory/inventory-columns';
import { MEMORYSTORE_USES } from '../../../constructs/gcp/tables/memorystore-table';
import type { MemorystoreInstancePlan } from '../../plan/plan-types';

export function memorystoreInstanceEntry(db: MemorystoreInstancePlan, { rtoMinutes: rto }: InventoryContext): KindInventoryEntry {
  return {
    database: db.name,
    cloud: 'Google Cloud',
    kind: 'Memorystore for Redis instance',
    engine: `Redis ${db.version} (${db.use})`,
    size: `${db.memorySizeGb} GB`,
    storage: 'in memory',
    region: db.region,
    highAvailability: db.highAvailability ? 'STANDARD_HA' : 'BASIC',
    replicas: Array.from({ length: db.readReplicas }, (_, n) => ({ name: `${db.instanceName} read replica ${n + 1}`, region: db.region })),
    encryptionKey: db.keyId.replace(/^projects\/[^/]+\/locations\/[^/]+\//, ''),
    backups: db.snapshotPeriod === 'off' ? 'none' : `newest RDB snapshot (every ${db.snapshotPeriod})`,
    backupPlan: 'none (RDB snapshots restore the instance itself; no backup leaves it)',
    pitrWindow: 'none (a cache has no point-in-time recovery)',
    rpo: db.rpoMinutes === undefined ? 'no snapshots' : formatMinutes(db.rpoMinutes),
    rto: formatMinutes(rto),
    alarms: db.alerts.map(cloudSqlAlert),
    notableSettings: [`maxmemory-policy=${MEMORYSTORE_USES[db.use]}`, 'auth=on', 'tls=SERVER_AUTHENTICATION'],
  };
}
