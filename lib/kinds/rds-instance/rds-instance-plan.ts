/** Plans one RDS instance and its replicas: identifiers, engine details, recovery, tuned parameters, alarms. */
import { rdsAlarmDefinitions } from '../../../constructs/aws/rds/tables/rds-alarm-definitions';
import type { RdsInstanceRole } from '../../../constructs/aws/rds/tables/rds-alarm-catalog';
import { RDS_ENGINE_TABLE, RdsEngineRow, rdsIamAuthentication, rdsLicenseModel, rdsPorts } from '../../../constructs/aws/rds/tables/rds-engine-table';
import { rdsMaxConnections, rdsParameters } from '../../../constructs/aws/rds/tables/rds-parameters';
import { performanceInsightsByDefault, RDS_DEFAULTS, rdsWindows } from '../../../constructs/aws/rds/tables/rds-defaults';
import type { RdsInstanceSettings } from '../../../constructs/aws/rds/tables/rds-instance-checks';
import { rdsInstanceClass, rdsInstanceSize, type RdsInstanceClass } from '../../../constructs/common/instance-catalog';
import { TIER_DEFAULTS, Tier } from '../../../config/schema';
import type { ResolvedEnvironment, ResolvedRdsInstance } from '../../config/resolved-environment';
import { awsStackName, databaseIdentifier, rdsInstanceArn, rdsInstanceStackId, rdsReplicaIdentifier, rdsReplicaStackId } from '../../naming/names';
import { planDatabaseAccess } from '../../plan/database-access-plan';
import type { AwsRegionPlan, RdsInstancePlan, RdsObservabilityPlan, RdsReplicaPlan } from '../../plan/plan-types';

/** RDS uploads transaction logs every 5 minutes: the worst-case loss of a point-in-time restore. */
const RDS_PITR_RPO_MINUTES = 5;

/** Observability by tier: production keeps more history and samples more often. */
export const RDS_TIER_OBSERVABILITY: Readonly<Record<Tier, Omit<RdsObservabilityPlan, 'performanceInsights' | 'logExports'>>> = {
  development: { databaseInsightsMode: 'standard', performanceInsightsRetentionDays: 7, monitoringIntervalSeconds: 60, logRetentionDays: 7 },
  staging: { databaseInsightsMode: 'standard', performanceInsightsRetentionDays: 7, monitoringIntervalSeconds: 60, logRetentionDays: 30 },
  // Database Insights advanced mode requires 465 days (15 months) of Performance Insights history.
  production: { databaseInsightsMode: 'advanced', performanceInsightsRetentionDays: 465, monitoringIntervalSeconds: 15, logRetentionDays: 365 },
};

/** A replica's class: its own, else the primary's. */
const replicaClass = (db: ResolvedRdsInstance, replica: ResolvedRdsInstance['replicas'][number]) => replica.instanceClass ?? db.instanceClass;

/**
 * What the checks (constructs/aws/rds/tables/rds-instance-checks.ts) take, from config: the config rules check it and
 * the plan is made of it, so a value reaches the checks and the construct by one road.
 */
export function rdsInstanceSettings(environment: string, db: ResolvedRdsInstance): RdsInstanceSettings {
  return {
    identifier: databaseIdentifier(environment, db.name),
    engine: db.engine,
    engineVersion: db.version,
    instanceClass: db.instanceClass,
    region: db.region,
    allocatedStorageGiB: db.allocatedStorageGiB,
    maxAllocatedStorageGiB: db.maxAllocatedStorageGiB,
    backupRetentionDays: db.backupRetentionDays,
    allowedCidrs: db.allowedCidrs,
    multiAz: db.highAvailability,
    licenseModel: db.licenseModel,
    ...rdsWindows(db),
    parameters: db.parameters,
    replicas: db.replicas.map((replica) => ({ region: replica.region, instanceClass: replicaClass(db, replica) })),
    proxy: db.proxy,
    backupReplicationRegion: db.backupReplicationRegion,
    databaseName: db.databaseName,
    port: db.port,
  };
}

