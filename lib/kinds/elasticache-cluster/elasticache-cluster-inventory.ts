/** An ElastiCache replication group as a row of the environment's inventory (docs/inventory/<env>.md). */
import { cloudWatchAlarm, formatMinutes, settingList, type InventoryContext, type KindInventoryEntry } from '../../inventory/inventory-columns';
import type { ElasticacheClusterPlan } from '../../plan/plan-types';

export function elasticacheClusterEntry(db: ElasticacheClusterPlan, { rtoMinutes }: InventoryContext): KindInventoryEntry {
  const secondaries = db.global?.secondaries ?? [];
  const layout = db.clusterMode ? `${db.shards} shard(s) × (1 + ${db.replicasPerShard} replica(s))` : `1 primary + ${db.replicasPerShard} replica(s)`;
  return {
    database: db.name,
    cloud: 'AWS',
    kind: secondaries.length > 0 ? 'ElastiCache Global Datastore' : 'ElastiCache replication group',
    engine: `${db.engine === 'valkey' ? 'Valkey' : 'Redis OSS'} ${db.engineVersion} (${db.use})`,
    size: `${db.nodeType} (${db.size.vcpus} vCPU, ${db.size.memoryGiB} GiB) × ${db.nodes.length}`,
    storage: `in memory, ${layout}${db.clusterMode ? ', cluster mode' : ''}`,
    region: db.region,
    highAvailability: db.multiAz ? 'Multi-AZ, automatic failover' : 'single AZ, no failover',
    replicas: [
      ...db.nodes.filter((n) => n.role === 'replica').map((n) => ({ name: n.cacheClusterId, region: db.region })),
      ...secondaries.map((s) => ({ name: s.replicationGroupId, region: s.region })),
    ],
    encryptionKey: db.keyAlias,
    backups: db.snapshotRetentionDays > 0 ? `daily snapshots ${db.snapshotRetentionDays} d` : 'no snapshots',
    backupPlan: 'none (AWS Backup does not cover ElastiCache; the snapshots are the backup)',
    pitrWindow: 'none (ElastiCache has no point-in-time recovery)',
    rpo: db.recovery.rpoMinutes === undefined ? 'no backups' : formatMinutes(db.recovery.rpoMinutes),
    rto: formatMinutes(rtoMinutes),
    // Every node has the same alarms (replicas add replication lag, secondaries global lag): each listed once.
    alarms: [...new Set([...db.nodes, ...secondaries.flatMap((s) => s.nodes)].flatMap((n) => n.alarms).map(cloudWatchAlarm))],
    notableSettings: settingList(db.parameters),
  };
}
