/** Rules for RDS instances, on top of the checks the RdsDatabase construct shares (rds-instance-checks.ts). */
import { RdsInstanceSettings, rdsInstanceProblems } from '../../../constructs/aws/rds-instance-checks';
import { databaseIdentifier } from '../../plan/names';
import type { ProblemDraft } from '../problem-draft';
import type { Rule } from './rule';

/** Config field of each RdsInstanceSettings field, for paths in messages. */
const RDS_CONFIG_FIELDS: Readonly<Record<keyof RdsInstanceSettings, string>> = {
  identifier: 'name',
  engine: 'engine',
  engineVersion: 'version',
  instanceClass: 'instanceClass',
  allocatedStorageGiB: 'allocatedStorageGiB',
  maxAllocatedStorageGiB: 'maxAllocatedStorageGiB',
  backupRetentionDays: 'backupRetentionDays',
  allowedCidrs: 'allowedCidrs',
};

export const rdsInstanceRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'rds-instance') return [];
    const at = (field: string) => ['databases', index, field];
    const settingProblems = rdsInstanceProblems({
      identifier: databaseIdentifier(env.name, db.name),
      engine: db.engine,
      engineVersion: db.version,
      instanceClass: db.instanceClass,
      allocatedStorageGiB: db.allocatedStorageGiB,
      maxAllocatedStorageGiB: db.maxAllocatedStorageGiB,
      backupRetentionDays: db.backupRetentionDays,
      allowedCidrs: db.allowedCidrs,
    });
    const problems: ProblemDraft[] = settingProblems
      // Engines we do not render yet are reported by the not-yet-supported table.
      .filter((problem) => problem.field !== 'engine')
      .map((problem) => ({
        database: db.name,
        path: problem.index === undefined ? at(RDS_CONFIG_FIELDS[problem.field]) : [...at(RDS_CONFIG_FIELDS[problem.field]), problem.index],
        value: problem.field === 'identifier' ? db.name : problem.value,
        message: problem.message,
        fix: problem.fix,
      }));
    if (db.pointInTimeRecovery && db.backupRetentionDays === 0) {
      problems.push({ database: db.name, path: at('backupRetentionDays'), value: 0, message: 'must be at least 1 day when pointInTimeRecovery is on (RDS point-in-time recovery needs automated backups)', fix: 'set backupRetentionDays from 1 to 35, or set pointInTimeRecovery: false' });
    }
    if (db.replicas.length > 0 && db.backupRetentionDays === 0) {
      problems.push({ database: db.name, path: at('backupRetentionDays'), value: 0, message: 'must be greater than 0 on a database with read replicas (RDS needs backups on a replica source)', fix: 'set backupRetentionDays from 1 to 35' });
    }
    return problems;
  });

