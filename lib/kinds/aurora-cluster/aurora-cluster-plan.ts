/**
 * Plans one Aurora cluster: identifiers, capacity, the two parameter groups, recovery, instances spread over the
 * zones with promotion tiers, alarms, and for a global database the global cluster and a secondary cluster per
 * secondary region, each with its own region's key, readers, parameter groups and alarms.
 */
import { auroraAlarmDefinitions } from '../../../constructs/aws/aurora/tables/aurora-alarm-definitions';
import type { AuroraClusterSettings } from '../../../constructs/aws/aurora/tables/aurora-cluster-checks';
import { AURORA_ENGINE_TABLE, auroraPromotionTier } from '../../../constructs/aws/aurora/tables/aurora-engine-table';
import { auroraConnectionMemoryGiB, auroraMaxConnections, auroraParameters } from '../../../constructs/aws/aurora/tables/aurora-parameters';
import { RDS_DEFAULTS, rdsWindows } from '../../../constructs/aws/rds/tables/rds-defaults';
import { rdsInstanceSize } from '../../../constructs/common/instance-catalog';
import { TIER_DEFAULTS } from '../../../config/schema';
import type { ResolvedAuroraCluster, ResolvedEnvironment } from '../../config/resolved-environment';
import {
  auroraClusterArn,
  auroraClusterStackId,
  auroraInstanceIdentifier,
  auroraSecondaryIdentifier,
  auroraSecondaryStackId,
  awsStackName,
  databaseIdentifier,
} from '../../naming/names';
import type {
  AuroraCapacityPlan,
  AuroraClusterCommonPlan,
  AuroraClusterPlan,
  AuroraInstancePlan,
  AuroraSecondaryPlan,
  AwsRegionPlan,
} from '../../plan/plan-types';
import { planDatabaseAccess } from '../../plan/database-access-plan';
import { RDS_TIER_OBSERVABILITY } from '../rds-instance/rds-instance-plan';

/** Aurora uploads the log continuously; AWS states point-in-time restores to within 5 minutes of now. */
const AURORA_PITR_RPO_MINUTES = 5;

/**
 * What the checks (constructs/aws/aurora/tables/aurora-cluster-checks.ts) take, from config: the config rules check it
 * and the plan is made of it, so a value reaches the checks and the construct by one road.
 */
export function auroraClusterSettings(environment: string, db: ResolvedAuroraCluster): AuroraClusterSettings {
  return {
    identifier: databaseIdentifier(environment, db.name),
    engine: db.engine,
    version: db.version,
    region: db.region,
    instanceClass: db.instanceClass,
    serverlessV2: db.serverlessV2,
    readers: db.readers,
    backupRetentionDays: db.backupRetentionDays,
    ...rdsWindows(db),
    backtrackHours: db.backtrackHours,
    allowedCidrs: db.allowedCidrs,
    parameters: db.parameters,
    instanceParameters: db.instanceParameters,
    secondaryRegions: db.secondaryRegions,
    databaseName: db.databaseName,
  };
}

