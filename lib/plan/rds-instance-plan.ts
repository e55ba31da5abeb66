/** Plans one RDS instance: identifiers, engine details, recovery, tuned parameters, alarms. */
import { DATABASE_ALARMS, AlarmRow } from '../../constructs/common/alarm-catalog';
import { rdsInstanceSize } from '../../constructs/common/instance-catalog';
import { RDS_ENGINE_TABLE } from '../../constructs/aws/rds-engine-table';
import { TIER_DEFAULTS } from '../../config/schema';
import type { ResolvedEnvironment, ResolvedRdsInstance } from '../config/resolved-environment';
import { awsStackName, databaseIdentifier, rdsInstanceStackId } from './names';
import type { AwsRegionPlan, CloudWatchAlarmPlan, RdsInstancePlan } from './plan-types';

/** RDS uploads transaction logs every 5 minutes: the worst-case loss of a point-in-time restore. */
const RDS_PITR_RPO_MINUTES = 5;
const GIB = 1024 ** 3;

export function planRdsInstance(env: ResolvedEnvironment, db: ResolvedRdsInstance, region: AwsRegionPlan): RdsInstancePlan {
  const row = RDS_ENGINE_TABLE[db.engine];
  const size = rdsInstanceSize(db.instanceClass);
  // Validation guarantees both; a failure here is a bug in the validator, not bad input.
  if (!row || !size) throw new Error(`BUG: unvalidated RDS instance ${env.name}/${db.name}`);
  const identifier = databaseIdentifier(env.name, db.name);
  const stackId = rdsInstanceStackId(db.name);
  const majorVersion = row.majorOf(db.version);

  const tuned = row.tune({ memoryGiB: size.memoryGiB, slowQueryThresholdMs: TIER_DEFAULTS[env.tier].slowQueryThresholdMs });
  const parameters: Record<string, string> = {};
  for (const [name, setting] of Object.entries(tuned)) parameters[name] = setting.rdsFormula ?? rdsValue(setting.value);
  Object.assign(parameters, row.tlsParameters);
  for (const [name, value] of Object.entries(db.parameters)) parameters[name] = String(value);

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
    keyAliasArn: region.keyAliasArn,
    alarmTopicArn: region.alarmTopicArn,
    parameters,
    logExports: row.logExports,
    alarms: DATABASE_ALARMS.map((alarm) => cloudWatchAlarm(alarm, identifier, db.allocatedStorageGiB)),
    tags: db.tags,
  };
}

function cloudWatchAlarm(row: AlarmRow, identifier: string, allocatedStorageGiB: number): CloudWatchAlarmPlan {
  const common = {
    id: row.id,
    alarmName: `${identifier}-${row.id}`,
    severity: row.severity,
    namespace: 'AWS/RDS',
    periodSeconds: row.periodSeconds,
    evaluationPeriods: row.evaluationPeriods,
  };
  switch (row.signal) {
    case 'cpu-utilization':
      return {
        ...common,
        description: `[${row.severity}] ${identifier}: CPU above ${row.thresholdPercent}%. ${row.runbook}`,
        metricName: 'CPUUtilization',
        statistic: 'Average',
        comparison: 'GreaterThanThreshold',
        threshold: row.thresholdPercent,
      };
    case 'storage-free':
      return {
        ...common,
        description: `[${row.severity}] ${identifier}: free storage below ${row.thresholdPercent}% of ${allocatedStorageGiB} GiB. ${row.runbook}`,
        metricName: 'FreeStorageSpace',
        statistic: 'Minimum',
        comparison: 'LessThanThreshold',
        threshold: Math.floor((allocatedStorageGiB * GIB * row.thresholdPercent) / 100),
      };
  }
}

/** RDS parameter groups take booleans as 1/0. */
const rdsValue = (value: string | boolean) => (typeof value === 'boolean' ? (value ? '1' : '0') : value);
