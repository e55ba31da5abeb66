/**
 * Rules for Cloud SQL instances and their replicas: names (with replica suffixes), versions, tiers and editions,
 * backups versus logs and replicas, engine-only features, flags against the engine's allow-list.
 */
import { CLOUD_SQL_NAME_MAX_LENGTH, identifierProblem } from '../../../constructs/common/identifiers';
import type { PathProblem } from '../../../constructs/common/path-problem';
import { CLOUD_SQL_ENGINE_TABLE, CloudSqlEngineRow } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import { cloudSqlFlagProblem } from '../../../constructs/gcp/tables/cloud-sql-flag-checks';
import {
  cloudSqlInstanceProblems,
  CloudSqlInstanceSettings,
  replicaDiskProblem,
  restoresToPointInTime,
  tierProblem,
} from '../../../constructs/gcp/tables/cloud-sql-instance-checks';
import { cloudSqlInstanceSettings, configSettingNames } from './cloud-sql-instance-settings';
import { CLOUD_SQL_BACKUP_MULTI_REGIONS, CLOUD_SQL_REGIONS } from '../../../constructs/gcp/tables/cloud-sql-locations';
import { isValidCloudSqlTier } from '../../../constructs/gcp/tables/cloud-sql-tiers';
import { primaryFlags, replicaFlags } from './cloud-sql-flags';
import { cloudSqlReplicaNames } from './cloud-sql-names';
import { databaseIdentifier } from '../../naming/names';
import type { ProblemDraft } from '../../config/problem-draft';
import type { ResolvedCloudSqlInstance, ResolvedCloudSqlReplica, ResolvedEnvironment } from '../../config/resolved-environment';
import type { Rule } from '../../config/rules/rule';

type Path = Array<string | number>;
type Report = (path: Path, value: unknown, message: string, fix: string) => void;

export const cloudSqlInstanceRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'cloudsql-instance') return [];
    const problems: ProblemDraft[] = [];
    const report: Report = (path, value, message, fix) => problems.push({ database: db.name, path: ['databases', index, ...path], value, message, fix });
    const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
    nameRules(env, db, report);
    versionRules(db, row, report);
    recoveryRules(db, row, report);
    if (row.requiresRootPassword && !db.rootPasswordSecret) {
      report(
        ['rootPasswordSecret'],
        undefined,
        `is required for ${row.displayName}: Cloud SQL creates the instance with a root password`,
        'name the Secret Manager secret that holds it (projects/<project>/secrets/<name>)',
      );
    }
    // What the construct checks too, on the settings the plan builds: one function, one wording.
    const settings = cloudSqlInstanceSettings(db);
    const shared = cloudSqlInstanceProblems(settings, configSettingNames(row));
    reportShared(report, [], shared);
    replicaFlagRules(db, row, report);
    replicaRules(db, settings, !shared.some((problem) => problem.path[0] === 'tier'), report);
    return problems;
  });

/** A replica as the config wrote it (without the parsed tier), for the value of a problem. */
const replicaConfig = ({ machineTier: _parsed, ...config }: ResolvedCloudSqlReplica) => config;

/** Shared checks report a dotted field; in config it is the same path. */
function reportShared(report: Report, prefix: Path, problems: readonly (PathProblem | undefined)[]): boolean {
  for (const problem of problems) if (problem) report([...prefix, ...problem.path], problem.value, problem.message, problem.fix);
  return problems.every((problem) => problem === undefined);
}

function nameRules(env: ResolvedEnvironment, db: ResolvedCloudSqlInstance, report: Report): void {
  const instanceName = databaseIdentifier(env.name, db.name);
  const nameProblem = identifierProblem(instanceName, CLOUD_SQL_NAME_MAX_LENGTH);
  if (nameProblem) {
    report(['name'], db.name, `gives the Cloud SQL instance name '${instanceName}', which ${nameProblem}`, 'shorten the database name');
    return;
  }
  cloudSqlReplicaNames(
    instanceName,
    db.replicas.map((replica) => replica.region),
  ).forEach((replicaName, replicaIndex) => {
    const problem = identifierProblem(replicaName, CLOUD_SQL_NAME_MAX_LENGTH);
    if (problem) {
      report(
        ['replicas', replicaIndex, 'region'],
        db.replicas[replicaIndex].region,
        `gives the replica instance name '${replicaName}' (<instance>-replica-<region>), which ${problem}`,
        'shorten the database name, or place the replica in a region with a shorter name',
      );
    }
  });
}

