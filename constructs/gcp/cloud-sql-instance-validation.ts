/**
 * The checks a CloudSqlInstance runs when it is constructed, and the ones it shares with read replicas: what a
 * platform team would otherwise only hit at apply time (or never, for the silent ones). Most are the config's own
 * (cloudSqlInstanceProblems in tables/cloud-sql-instance-checks.ts), so each is worded once; here are the ones the
 * config schema or the plan already rule out (explicit edition, ranges, formats, the key's region).
 */
import { Token } from 'cdktf';
import { CLOUD_SQL_NAME_MAX_LENGTH, identifierProblem } from '../common/identifiers';
import type { PathProblem } from '../common/path-problem';
import { CloudSqlEngineRow } from './tables/cloud-sql-engine-table';
import { CLOUD_SQL_EDITIONS } from './tables/cloud-sql-choices';
import { type CloudSqlInstanceProps, isMySql, type ResolvedCloudSqlInstanceProps } from './cloud-sql-instance-props';
import { cloudSqlInstanceProblems, CloudSqlInstanceSettings, CloudSqlSettingNames, MAX_DISK_SIZE_GB, versionKeyOf } from './tables/cloud-sql-instance-checks';
import { CLOUD_SQL_DEFAULTS } from './tables/cloud-sql-defaults';

const BACKUP_START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_RETAINED_BACKUPS = 365;

const known = (value: string | undefined): value is string => value !== undefined && !Token.isUnresolved(value);

export function instanceProblems(props: CloudSqlInstanceProps, resolved: ResolvedCloudSqlInstanceProps, row?: CloudSqlEngineRow): PathProblem[] {
  const problems: PathProblem[] = [];
  const add = (field: string, value: unknown, message: string, fix: string) => problems.push({ path: [field], value, message, fix });

  if (!(CLOUD_SQL_EDITIONS as readonly string[]).includes(props.edition)) {
    add(
      'edition',
      props.edition,
      `must be set explicitly to ${CLOUD_SQL_EDITIONS.join(' or ')}; PostgreSQL 16+ otherwise defaults to ENTERPRISE_PLUS, which rejects most tiers`,
      "set edition: 'ENTERPRISE' (or 'ENTERPRISE_PLUS' with a db-perf-optimized tier)",
    );
  }
  problems.push(...instanceNameProblems(props.instanceName));
  if (known(props.databaseVersion)) {
    const mysql = isMySql(props.databaseVersion);
    if (mysql && resolved.pointInTimeRecoveryMode === 'pitr') {
      add(
        'pointInTimeRecoveryMode',
        'pitr',
        `is rejected for ${props.databaseVersion}; MySQL uses 'binary-log'`,
        "set pointInTimeRecoveryMode: 'binary-log', or leave it out",
      );
    }
    if (!mysql && resolved.pointInTimeRecoveryMode === 'binary-log') {
      add(
        'pointInTimeRecoveryMode',
        'binary-log',
        `is MySQL-only; ${props.databaseVersion} uses 'pitr'`,
        "set pointInTimeRecoveryMode: 'pitr', or leave it out",
      );
    }
  }
  if (!Number.isInteger(resolved.retainedBackups) || resolved.retainedBackups < 1 || resolved.retainedBackups > MAX_RETAINED_BACKUPS) {
    add('retainedBackups', resolved.retainedBackups, `must be an integer from 1 to ${MAX_RETAINED_BACKUPS}`, `choose from 1 to ${MAX_RETAINED_BACKUPS}`);
  }
  if (!Number.isInteger(resolved.diskSizeGb) || resolved.diskSizeGb < CLOUD_SQL_DEFAULTS.diskSizeGb || resolved.diskSizeGb > MAX_DISK_SIZE_GB) {
    add(
      'diskSizeGb',
      resolved.diskSizeGb,
      `must be an integer from ${CLOUD_SQL_DEFAULTS.diskSizeGb} to ${MAX_DISK_SIZE_GB}`,
      `choose from ${CLOUD_SQL_DEFAULTS.diskSizeGb} to ${MAX_DISK_SIZE_GB} GB`,
    );
  }
  if (known(resolved.backupStartTime) && !BACKUP_START_TIME.test(resolved.backupStartTime)) {
    add('backupStartTime', resolved.backupStartTime, 'must be HH:MM in UTC', `write it as e.g. '${CLOUD_SQL_DEFAULTS.backupStartTime}'`);
  }
  problems.push(...keyRegionProblems(props.encryptionKeyName, props.region));
  if (row) problems.push(...engineProblems(props, row));
  // The checks the config runs too, on the same settings shape: one function, one wording. Skipped for a version the
  // engine table does not know (nothing to check against) and, for the tier, a token.
  if (row) {
    const shared = cloudSqlInstanceProblems(settingsOf(props, resolved, row), PROP_NAMES);
    problems.push(...(known(props.tier) ? shared : shared.filter((problem) => problem.path[0] !== 'tier')));
  }
  return problems;
}

