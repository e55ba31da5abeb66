/**
 * Checks on an RDS instance's settings, shared by the RdsDatabase construct (for teams composing it directly) and
 * the config loader (which reports them with the environment, database and config path).
 */
import { identifierProblem, RDS_IDENTIFIER_MAX_LENGTH } from '../common/identifiers';
import { rdsInstanceSize } from '../common/instance-catalog';
import { RDS_ENGINE_TABLE } from './rds-engine-table';

export interface RdsInstanceSettings {
  readonly identifier: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB?: number;
  readonly backupRetentionDays: number;
  readonly allowedCidrs: readonly string[];
}

export interface SettingProblem {
  /** Field of RdsInstanceSettings, with an index for list items. */
  readonly field: keyof RdsInstanceSettings;
  readonly index?: number;
  readonly value: unknown;
  readonly message: string;
  readonly fix: string;
}

export function rdsInstanceProblems(settings: RdsInstanceSettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const idProblem = identifierProblem(settings.identifier, RDS_IDENTIFIER_MAX_LENGTH);
  if (idProblem) {
    problems.push({ field: 'identifier', value: settings.identifier, message: `the RDS identifier '${settings.identifier}' ${idProblem}`, fix: 'shorten or rename the database' });
  }
  const row = RDS_ENGINE_TABLE[settings.engine];
  if (!row) {
    problems.push({ field: 'engine', value: settings.engine, message: `is not supported; supported: ${Object.keys(RDS_ENGINE_TABLE).join(', ')}`, fix: 'choose a supported engine' });
  } else if (!row.versions.includes(settings.engineVersion)) {
    problems.push({
      field: 'engineVersion',
      value: settings.engineVersion,
      message: `is not a supported ${row.displayName} version; supported full versions: ${row.versions.join(', ')}`,
      fix: 'pin one of the supported full versions (a bare major version is not accepted)',
    });
  }
  if (!rdsInstanceSize(settings.instanceClass)) {
    problems.push({
      field: 'instanceClass',
      value: settings.instanceClass,
      message: 'is not an instance class in our catalog (db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>)',
      fix: 'choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge',
    });
  }
  const allocated = settings.allocatedStorageGiB;
  if (!Number.isInteger(allocated) || allocated < 20 || allocated > 65536) {
    problems.push({ field: 'allocatedStorageGiB', value: allocated, message: 'must be an integer from 20 to 65536 GiB (gp3)', fix: 'choose a size from 20 to 65536' });
  }
  if (settings.maxAllocatedStorageGiB !== undefined && settings.maxAllocatedStorageGiB <= allocated) {
    problems.push({
      field: 'maxAllocatedStorageGiB',
      value: settings.maxAllocatedStorageGiB,
      message: `must be greater than allocatedStorageGiB (${allocated}) to allow storage autoscaling`,
      fix: `raise it above ${allocated}, or remove it to turn autoscaling off`,
    });
  }
  const retention = settings.backupRetentionDays;
  if (!Number.isInteger(retention) || retention < 0 || retention > 35) {
    problems.push({ field: 'backupRetentionDays', value: retention, message: 'must be an integer from 0 to 35 days (RDS limit)', fix: 'choose from 0 to 35' });
  }
  settings.allowedCidrs.forEach((cidr, index) => {
    if (cidr.endsWith('/0')) {
      problems.push({ field: 'allowedCidrs', index, value: cidr, message: 'opens the database to every address; databases are never public', fix: 'name the CIDR blocks of your application subnets' });
    }
  });
  return problems;
}