function versionRules(db: ResolvedCloudSqlInstance, row: CloudSqlEngineRow, report: Report): void {
  const version = row.versions[db.version];
  const name = `${row.displayName} ${db.version}`;
  if (!version) {
    report(
      ['version'],
      db.version,
      `is not a supported Cloud SQL ${row.displayName} version; supported: ${Object.keys(row.versions).join(', ')}`,
      'choose a supported version',
    );
    return;
  }
  if (db.replicas.length > 0 && version.replicas === false) {
    const offered = Object.entries(row.versions)
      .filter(([, v]) => v.replicas !== false)
      .map(([key]) => key);
    report(
      ['replicas'],
      db.replicas.map(replicaConfig),
      `cannot be created for ${name}; read replicas need ${offered.join(' or ')}`,
      'remove the replicas or choose a version that has them',
    );
  }
}

function recoveryRules(db: ResolvedCloudSqlInstance, row: CloudSqlEngineRow, report: Report): void {
  const usesBinaryLog = row.pointInTimeRecovery === 'binary-log';
  if (usesBinaryLog && db.pointInTimeRecovery) {
    report(
      ['pointInTimeRecovery'],
      true,
      'is not available for MySQL on Cloud SQL, which restores MySQL to a point in time from binary logs',
      'remove pointInTimeRecovery and set binaryLog: true',
    );
  }
  if (!usesBinaryLog && db.binaryLog) {
    report(
      ['binaryLog'],
      true,
      `is MySQL-only; ${row.displayName} restores to a point in time with pointInTimeRecovery`,
      'remove binaryLog and set pointInTimeRecovery: true',
    );
  }
  if (db.replicas.length > 0 && !db.backups) {
    report(
      ['backups'],
      false,
      'must be on for a primary with read replicas: Cloud SQL creates replicas only of a primary with automated backups',
      'set backups: true or remove the replicas',
    );
  } else if (db.replicas.length > 0 && usesBinaryLog && !db.binaryLog) {
    report(
      ['binaryLog'],
      false,
      'must be on for a MySQL primary with read replicas: they replicate from the binary log',
      'set binaryLog: true or remove the replicas',
    );
  }
  if (db.backupLocation !== undefined && !CLOUD_SQL_REGIONS.includes(db.backupLocation) && !CLOUD_SQL_BACKUP_MULTI_REGIONS.includes(db.backupLocation)) {
    report(
      ['backupLocation'],
      db.backupLocation,
      `is neither a Cloud SQL region nor a multi-region (${CLOUD_SQL_BACKUP_MULTI_REGIONS.join(', ')})`,
      `use a multi-region such as ${db.region.startsWith('europe') ? 'eu' : 'us'}, a region such as ${db.region}, or remove it for the instance's region`,
    );
  }
}

/** Each replica's own flag overrides against the engine's allow-list (the primary's are in the shared checks). */
function replicaFlagRules(db: ResolvedCloudSqlInstance, row: CloudSqlEngineRow, report: Report): void {
  db.replicas.forEach((replica, replicaIndex) => {
    for (const [name, value] of Object.entries(replica.flags)) {
      const problem = cloudSqlFlagProblem(row.engine, row.displayName, name, value);
      if (problem) report(['replicas', replicaIndex, 'flags', ...problem.path], value, problem.message, problem.fix);
    }
  });
}