export function planAuroraCluster(env: ResolvedEnvironment, db: ResolvedAuroraCluster, regionPlan: (region: string) => AwsRegionPlan): AuroraClusterPlan {
  const row = AURORA_ENGINE_TABLE[db.engine];
  const account = env.aws!.account;
  const settings = auroraClusterSettings(env.name, db);
  const { identifier } = settings;
  const size = db.instanceClass === undefined ? undefined : rdsInstanceSize(db.instanceClass);
  const capacity: AuroraCapacityPlan =
    db.instanceClass !== undefined && size ? { mode: 'provisioned', instanceClass: db.instanceClass, size } : { mode: 'serverless-v2', ...db.serverlessV2! };
  const memoryGiB = size?.memoryGiB;
  const parameters = auroraParameters({
    engine: db.engine,
    memoryGiB,
    vcpus: size?.vcpus,
    slowQueryThresholdMs: TIER_DEFAULTS[env.tier].slowQueryThresholdMs,
    clusterOverrides: db.parameters,
    instanceOverrides: db.instanceParameters,
  });
  const maxConnections = auroraMaxConnections(auroraConnectionMemoryGiB(memoryGiB, db.serverlessV2), parameters.instance);
  const majorVersion = row.majorOf(db.version);
  const alarmContext = { parameterFamily: row.parameterFamily, memoryGiB, maxConnections, serverless: capacity.mode === 'serverless-v2' } as const;
  const globalClusterIdentifier = db.secondaryRegions.length > 0 ? `${identifier}-global` : undefined;

  const common = (clusterIdentifier: string, region: AwsRegionPlan, stackId: string, instanceCount: number, secondary: boolean): AuroraClusterCommonPlan => {
    const zones = region.network.availabilityZones;
    const instances = Array.from({ length: instanceCount }, (_, index): AuroraInstancePlan => {
      const instanceIdentifier = secondary ? `${clusterIdentifier}-reader-${index + 1}` : auroraInstanceIdentifier(clusterIdentifier, index);
      const role = !secondary && index === 0 ? 'writer' : 'reader';
      return {
        identifier: instanceIdentifier,
        role,
        promotionTier: auroraPromotionTier(index),
        availabilityZone: zones[index % zones.length],
        alarms: auroraAlarmDefinitions(instanceIdentifier, { ...alarmContext, role }, db.alarmThresholds),
      };
    });
    return {
      stackId,
      stackName: awsStackName(env.name, stackId),
      region: region.region,
      clusterIdentifier,
      account,
      engine: row.engine,
      engineVersion: db.version,
      majorVersion,
      parameterGroupFamily: row.familyOf(majorVersion),
      capacity,
      port: db.port ?? row.defaultPort,
      keyAlias: region.keyAlias,
      keyAliasArn: region.keyAliasArn,
      alarmTopicArn: region.alarmTopicArn,
      clusterParameters: parameters.cluster,
      instanceParameters: parameters.instance,
      instances,
      clusterAlarms: auroraAlarmDefinitions(
        clusterIdentifier,
        { ...alarmContext, role: secondary ? 'secondary-cluster' : 'primary-cluster' },
        db.alarmThresholds,
      ),
      allowedCidrs: db.allowedCidrs,
      // Security groups are regional: a secondary gets none of the primary's.
      allowedSecurityGroupIds: secondary ? [] : db.allowedSecurityGroupIds,
      deletionProtection: db.deletionProtection,
      removalPolicy: db.removalPolicy,
      backupRetentionDays: settings.backupRetentionDays,
      preferredBackupWindow: settings.preferredBackupWindow,
      preferredMaintenanceWindow: settings.preferredMaintenanceWindow,
      iamAuthentication: true,
      observability: { ...RDS_TIER_OBSERVABILITY[env.tier], performanceInsights: true, logExports: row.logExports },
      tags: db.tags,
    };
  };

  const primary = common(identifier, regionPlan(db.region), auroraClusterStackId(db.name), 1 + db.readers, false);
  const secondaries = db.secondaryRegions.map((region): AuroraSecondaryPlan => ({
    ...common(auroraSecondaryIdentifier(identifier, region), regionPlan(region), auroraSecondaryStackId(db.name, region), db.secondaryReaders, true),
    globalClusterIdentifier: globalClusterIdentifier!,
    primaryRegion: db.region,
    primaryClusterIdentifier: identifier,
  }));
  return {
    ...primary,
    name: db.name,
    settings,
    arn: auroraClusterArn(account, db.region, identifier),
    databaseName: settings.databaseName,
    credentials: { mode: db.credentials, rotationDays: db.passwordRotationDays ?? RDS_DEFAULTS.passwordRotationDays },
    recovery: {
      backupRetentionDays: settings.backupRetentionDays,
      pointInTimeRecovery: true,
      restorableWindowDays: settings.backupRetentionDays,
      rpoMinutes: AURORA_PITR_RPO_MINUTES,
      preferredBackupWindow: primary.preferredBackupWindow,
      copyTagsToSnapshot: true,
      backtrackHours: db.backtrackHours,
    },
    allowMajorVersionUpgrade: true,
    global: globalClusterIdentifier === undefined ? undefined : { globalClusterIdentifier, secondaries },
    accessPlan: planDatabaseAccess(env.name, db),
  };
}
