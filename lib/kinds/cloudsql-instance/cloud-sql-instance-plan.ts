/**
 * Plans one Cloud SQL instance and its read replicas: names, version, availability, recovery, CMEK per region, flags,
 * security settings, maintenance and alert policies.
 */
import type { Tier } from '../../../config/schema';
import { CLOUD_SQL_DEFAULTS, defaultDataCache } from '../../../constructs/gcp/tables/cloud-sql-defaults';
import { CLOUD_SQL_ENGINE_TABLE } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import { CloudSqlMaintenanceWindow, restoresToPointInTime } from '../../../constructs/gcp/tables/cloud-sql-instance-checks';
import { validCloudSqlTier } from '../../../constructs/gcp/tables/cloud-sql-tiers';
import type { ResolvedCloudSqlInstance, ResolvedEnvironment } from '../../config/resolved-environment';
import { cloudSqlAlerts, cloudSqlMaxConnections } from '../../../constructs/gcp/tables/cloud-sql-alerts';
import { primaryFlags, replicaFlags } from './cloud-sql-flags';
import { cloudSqlInstanceSettings } from './cloud-sql-instance-settings';
import { cloudSqlReplicaNames } from './cloud-sql-names';
import { planCloudSqlAccess } from './cloud-sql-access-plan';
import { toGcpLabels } from '../../naming/gcp-labels';
import { cloudSqlStackName, databaseIdentifier } from '../../naming/names';
import type { CloudSqlInstancePlan, CloudSqlReplicaPlan, GcpRegionKeyPlan } from '../../plan/plan-types';

/** Cloud SQL writes transaction logs continuously; restores land within minutes of the requested time. */
const CLOUD_SQL_PITR_RPO_MINUTES = 5;
/** Without PITR the last daily backup is the newest restore point. */
const DAILY_BACKUP_RPO_MINUTES = 24 * 60;

/**
 * Sunday morning UTC, after the backups that start at 02:00. Below production on the `canary` track, so updates
 * reach staging a week before production (`stable`).
 */
const MAINTENANCE_WINDOWS: Readonly<Record<Tier, Required<CloudSqlMaintenanceWindow>>> = {
  development: { day: 7, hour: 6, updateTrack: 'canary' },
  staging: { day: 7, hour: 6, updateTrack: 'canary' },
  production: { day: 7, hour: 6, updateTrack: 'stable' },
};