function replicaRules(db: ResolvedCloudSqlInstance, settings: CloudSqlInstanceSettings, primaryTierOk: boolean, report: Report): void {
  const row = settings.engine;
  const { slowQueryThresholdMs } = db;
  const primaryTier = db.machineTier;
  const flagsOf = isValidCloudSqlTier(primaryTier)
    ? primaryFlags({ row, size: primaryTier.size, slowQueryThresholdMs, diskType: db.diskType, overrides: db.flags })
    : undefined;
  const firstDisasterRecovery = db.replicas.findIndex((replica) => replica.disasterRecovery);
  if (row.maxReadReplicas !== undefined && db.replicas.length > row.maxReadReplicas) {
    report(
      ['replicas'],
      db.replicas.length,
      `lists ${db.replicas.length} read replicas; Cloud SQL for ${row.displayName} allows at most ${row.maxReadReplicas} per primary`,
      `remove ${db.replicas.length - row.maxReadReplicas} of them`,
    );
  }
  db.replicas.forEach((replica, replicaIndex) => {
    const at = (field: string): Path => ['replicas', replicaIndex, field];
    const tierOk =
      replica.tier === undefined ? primaryTierOk : reportShared(report, ['replicas', replicaIndex], [tierProblem(replica.machineTier, db.edition, row)]);
    const smallDisk = replica.diskSizeGb === undefined ? undefined : replicaDiskProblem(replica.diskSizeGb, db.diskSizeGb);
    if (smallDisk) {
      reportShared(report, ['replicas', replicaIndex], [smallDisk]);
    } else if (replica.diskSizeGb !== undefined && db.diskAutoresizeLimitGb && replica.diskSizeGb >= db.diskAutoresizeLimitGb) {
      // Replicas grow under the primary's limit.
      report(
        at('diskSizeGb'),
        replica.diskSizeGb,
        `must be below diskAutoresizeLimitGb (${db.diskAutoresizeLimitGb}), which replicas share with their primary`,
        `lower it below ${db.diskAutoresizeLimitGb} or raise diskAutoresizeLimitGb`,
      );
    }
    if (replica.disasterRecovery) disasterRecoveryRules(db, settings, replica.region, replicaIndex, replicaIndex !== firstDisasterRecovery, report);
    const replicaTier = replica.machineTier;
    if (!flagsOf || !tierOk || !isValidCloudSqlTier(replicaTier)) return;
    const flags = replicaFlags(
      { row, size: replicaTier.size, slowQueryThresholdMs, diskType: db.diskType, overrides: replica.flags },
      { flags: flagsOf, overrides: db.flags },
    );
    for (const name of row.replicaMinimumFlags) {
      if (flagsOf[name] !== undefined && Number(flags[name]) < Number(flagsOf[name])) {
        report(
          [...at('flags'), name],
          replica.flags[name],
          `must be at least the primary's value (${flagsOf[name]}): a ${row.displayName} standby refuses to start with less`,
          `raise it to ${flagsOf[name]} or remove it`,
        );
      }
    }
  });
}

function disasterRecoveryRules(
  db: ResolvedCloudSqlInstance,
  settings: CloudSqlInstanceSettings,
  region: string,
  replicaIndex: number,
  another: boolean,
  report: Report,
): void {
  const row = settings.engine;
  const at: Path = ['replicas', replicaIndex, 'disasterRecovery'];
  if (db.edition !== 'ENTERPRISE_PLUS') {
    report(
      at,
      true,
      `needs edition ENTERPRISE_PLUS (advanced disaster recovery); this ${row.displayName} instance is ${db.edition}`,
      "set edition: 'ENTERPRISE_PLUS' with a db-perf-optimized tier, or disasterRecovery: false",
    );
  }
  if (region === db.region) {
    report(at, true, `needs a replica in another region than the primary's (${db.region})`, 'move the replica to another declared region');
  }
  if (another) report(at, true, 'is already set on another replica; a primary has one disaster-recovery replica', 'keep disasterRecovery on one replica');
  if (!restoresToPointInTime(settings)) {
    report(
      at,
      true,
      `needs ${row.pointInTimeRecovery === 'pitr' ? 'point-in-time recovery' : 'binary logs'} on the primary`,
      `turn ${row.pointInTimeRecovery === 'pitr' ? 'pointInTimeRecovery' : 'binaryLog'} on`,
    );
  }
}
