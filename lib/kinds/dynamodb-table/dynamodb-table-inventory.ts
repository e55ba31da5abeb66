/** A DynamoDB table as a row of the environment's inventory (docs/inventory/<env>.md). */
import { recoveryColumns, cloudWatchAlarm, type InventoryContext, type KindInventoryEntry } from '../../inventory/inventory-columns';
import type { DynamodbTablePlan } from '../../plan/plan-types';

function dynamodbCapacity(db: DynamodbTablePlan): string {
  const billing = db.settings.billing;
  if (billing.mode === 'provisioned') {
    const range = (c: { min: number; max: number }) => `${c.min}–${c.max}`;
    return `provisioned, autoscaling ${range(billing.readCapacity)} RCU / ${range(billing.writeCapacity)} WCU`;
  }
  const ceilings = [
    billing.maxReadRequestUnits && `${billing.maxReadRequestUnits} RRU`,
    billing.maxWriteRequestUnits && `${billing.maxWriteRequestUnits} WRU`,
  ].filter(Boolean);
  return `on-demand${ceilings.length > 0 ? `, at most ${ceilings.join(' / ')}` : ''}`;
}

export function dynamodbTableEntry(db: DynamodbTablePlan, { rtoMinutes: rto, backupPlan }: InventoryContext): KindInventoryEntry {
  const { settings } = db;
  const key = (k: { name: string; type: string }) => `${k.name} (${k.type})`;
  return {
    database: db.name,
    cloud: 'AWS',
    kind: db.replicas.length > 0 ? 'DynamoDB global table' : 'DynamoDB table',
    engine: db.replicas.length > 0 ? `DynamoDB, ${settings.multiRegionConsistency} consistency across regions` : 'DynamoDB',
    size: dynamodbCapacity(db),
    storage: `${db.tableClass} table class, ${settings.globalSecondaryIndexes.length} GSI, ${settings.localSecondaryIndexes.length} LSI`,
    region: db.region,
    highAvailability: 'multi-AZ (regional service)',
    replicas: db.replicas.map((replica) => ({ name: `${db.name} replica`, region: replica.region })),
    encryptionKey: db.keyAlias,
    backups: db.recovery.pointInTimeRecovery ? `PITR ${db.recovery.restorableWindowDays} d` : 'PITR off',
    backupPlan,
    ...recoveryColumns(db.recovery, rto),
    alarms: db.alarms.map(cloudWatchAlarm),
    notableSettings: [
      `partitionKey=${key(settings.partitionKey)}`,
      ...(settings.sortKey ? [`sortKey=${key(settings.sortKey)}`] : []),
      ...(db.timeToLiveAttribute ? [`timeToLive=${db.timeToLiveAttribute}`] : []),
      `deletionProtection=${db.deletionProtection}`,
      `contributorInsights=${db.contributorInsights}`,
    ],
  };
}
