/**
 * Checks on an RDS instance's settings, shared by the RdsDatabase construct (for teams composing it directly) and
 * the config loader (which reports them with the environment, database and config path). Everything RDS would
 * reject at deploy time, and every combination an engine row rules out, is caught here at synth time.
 */
import { identifierProblem, RDS_IDENTIFIER_MAX_LENGTH } from '../../../common/identifiers';
import type { PathProblem } from '../../../common/path-problem';
import { RDS_GENERATIONS, rdsInstanceClass } from '../../../common/instance-catalog';
import { RDS_ENGINE_TABLE, RdsEngineRow, rdsEngineRow } from './rds-engine-table';
import { databaseNameProblems } from './rds-database-name-rules';
import { classOfferProblems } from './rds-instance-class-availability';
import { RDS_PARAMETER_CATALOGS } from './rds-parameter-names';
import { portProblems } from './rds-port-rules';
import { AUTOSCALING_MARGIN_PERCENT, minimumAutoscalingCeiling, RDS_STORAGE_LIMITS, RDS_STORAGE_TYPE } from './rds-storage-limits';
import { rdsParameterValueProblems } from './rds-parameter-values';
import { MIN_WINDOW_MINUTES, parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from './rds-windows';

export interface RdsReplicaSettings {
  readonly region: string;
  readonly instanceClass: string;
}

export interface RdsInstanceSettings {
  readonly identifier: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly instanceClass: string;
  readonly region: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB?: number;
  readonly backupRetentionDays: number;
  readonly allowedCidrs: readonly string[];
  readonly multiAz: boolean;
  readonly licenseModel?: string;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly parameters: Readonly<Record<string, string | number>>;
  readonly replicas: readonly RdsReplicaSettings[];
  readonly proxy: boolean;
  readonly backupReplicationRegion?: string;
  /** Initial database; none when unset. */
  readonly databaseName?: string;
  /** Listener port; the engine's default when unset. */
  readonly port?: number;
}

/** A PathProblem whose path starts at a field of RdsInstanceSettings, then list indexes, sub-fields or parameter names. */
export interface RdsSettingProblem extends PathProblem {
  readonly path: readonly [keyof RdsInstanceSettings, ...Array<string | number>];
}

const X86_EQUIVALENT = { burstable: 't3', general: 'm6i', memory: 'r6i' } as const;
const CATALOG_HINT = 'db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>';

export function rdsInstanceProblems(settings: RdsInstanceSettings): RdsSettingProblem[] {
  const problems: RdsSettingProblem[] = [];
  const idProblem = identifierProblem(settings.identifier, RDS_IDENTIFIER_MAX_LENGTH);
  if (idProblem) {
    problems.push({
      path: ['identifier'],
      value: settings.identifier,
      message: `the RDS identifier '${settings.identifier}' ${idProblem}`,
      fix: 'shorten or rename the database',
    });
  }
  const row = rdsEngineRow(settings.engine);
  if (!row) {
    problems.push({
      path: ['engine'],
      value: settings.engine,
      message: `is not supported; supported: ${Object.keys(RDS_ENGINE_TABLE).join(', ')}`,
      fix: 'choose a supported engine',
    });
  } else if (!row.versions.includes(settings.engineVersion)) {
    problems.push({
      path: ['engineVersion'],
      value: settings.engineVersion,
      message: `is not a supported ${row.displayName} version; supported full versions: ${row.versions.join(', ')}`,
      fix: 'pin one of the supported full versions (a bare major version is not accepted)',
    });
  }
  problems.push(...classProblems(['instanceClass'], settings.instanceClass, row, settings.region, settings.licenseModel));
  problems.push(...storageProblems(settings, row));
  const retention = settings.backupRetentionDays;
  if (!Number.isInteger(retention) || retention < 0 || retention > 35) {
    problems.push({ path: ['backupRetentionDays'], value: retention, message: 'must be an integer from 0 to 35 days (RDS limit)', fix: 'choose from 0 to 35' });
  }
  settings.allowedCidrs.forEach((cidr, index) => {
    if (cidr.endsWith('/0')) {
      problems.push({
        path: ['allowedCidrs', index],
        value: cidr,
        message: 'opens the database to every address; databases are never public',
        fix: 'name the CIDR blocks of your application subnets',
      });
    }
  });
  problems.push(...windowProblems(settings));
  if (row) problems.push(...engineProblems(settings, row));
  return problems;
}

function classProblems(
  path: RdsSettingProblem['path'],
  instanceClass: string,
  row: RdsEngineRow | undefined,
  region: string,
  licenseModel: string | undefined,
): RdsSettingProblem[] {
  const info = rdsInstanceClass(instanceClass);
  if (!info) {
    return [
      {
        path,
        value: instanceClass,
        message: `is not an instance class in our catalog (${CATALOG_HINT})`,
        fix: 'choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge',
      },
    ];
  }
  if (row && info.graviton && !row.graviton) {
    const allowed = Object.entries(RDS_GENERATIONS)
      .filter(([, g]) => !g.graviton)
      .map(([name]) => name);
    return [
      {
        path,
        value: instanceClass,
        message: `is a Graviton (ARM) class, which ${row.displayName} does not run on; allowed generations: ${allowed.join(', ')}`,
        fix: `choose the same size in an x86 generation, such as db.${X86_EQUIVALENT[RDS_GENERATIONS[info.generation].shape]}.${instanceClass.split('.')[2]}`,
      },
    ];
  }
  if (!row) return [];
  // An unknown license model is reported on its own; the classes are then those of the engine's default model.
  const license = licenseModel !== undefined && row.licenseModels.includes(licenseModel as never) ? licenseModel : row.licenseModels[0];
  return classOfferProblems(path, `${row.engine}/${license}`, `${row.displayName} (${license})`, instanceClass, region).map((problem) => ({
    ...problem,
    path,
  }));
}

function storageProblems(settings: RdsInstanceSettings, row: RdsEngineRow | undefined): RdsSettingProblem[] {
  const problems: RdsSettingProblem[] = [];
  const allocated = settings.allocatedStorageGiB;
  const ceiling = settings.maxAllocatedStorageGiB;
  // An unknown engine is reported once above; its storage is then held to the widest range RDS has.
  const limits = RDS_STORAGE_LIMITS[row?.parameterFamily ?? 'postgres'][RDS_STORAGE_TYPE];
  const onWhat = `${row ? `${row.displayName} on ` : ''}${RDS_STORAGE_TYPE} storage`;
  if (!Number.isInteger(allocated) || allocated < limits.minGiB || allocated > limits.maxGiB) {
    problems.push({
      path: ['allocatedStorageGiB'],
      value: allocated,
      message: `must be an integer from ${limits.minGiB} to ${limits.maxGiB} GiB for ${onWhat} (RDS limit)`,
      fix: `choose a size from ${limits.minGiB} to ${limits.maxGiB}`,
    });
  }
  if (ceiling === undefined) return problems;
  if (ceiling > limits.maxGiB) {
    problems.push({
      path: ['maxAllocatedStorageGiB'],
      value: ceiling,
      message: `must be at most ${limits.maxGiB} GiB for ${onWhat}; RDS cannot grow storage beyond it`,
      fix: `lower it to ${limits.maxGiB} or less`,
    });
  }
  const lowest = minimumAutoscalingCeiling(allocated);
  if (ceiling < lowest) {
    problems.push({
      path: ['maxAllocatedStorageGiB'],
      value: ceiling,
      message: `must be at least ${AUTOSCALING_MARGIN_PERCENT}% above allocatedStorageGiB (${allocated}), so at least ${lowest} GiB, for RDS storage autoscaling`,
      fix:
        lowest > limits.maxGiB
          ? `remove it: ${allocated} GiB leaves no room to autoscale below the ${limits.maxGiB} GiB limit`
          : `raise it to ${lowest} or more, or remove it to turn autoscaling off`,
    });
  }
  return problems;
}

/** Backup and maintenance windows: well-formed, long enough, apart (RDS instances and Aurora clusters alike). */
export function windowProblems(settings: Pick<RdsInstanceSettings, 'preferredBackupWindow' | 'preferredMaintenanceWindow'>): RdsSettingProblem[] {
  const problems: RdsSettingProblem[] = [];
  const backup = parseBackupWindow(settings.preferredBackupWindow);
  const maintenance = parseMaintenanceWindow(settings.preferredMaintenanceWindow);
  if (!backup || backup.minutes < MIN_WINDOW_MINUTES) {
    problems.push({
      path: ['preferredBackupWindow'],
      value: settings.preferredBackupWindow,
      message: `must be a daily UTC window hh24:mi-hh24:mi of at least ${MIN_WINDOW_MINUTES} minutes`,
      fix: "write it like '02:00-03:00'",
    });
  }
  if (!maintenance || maintenance.minutes < MIN_WINDOW_MINUTES) {
    problems.push({
      path: ['preferredMaintenanceWindow'],
      value: settings.preferredMaintenanceWindow,
      message: `must be a weekly UTC window ddd:hh24:mi-ddd:hh24:mi of at least ${MIN_WINDOW_MINUTES} minutes`,
      fix: "write it like 'sun:04:00-sun:05:00'",
    });
  }
  if (backup && maintenance && windowsOverlap(backup, maintenance)) {
    problems.push({
      path: ['preferredMaintenanceWindow'],
      value: settings.preferredMaintenanceWindow,
      message: `overlaps the daily backup window ${settings.preferredBackupWindow}; RDS needs them apart`,
      fix: 'move one of the two windows so they do not meet',
    });
  }
  return problems;
}

function engineProblems(settings: RdsInstanceSettings, row: RdsEngineRow): RdsSettingProblem[] {
  const problems: RdsSettingProblem[] = [];
  if (settings.multiAz && !row.multiAz) {
    problems.push({
      path: ['multiAz'],
      value: true,
      message: `${row.displayName} does not support Multi-AZ`,
      fix: 'turn high availability off for this database, or choose Standard or Enterprise Edition',
    });
  }
  if (settings.licenseModel !== undefined && !row.licenseModels.includes(settings.licenseModel as never)) {
    problems.push({
      path: ['licenseModel'],
      value: settings.licenseModel,
      message: `is not offered for ${row.displayName}; allowed: ${row.licenseModels.join(', ')}`,
      fix: `use ${row.licenseModels[0]} or remove the setting`,
    });
  }
  if (row.versions.includes(settings.engineVersion)) {
    const family = row.familyOf(row.majorOf(settings.engineVersion));
    const names = RDS_PARAMETER_CATALOGS[row.parameterFamily];
    for (const name of Object.keys(settings.parameters)) {
      if (!names.has(name, row.majorOf(settings.engineVersion))) {
        problems.push({
          path: ['parameters', name],
          value: settings.parameters[name],
          message: `'${name}' is not a parameter of the ${family} family`,
          fix: `check the spelling against \`${names.source.replace('<family>', family)}\`; if RDS has it, add it to constructs/aws/rds/tables/rds-parameter-names.ts`,
        });
      }
    }
    problems.push(...rdsParameterValueProblems(row.parameterFamily, row.majorOf(settings.engineVersion), family, 'parameters', settings.parameters));
  }
  for (const problem of [...databaseNameProblems(row.parameterFamily, row.displayName, settings.databaseName), ...portProblems(row, settings.port)]) {
    problems.push({ ...problem, path: problem.path as RdsSettingProblem['path'] });
  }
  if (settings.proxy && !row.proxyEngineFamily) {
    problems.push({ path: ['proxy'], value: true, message: `RDS Proxy does not support ${row.displayName}`, fix: 'turn the proxy off for this database' });
  }
  if (settings.backupReplicationRegion !== undefined && settings.backupReplicationRegion === settings.region) {
    problems.push({
      path: ['backupReplicationRegion'],
      value: settings.backupReplicationRegion,
      message: "equals the database's own region; automated backups are replicated to another region",
      fix: 'name another region, or remove the setting',
    });
  }
  problems.push(...replicaProblems(settings, row));
  return problems;
}

function replicaProblems(settings: RdsInstanceSettings, row: RdsEngineRow): RdsSettingProblem[] {
  if (settings.replicas.length === 0) return [];
  const limits = row.readReplicas;
  if (!limits) {
    return [
      {
        path: ['replicas'],
        value: settings.replicas.length,
        message: `${row.displayName} has no read replicas on RDS`,
        fix:
          row.parameterFamily === 'oracle'
            ? 'use Oracle Enterprise Edition (Active Data Guard) or remove the replicas'
            : 'use Enterprise Edition or remove the replicas',
      },
    ];
  }
  const problems: RdsSettingProblem[] = [];
  if (settings.replicas.length > limits.max) {
    problems.push({
      path: ['replicas'],
      value: settings.replicas.length,
      message: `lists ${settings.replicas.length} read replicas; ${row.displayName} allows at most ${limits.max} per source`,
      fix: `remove ${settings.replicas.length - limits.max} of them`,
    });
  }
  if (settings.backupRetentionDays === 0) {
    problems.push({
      path: ['backupRetentionDays'],
      value: 0,
      message: 'must be greater than 0 on a database with read replicas (RDS needs backups on a replica source)',
      fix: 'set backupRetentionDays from 1 to 35',
    });
  }
  if (limits.sourceMustBeMultiAz && !settings.multiAz) {
    problems.push({
      path: ['multiAz'],
      value: false,
      message: `must be on for a ${row.displayName} source of read replicas (replication runs through an Always On availability group)`,
      fix: 'turn high availability on, or remove the replicas',
    });
  }
  settings.replicas.forEach((replica, index) => {
    if (replica.region !== settings.region && !limits.crossRegion) {
      problems.push({
        path: ['replicas', index, 'region'],
        value: replica.region,
        message: `is another region than the source (${settings.region}); ${row.displayName} has no cross-region read replicas`,
        fix: `place the replica in ${settings.region}, or remove it`,
      });
    }
    // A replica with the source's class in the source's region is checked once above.
    if (replica.instanceClass !== settings.instanceClass || replica.region !== settings.region) {
      problems.push(...classProblems(['replicas', index, 'instanceClass'], replica.instanceClass, row, replica.region, settings.licenseModel));
    }
  });
  return problems;
}
