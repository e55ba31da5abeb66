/** One adapter per database kind, from the plan to inventory entries. */
import { TIER_DEFAULTS } from '../../config/schema';
import type { CloudWatchAlarmDefinition } from '../../constructs/aws/rds/tables/rds-alarm-definitions';
import type { CloudSqlAlert } from '../../constructs/gcp/tables/cloud-sql-alert';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import type { AuroraClusterPlan, CloudSqlInstancePlan, DynamodbTablePlan, EnvironmentPlan, RdsInstancePlan, RecoveryPlan } from '../plan/plan-types';
import type { InventoryEntry } from './inventory-entry';

const GIB = 1024 ** 3;

export const formatMinutes = (minutes: number) =>
  minutes % (24 * 60) === 0 ? `${minutes / (24 * 60)} d` : minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;

function recoveryColumns(recovery: Pick<RecoveryPlan, 'pointInTimeRecovery' | 'restorableWindowDays' | 'rpoMinutes'>, rtoMinutes: number) {
  return {
    pitrWindow: recovery.pointInTimeRecovery ? `${recovery.restorableWindowDays} d` : 'off',
    rpo: recovery.rpoMinutes === undefined ? 'no backups' : formatMinutes(recovery.rpoMinutes),
    rto: formatMinutes(rtoMinutes),
  };
}

type AlarmSummary = Pick<CloudWatchAlarmDefinition, 'id' | 'metricName' | 'comparison' | 'threshold' | 'severity'>;

const cloudWatchAlarm = (alarm: AlarmSummary) => {
  const value = alarm.metricName === 'FreeStorageSpace' ? `${(alarm.threshold / GIB).toFixed(1)} GiB` : String(alarm.threshold);
  return `${alarm.id} (${alarm.metricName} ${alarm.comparison === 'GreaterThanThreshold' ? '>' : '<'} ${value}, ${alarm.severity})`;
};

const cloudSqlAlert = (alert: CloudSqlAlert) =>
  `${alert.id} (${alert.metricType.replace('cloudsql.googleapis.com/database/', '')} ${alert.comparison === 'COMPARISON_GT' ? '>' : '<'} ${alert.threshold}, ${alert.severity})`;

const settings = (values: Readonly<Record<string, string>>) => Object.entries(values).map(([name, value]) => `${name}=${value}`);

function rdsInstanceEntry(db: RdsInstancePlan, rto: number, backupPlan: string): Omit<InventoryEntry, 'waivers'> {
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
    notableSettings: settings(db.parameters),
  };
}

function auroraClusterEntry(db: AuroraClusterPlan, rto: number, backupPlan: string): Omit<InventoryEntry, 'waivers'> {
  const capacity = db.capacity;
  const secondaries = db.global?.secondaries ?? [];
  return {
    database: db.name,
    cloud: 'AWS',
    kind: secondaries.length > 0 ? 'Aurora global database' : 'Aurora cluster',
    engine: `${db.engine} ${db.engineVersion}`,
    size: capacity.mode === 'provisioned'
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
    notableSettings: [...settings(db.clusterParameters), ...settings(db.instanceParameters)],
  };
}

function dynamodbCapacity(db: DynamodbTablePlan): string {
  const billing = db.settings.billing;
  if (billing.mode === 'provisioned') {
    const range = (c: { min: number; max: number }) => `${c.min}–${c.max}`;
    return `provisioned, autoscaling ${range(billing.readCapacity)} RCU / ${range(billing.writeCapacity)} WCU`;
  }
  const ceilings = [billing.maxReadRequestUnits && `${billing.maxReadRequestUnits} RRU`, billing.maxWriteRequestUnits && `${billing.maxWriteRequestUnits} WRU`].filter(Boolean);
  return `on-demand${ceilings.length > 0 ? `, at most ${ceilings.join(' / ')}` : ''}`;
}

function dynamodbTableEntry(db: DynamodbTablePlan, rto: number, backupPlan: string): Omit<InventoryEntry, 'waivers'> {
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

function cloudSqlInstanceEntry(db: CloudSqlInstancePlan, rto: number): Omit<InventoryEntry, 'waivers'> {
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
    notableSettings: settings(db.flags),
  };
}

/** Every database of the environment, in config order. */
export function inventoryEntries(env: ResolvedEnvironment, plan: EnvironmentPlan): InventoryEntry[] {
  const rto = TIER_DEFAULTS[plan.tier].recoveryTimeObjectiveMinutes;
  const backupPlan = (name: string) => plan.aws?.backupMembership.find((m) => m.database === name)?.summary ?? 'none';
  const entries = [
    ...(plan.aws?.rdsInstances ?? []).map((db) => rdsInstanceEntry(db, rto, backupPlan(db.name))),
    ...(plan.aws?.auroraClusters ?? []).map((db) => auroraClusterEntry(db, rto, backupPlan(db.name))),
    ...(plan.aws?.dynamodbTables ?? []).map((db) => dynamodbTableEntry(db, rto, backupPlan(db.name))),
    ...(plan.gcp?.cloudSqlInstances ?? []).map((db) => cloudSqlInstanceEntry(db, rto)),
  ];
  return env.databases.flatMap((db) => {
    const entry = entries.find((e) => e.database === db.name);
    if (!entry) return [];
    const waivers = db.waivers.map((w) => `${w.rule}: ${w.reason}${w.expires ? ` (until ${w.expires})` : ''}`);
    return [{ ...entry, waivers }];
  });
}