export function planRdsInstance(env: ResolvedEnvironment, db: ResolvedRdsInstance, regionPlan: (region: string) => AwsRegionPlan): RdsInstancePlan {
  const row = RDS_ENGINE_TABLE[db.engine];
  const size = rdsInstanceSize(db.instanceClass);
  // Validation guarantees both; a failure here is a bug in the validator, not bad input.
  if (!row || !size) throw new Error(`BUG: unvalidated RDS instance ${env.name}/${db.name}`);
  const account = env.aws!.account;
  const region = regionPlan(db.region);
  const settings = rdsInstanceSettings(env.name, db);
  const { identifier } = settings;
  const stackId = rdsInstanceStackId(db.name);
  const majorVersion = row.majorOf(db.version);
  const { port, clientPort } = rdsPorts(row, db.port);
  const arn = rdsInstanceArn(account, db.region, identifier);
  const retention = settings.backupRetentionDays;

  const instance = (instanceClass: RdsInstanceClass, role: RdsInstanceRole, id: string, inRegion: AwsRegionPlan) =>
    planInstanceCommon(env, db, row, { instanceClass, role, identifier: id, region: inRegion, majorVersion });

  const replicas = db.replicas.map((replica, index): RdsReplicaPlan => {
    const replicaIdentifier = rdsReplicaIdentifier(identifier, index);
    const crossRegion = replica.region !== db.region;
    const zones = region.network.availabilityZones;
    const replicaStackId = rdsReplicaStackId(db.name, index);
    return {
      ...instance(replicaClass(db, replica), 'replica', replicaIdentifier, regionPlan(replica.region)),
      index,
      crossRegion,
      stack: crossRegion ? { stackId: replicaStackId, stackName: awsStackName(env.name, replicaStackId), region: replica.region } : undefined,
      // Spread same-region replicas over the zones, starting after the first (where a single-AZ primary tends to be).
      availabilityZone: crossRegion ? undefined : zones[(index + 1) % zones.length],
      sourceArn: arn,
      sourceIdentifier: identifier,
      clientPort,
      allowedCidrs: db.allowedCidrs,
      allowedSecurityGroupIds: crossRegion ? [] : db.allowedSecurityGroupIds,
    };
  });

  return {
    ...instance(db.instanceClass, 'primary', identifier, region),
    name: db.name,
    settings,
    stackId,
    stackName: awsStackName(env.name, stackId),
    arn,
    licenseModel: rdsLicenseModel(row, db.licenseModel),
    allocatedStorageGiB: settings.allocatedStorageGiB,
    maxAllocatedStorageGiB: settings.maxAllocatedStorageGiB,
    multiAz: settings.multiAz,
    port,
    clientPort,
    databaseName: db.databaseName,
    allowedCidrs: db.allowedCidrs,
    allowedSecurityGroupIds: db.allowedSecurityGroupIds,
    credentials: { mode: db.credentials, rotationDays: db.passwordRotationDays ?? RDS_DEFAULTS.passwordRotationDays },
    iamAuthentication: rdsIamAuthentication(row, db.version),
    options: row.options,
    preferredMaintenanceWindow: settings.preferredMaintenanceWindow,
    recovery: {
      backupRetentionDays: retention,
      pointInTimeRecovery: retention > 0,
      restorableWindowDays: retention,
      rpoMinutes: retention > 0 ? RDS_PITR_RPO_MINUTES : undefined,
      preferredBackupWindow: settings.preferredBackupWindow,
      copyTagsToSnapshot: true,
      backupReplication:
        db.backupReplicationRegion === undefined
          ? undefined
          : { region: db.backupReplicationRegion, keyAliasArn: regionPlan(db.backupReplicationRegion).keyAliasArn, retentionDays: retention },
    },
    allowMajorVersionUpgrade: true,
    proxy: db.proxy,
    replicas,
    accessPlan: planDatabaseAccess(env.name, db),
  };
}

interface InstanceInput {
  readonly instanceClass: RdsInstanceClass;
  readonly role: RdsInstanceRole;
  readonly identifier: string;
  readonly region: AwsRegionPlan;
  readonly majorVersion: string;
}

/** What a primary and each of its replicas decide the same way, each for its own class and region. */
function planInstanceCommon(env: ResolvedEnvironment, db: ResolvedRdsInstance, row: RdsEngineRow, input: InstanceInput) {
  const info = rdsInstanceClass(input.instanceClass)!;
  const size = rdsInstanceSize(input.instanceClass)!;
  const parameters = rdsParameters({
    engine: db.engine,
    instanceClass: input.instanceClass,
    slowQueryThresholdMs: TIER_DEFAULTS[env.tier].slowQueryThresholdMs,
    overrides: db.parameters,
  });
  const maxConnections = rdsMaxConnections(db.engine, size.memoryGiB, parameters);
  const removalPolicy = input.role === 'primary' || db.removalPolicy === 'retain' ? db.removalPolicy : 'destroy';
  return {
    identifier: input.identifier,
    account: env.aws!.account,
    region: input.region.region,
    engine: db.engine,
    engineVersion: db.version,
    majorVersion: input.majorVersion,
    parameterGroupFamily: row.familyOf(input.majorVersion),
    instanceClass: input.instanceClass,
    size,
    keyAlias: input.region.keyAlias,
    keyAliasArn: input.region.keyAliasArn,
    alarmTopicArn: input.region.alarmTopicArn,
    deletionProtection: db.deletionProtection,
    // A replica's data lives in its source: snapshotting it on removal adds nothing; a retained primary keeps its replicas.
    removalPolicy,
    parameters,
    maxConnections,
    observability: {
      ...RDS_TIER_OBSERVABILITY[env.tier],
      performanceInsights: performanceInsightsByDefault(input.instanceClass),
      logExports: row.logExports,
    },
    alarms: rdsAlarmDefinitions(
      input.identifier,
      {
        role: input.role,
        parameterFamily: row.parameterFamily,
        memoryGiB: size.memoryGiB,
        allocatedStorageGiB: db.allocatedStorageGiB,
        maxConnections,
        cpuCreditsPerHour: info.cpuCreditsPerHour,
      },
      db.alarmThresholds,
    ),
    tags: db.tags,
  };
}