export function planCloudSqlInstance(
  env: ResolvedEnvironment,
  db: ResolvedCloudSqlInstance,
  keyFor: (region: string) => GcpRegionKeyPlan,
): CloudSqlInstancePlan {
  const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
  const version = row.versions[db.version];
  if (!version) throw new Error(`BUG: unvalidated Cloud SQL version of ${env.name}/${db.name}`);
  const machineTier = validCloudSqlTier(db.machineTier, `${env.name}/${db.name}`);
  const instanceName = databaseIdentifier(env.name, db.name);
  const { slowQueryThresholdMs } = db;
  const flags = primaryFlags({ row, size: machineTier.size, slowQueryThresholdMs, diskType: db.diskType, overrides: db.flags });
  const labels = toGcpLabels(db.tags);
  const settings = cloudSqlInstanceSettings(db);
  const restorable = restoresToPointInTime(settings);
  const queryInsights = db.queryInsights ?? version.queryInsights !== false;

  const replicaNames = cloudSqlReplicaNames(
    instanceName,
    db.replicas.map((replica) => replica.region),
  );
  const replicas = db.replicas.map((replica, index): CloudSqlReplicaPlan => {
    const replicaTier = validCloudSqlTier(replica.machineTier, `${env.name}/${db.name} replica ${index}`);
    const replicaFlagValues = replicaFlags(
      { row, size: replicaTier.size, slowQueryThresholdMs, diskType: db.diskType, overrides: replica.flags },
      { flags, overrides: db.flags },
    );
    return {
      instanceName: replicaNames[index],
      region: replica.region,
      machineTier: replicaTier,
      diskSizeGb: replica.diskSizeGb ?? db.diskSizeGb,
      availabilityType: replica.highAvailability ? 'REGIONAL' : 'ZONAL',
      keyId: keyFor(replica.region).keyId,
      disasterRecovery: replica.disasterRecovery,
      deletionProtection: db.deletionProtection,
      preventDestroy: db.removalPolicy === 'retain',
      flags: replicaFlagValues,
      alerts: cloudSqlAlerts({
        instanceName: replicaNames[index],
        role: 'replica',
        engine: row.engine,
        maxConnections: cloudSqlMaxConnections(row.engine, replicaTier, replicaFlagValues),
      }),
      labels,
    };
  });
  const disasterRecoveryReplica = replicas.find((replica) => replica.disasterRecovery);

  return {
    name: db.name,
    settings,
    instanceName,
    stackName: cloudSqlStackName(env.name, db.name),
    projectId: env.gcp!.projectId,
    region: db.region,
    engine: row.engine,
    databaseVersion: version.databaseVersion,
    edition: db.edition,
    machineTier,
    diskSizeGb: db.diskSizeGb,
    diskType: db.diskType,
    diskAutoresize: db.diskAutoresize,
    diskAutoresizeLimitGb: db.diskAutoresizeLimitGb ?? CLOUD_SQL_DEFAULTS.diskAutoresizeLimitGb,
    availabilityType: db.highAvailability ? 'REGIONAL' : 'ZONAL',
    recovery: {
      backups: db.backups,
      retainedBackups: db.backups ? db.retainedBackups : 0,
      pointInTimeRecovery: restorable,
      // Without logs, the oldest of the daily backups bounds the window: N backups, N days.
      restorableWindowDays: restorable ? db.transactionLogRetentionDays : db.backups ? db.retainedBackups : 0,
      rpoMinutes: restorable ? CLOUD_SQL_PITR_RPO_MINUTES : db.backups ? DAILY_BACKUP_RPO_MINUTES : undefined,
      transactionLogRetentionDays: db.transactionLogRetentionDays,
      backupStartTime: db.backupStartTime ?? CLOUD_SQL_DEFAULTS.backupStartTime,
      backupLocation: db.backupLocation ?? db.region,
    },
    pointInTimeRecoveryMode: row.pointInTimeRecovery,
    deletionProtection: db.deletionProtection,
    preventDestroy: db.removalPolicy === 'retain',
    retainBackupsOnDelete: db.removalPolicy !== 'destroy',
    keyId: keyFor(db.region).keyId,
    privateNetwork: env.gcp!.privateNetwork,
    sslMode: db.sslMode,
    iamAuthentication: db.iamAuthentication,
    passwordPolicy: db.passwordPolicy === false || row.passwordPolicy === 'none' ? undefined : (db.passwordPolicy ?? {}),
    queryInsights: queryInsights === true ? {} : queryInsights,
    auditLogging: db.auditLogging,
    auditBucket: db.auditBucket,
    maintenanceWindow: maintenanceWindow(env.tier, db.maintenanceWindow),
    denyMaintenancePeriod: db.denyMaintenancePeriod,
    dataCache: db.dataCache ?? defaultDataCache(db.edition),
    rootPasswordSecret: db.rootPasswordSecret,
    flags,
    alerts: cloudSqlAlerts({ instanceName, role: 'primary', engine: row.engine, maxConnections: cloudSqlMaxConnections(row.engine, machineTier, flags) }),
    labels,
    replicas,
    // SQL Server's DR replica is a cascadable replica; the others are designated by the primary.
    disasterRecoveryReplicaName: row.disasterRecoveryReplica === 'designated' ? disasterRecoveryReplica?.instanceName : undefined,
    accessPlan: planCloudSqlAccess(env, db, instanceName),
  };
}

function maintenanceWindow(environmentTier: Tier, configured: CloudSqlMaintenanceWindow | undefined): Required<CloudSqlMaintenanceWindow> {
  const defaults = MAINTENANCE_WINDOWS[environmentTier];
  return configured ? { ...configured, updateTrack: configured.updateTrack ?? defaults.updateTrack } : defaults;
}
