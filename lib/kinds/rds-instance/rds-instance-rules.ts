/** Rules for RDS instances: the checks the RdsDatabase construct shares (rds-instance-checks.ts), with config paths. */
import { RdsInstanceSettings, rdsInstanceProblems } from '../../../constructs/aws/rds/tables/rds-instance-checks';
import { rdsInstanceSettings } from './rds-instance-plan';
import { RDS_ALARM_IDS } from '../../../constructs/aws/rds/tables/rds-alarm-catalog';
import type { ProblemDraft } from '../../config/problem-draft';
import type { Rule } from '../../config/rules/rule';
import { unknownAlarmThresholds } from '../../config/rules/unknown-alarm-thresholds';

/** Config field of each RdsInstanceSettings field, for paths in messages. */
const RDS_CONFIG_FIELDS: Readonly<Record<keyof RdsInstanceSettings, string>> = {
  identifier: 'name',
  engine: 'engine',
  engineVersion: 'version',
  instanceClass: 'instanceClass',
  region: 'region',
  allocatedStorageGiB: 'allocatedStorageGiB',
  maxAllocatedStorageGiB: 'maxAllocatedStorageGiB',
  backupRetentionDays: 'backupRetentionDays',
  allowedCidrs: 'allowedCidrs',
  multiAz: 'highAvailability',
  licenseModel: 'licenseModel',
  preferredBackupWindow: 'preferredBackupWindow',
  preferredMaintenanceWindow: 'preferredMaintenanceWindow',
  parameters: 'parameters',
  replicas: 'replicas',
  proxy: 'proxy',
  backupReplicationRegion: 'backupReplicationRegion',
  databaseName: 'databaseName',
  port: 'port',
};

export const rdsInstanceRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'rds-instance') return [];
    const at = (...path: Array<string | number>) => ['databases', index, ...path];
    const problems: ProblemDraft[] = rdsInstanceProblems(rdsInstanceSettings(env.name, db)).map((problem) => {
      const [field, ...rest] = problem.path;
      return {
        database: db.name,
        path: at(RDS_CONFIG_FIELDS[field], ...rest),
        value: field === 'identifier' ? db.name : problem.value,
        message: problem.message,
        fix: problem.fix,
      };
    });
    if (db.pointInTimeRecovery && db.backupRetentionDays === 0) {
      problems.push({
        database: db.name,
        path: at('backupRetentionDays'),
        value: 0,
        message: 'must be at least 1 day when pointInTimeRecovery is on (RDS point-in-time recovery needs automated backups)',
        fix: 'set backupRetentionDays from 1 to 35, or set pointInTimeRecovery: false',
      });
    }
    problems.push(...unknownAlarmThresholds(db, index, { label: 'RDS', ids: RDS_ALARM_IDS }));
    const declared = Object.keys(env.aws?.regions ?? {});
    if (db.backupReplicationRegion !== undefined && !declared.includes(db.backupReplicationRegion)) {
      problems.push({
        database: db.name,
        path: at('backupReplicationRegion'),
        value: db.backupReplicationRegion,
        message: `is not one of aws.regions (${declared.join(', ')}), so it has no customer-managed key to encrypt the replicated backups`,
        fix: `add '${db.backupReplicationRegion}' to aws.regions or choose a declared region`,
      });
    }
    return problems;
  });