/** The props' names for the settings the config names differently. */
const PROP_NAMES: CloudSqlSettingNames = {
  logSwitch: 'pointInTimeRecovery',
  availability: { field: 'availabilityType', value: 'REGIONAL', off: "availabilityType: 'ZONAL'" },
  flags: 'databaseFlags',
};

/** The props as the shared checks see them (defaults filled in; flags not resolved yet are left out). */
function settingsOf(props: CloudSqlInstanceProps, resolved: ResolvedCloudSqlInstanceProps, row: CloudSqlEngineRow): CloudSqlInstanceSettings {
  return {
    engine: row,
    version: versionKeyOf(row, props.databaseVersion),
    edition: props.edition,
    machineTier: resolved.machineTier,
    highAvailability: resolved.availabilityType === 'REGIONAL',
    diskType: resolved.diskType,
    diskSizeGb: resolved.diskSizeGb,
    diskAutoresize: resolved.diskAutoresize,
    diskAutoresizeLimitGb: resolved.diskAutoresizeLimitGb,
    backups: resolved.backups,
    retainedBackups: resolved.retainedBackups,
    logsOn: resolved.pointInTimeRecovery,
    transactionLogRetentionDays: resolved.transactionLogRetentionDays,
    iamAuthentication: resolved.iamAuthentication,
    auditLogging: resolved.auditLogging,
    auditBucket: props.auditBucket,
    dataCache: props.dataCache,
    queryInsights: props.queryInsights,
    passwordPolicy: props.passwordPolicy,
    maintenanceWindow: props.maintenanceWindow,
    denyMaintenancePeriod: props.denyMaintenancePeriod,
    flags: Object.fromEntries(Object.entries(resolved.databaseFlags).filter(([, value]) => !Token.isUnresolved(value))),
  };
}

/** What only some engines or versions offer, beyond the checks shared with the config. */
function engineProblems(props: CloudSqlInstanceProps, row: CloudSqlEngineRow): PathProblem[] {
  const problems: PathProblem[] = [];
  const name = `${row.displayName} (${props.databaseVersion})`;
  if (row.requiresRootPassword && props.rootPassword === undefined) {
    problems.push({
      path: ['rootPassword'],
      value: undefined,
      message: `is required for ${name}: Cloud SQL creates the instance with it`,
      fix: 'pass a secret reference',
    });
  }
  if (props.disasterRecoveryReplicaName !== undefined && (props.edition !== 'ENTERPRISE_PLUS' || row.disasterRecoveryReplica !== 'designated')) {
    problems.push({
      path: ['disasterRecoveryReplicaName'],
      value: props.disasterRecoveryReplicaName,
      message: `needs ENTERPRISE_PLUS PostgreSQL or MySQL (${name}, ${props.edition})`,
      fix: 'remove disasterRecoveryReplicaName, or use ENTERPRISE_PLUS PostgreSQL or MySQL',
    });
  }
  return problems;
}

/** Shared with read replicas: a valid Cloud SQL instance name. */
export function instanceNameProblems(name: string): PathProblem[] {
  const problem = known(name) ? identifierProblem(name, CLOUD_SQL_NAME_MAX_LENGTH) : undefined;
  return problem ? [{ path: ['instanceName'], value: name, message: problem, fix: 'rename the instance' }] : [];
}

/** Shared with read replicas: Cloud SQL uses a key only in the instance's own region. */
export function keyRegionProblems(encryptionKeyName: string, region: string): PathProblem[] {
  if (Token.isUnresolved(encryptionKeyName) || Token.isUnresolved(region)) return [];
  const keyRegion = /\/locations\/([^/]+)\//.exec(encryptionKeyName)?.[1];
  if (keyRegion === region) return [];
  return [
    {
      path: ['encryptionKeyName'],
      value: encryptionKeyName,
      message: `must be a key in the instance's region ${region} (projects/…/locations/${region}/keyRings/…/cryptoKeys/…)`,
      fix: `use the key of ${region}`,
    },
  ];
}
