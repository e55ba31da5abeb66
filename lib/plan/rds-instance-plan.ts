/** Plans one RDS instance: identifiers, engine details, recovery, tuned parameters, alarms. */
import { rdsAlarmDefinitions } from '../../constructs/aws/rds-alarm-definitions';
import { RDS_ENGINE_TABLE } from '../../constructs/aws/rds-engine-table';
import { rdsParameters } from '../../constructs/aws/rds-parameters';
import { rdsInstanceSize } from '../../constructs/common/instance-catalog';
import { TIER_DEFAULTS } from '../../config/schema';
import type { ResolvedEnvironment, ResolvedRdsInstance } from '../config/resolved-environment';
import { awsStackName, databaseIdentifier, rdsInstanceStackId } from './names';
import type { AwsRegionPlan, RdsInstancePlan } from './plan-types';

/** RDS uploads transaction logs every 5 minutes: the worst-case loss of a point-in-time restore. */
const RDS_PITR_RPO_MINUTES = 5;

export function planRdsInstance(env: ResolvedEnvironment, db: ResolvedRdsInstance, region: AwsRegionPlan): RdsInstancePlan {
  const row = RDS_ENGINE_TABLE[db.engine];
  const size = rdsInstanceSize(db.instanceClass);
  // Validation guarantees both; a failure here is a bug in the validator, not bad input.
  if (!row || !size) throw new Error(`BUG: unvalidated RDS instance ${env.name}/${db.name}`);
  const identifier = databaseIdentifier(env.name, db.name);
  const stackId = rdsInstanceStackId(db.name);
  const majorVersion = row.majorOf(db.version);

  const parameters = rdsParameters({
    engine: db.engine,
    instanceClass: db.instanceClass,
    slowQueryThresholdMs: TIER_DEFAULTS[env.tier].slowQueryThresholdMs,
    overrides: db.parameters,
  });

  return {
    name: db.name,
    identifier,
    stackId,
    stackName: awsStackName(env.name, stackId),
    account: env.aws!.account,
    region: db.region,
    engine: row.engine,
    engineVersion: db.version,
    majorVersion,
    parameterGroupFamily: row.familyOf(majorVersion),
    instanceClass: db.instanceClass,
    size,
    allocatedStorageGiB: db.allocatedStorageGiB,
    maxAllocatedStorageGiB: db.maxAllocatedStorageGiB,
    multiAz: db.highAvailability,
    port: db.port ?? row.defaultPort,
    databaseName: db.databaseName,
    allowedCidrs: db.allowedCidrs,
    recovery: {
      backupRetentionDays: db.backupRetentionDays,
      pointInTimeRecovery: db.backupRetentionDays > 0,
      restorableWindowDays: db.backupRetentionDays,
      rpoMinutes: db.backupRetentionDays > 0 ? RDS_PITR_RPO_MINUTES : undefined,
    },
    deletionProtection: db.deletionProtection,
    removalPolicy: db.removalPolicy,
    keyAlias: region.keyAlias,
    keyAliasArn: region.keyAliasArn,
    alarmTopicArn: region.alarmTopicArn,
    parameters,
    logExports: row.logExports,
    alarms: rdsAlarmDefinitions(identifier, db.allocatedStorageGiB),
    tags: db.tags,
  };
}
