/**
 * Checks on Cloud SQL settings, shared by the constructs (for teams composing them directly) and the config loader
 * (which reports them with the environment, database and config path). Each returns what is wrong, what is allowed
 * and the fix; the path starts with the setting's name. cloudSqlInstanceProblems is the one entry point both run; the
 * few settings named differently in config and in construct props are named by the caller (CloudSqlSettingNames).
 */
import { isIntegerIn } from '../../common/integer-range';
import type { PathProblem } from '../../common/path-problem';
import { maintenanceWindowProblems } from './maintenance-window-checks';
import { CloudSqlEngineRow, TRANSACTION_LOG_DAYS } from './cloud-sql-engine-table';
import { CloudSqlDiskType, CloudSqlEdition } from './cloud-sql-choices';
import { cloudSqlFlagProblem } from './cloud-sql-flag-checks';
import { CloudSqlMachineTier, InvalidCloudSqlTier, isValidCloudSqlTier } from './cloud-sql-tiers';

export interface CloudSqlQueryInsights {
  /** Longest query text kept, 256–4500 bytes. @default 1024 */
  readonly queryStringLength?: number;
  /** Query plans sampled per minute: 0–20, or 0–200 on ENTERPRISE_PLUS. @default 5 */
  readonly queryPlansPerMinute?: number;
  /** @default false */
  readonly recordApplicationTags?: boolean;
  /** Client addresses are personal data in some jurisdictions. @default false */
  readonly recordClientAddress?: boolean;
}

export interface CloudSqlPasswordPolicy {
  /** @default 12 */
  readonly minLength?: number;
  /** Mixed case, digits and symbols required. @default true */
  readonly complexity?: boolean;
  /** Previous passwords that cannot be reused. @default 5 */
  readonly reuseInterval?: number;
  /** @default true */
  readonly disallowUsernameSubstring?: boolean;
  /** PostgreSQL only: minimum time between two changes of a password, in seconds with an `s` suffix. */
  readonly passwordChangeInterval?: string;
}

export interface CloudSqlMaintenanceWindow {
  /** 1 (Monday) to 7 (Sunday). */
  readonly day: number;
  /** 0–23, UTC. */
  readonly hour: number;
  /** `canary` gets updates a week before `stable`, `week5` five weeks after the notice. @default 'stable' */
  readonly updateTrack?: 'canary' | 'stable' | 'week5';
}

export interface CloudSqlDenyMaintenancePeriod {
  /** `YYYY-MM-DD`, or `MM-DD` for a period that recurs every year (then endDate is `MM-DD` too). */
  readonly startDate: string;
  readonly endDate: string;
  /** Start and end time on those dates, `HH:MM:SS` UTC. @default '00:00:00' */
  readonly time?: string;
}

export const QUERY_STRING_LENGTH = { min: 256, max: 4500 } as const;
export const QUERY_PLANS_PER_MINUTE: Readonly<Record<CloudSqlEdition, number>> = { ENTERPRISE: 20, ENTERPRISE_PLUS: 200 };
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_DENY_MAINTENANCE_DAYS = 90;

const DAY_MS = 24 * 3600 * 1000;

/** The problem with a parsed tier: unknown shape, shared-core where the engine has none, edition mismatch. */
export function tierProblem(
  tier: CloudSqlMachineTier | InvalidCloudSqlTier,
  edition: CloudSqlEdition,
  row: CloudSqlEngineRow,
  field = 'tier',
): PathProblem | undefined {
  const value = tier.name;
  if (!isValidCloudSqlTier(tier)) return { path: [field], value, message: tier.invalid, fix: 'choose a valid tier such as db-custom-2-7680' };
  if (tier.family === 'shared-core' && !row.sharedCoreTiers) {
    return {
      path: [field],
      value,
      message: `is a shared-core tier, which Cloud SQL does not offer for ${row.displayName}`,
      fix: 'choose a db-custom tier such as db-custom-2-7680',
    };
  }
  if (edition === 'ENTERPRISE_PLUS' && tier.family !== 'performance-optimized') {
    return {
      path: [field],
      value,
      message: 'is not a performance-optimized tier; ENTERPRISE_PLUS offers only db-perf-optimized-N-<vCPU>',
      fix: "choose a tier such as db-perf-optimized-N-4, or set edition: 'ENTERPRISE'",
    };
  }
  if (edition === 'ENTERPRISE' && tier.family === 'performance-optimized') {
    return {
      path: [field],
      value,
      message: 'is a performance-optimized tier, which only ENTERPRISE_PLUS offers',
      fix: "set edition: 'ENTERPRISE_PLUS' or choose a db-custom tier",
    };
  }
  return undefined;
}

/** What the engine, the version and the edition offer; `undefined` fields were not asked for. */
export interface CloudSqlFeatureSettings {
  /** The version as written in config (`2022-standard`); a construct looks it up from its `database_version`. */
  readonly version: string;
  readonly edition: CloudSqlEdition;
  readonly diskType: CloudSqlDiskType;
  readonly iamAuthentication?: boolean;
  readonly auditLogging: boolean;
  readonly auditBucket?: string;
  readonly dataCache?: boolean;
  readonly queryInsights?: boolean | CloudSqlQueryInsights;
}

export function featureProblems(settings: CloudSqlFeatureSettings, row: CloudSqlEngineRow): PathProblem[] {
  const problems: PathProblem[] = [];
  const name = `${row.displayName} ${settings.version}`;
  const version = row.versions[settings.version];
  const offering = (capability: 'enterprisePlus' | 'replicas') =>
    Object.entries(row.versions)
      .filter(([, v]) => v[capability] !== false)
      .map(([key]) => key);
  if (settings.edition === 'ENTERPRISE_PLUS' && version?.enterprisePlus === false) {
    const offered = offering('enterprisePlus');
    problems.push({
      path: ['edition'],
      value: settings.edition,
      message: `is not offered for ${name}; ENTERPRISE_PLUS takes ${offered.join(', ')}`,
      fix: `set edition: 'ENTERPRISE' or choose version ${offered.join(' or ')}`,
    });
  }
  if (settings.queryInsights !== undefined && settings.queryInsights !== false && version?.queryInsights === false) {
    problems.push({ path: ['queryInsights'], value: settings.queryInsights, message: `is not available for ${name}`, fix: 'remove queryInsights' });
  }
  if (settings.iamAuthentication && !row.iamAuthenticationFlag) {
    problems.push({
      path: ['iamAuthentication'],
      value: true,
      message: `is not available for ${row.displayName} on Cloud SQL`,
      fix: 'remove iamAuthentication',
    });
  }
  if (settings.auditLogging && row.audit === 'bucket' && !settings.auditBucket) {
    problems.push({
      path: ['auditBucket'],
      value: undefined,
      message: `is required for auditLogging on ${row.displayName}: Cloud SQL uploads the audit files to a bucket`,
      fix: 'set auditBucket to gs://<bucket>',
    });
  }
  if (settings.auditBucket !== undefined && row.audit !== 'bucket') {
    problems.push({
      path: ['auditBucket'],
      value: settings.auditBucket,
      message: `is for SQL Server only; ${row.displayName} audits to Cloud Logging`,
      fix: 'remove auditBucket',
    });
  }
  if (settings.dataCache && settings.edition !== 'ENTERPRISE_PLUS') {
    problems.push({ path: ['dataCache'], value: true, message: 'is an ENTERPRISE_PLUS feature', fix: "remove dataCache or set edition: 'ENTERPRISE_PLUS'" });
  }
  if (settings.diskType === 'PD_HDD' && settings.edition === 'ENTERPRISE_PLUS') {
    problems.push({ path: ['diskType'], value: settings.diskType, message: 'is not offered on ENTERPRISE_PLUS', fix: "use diskType: 'PD_SSD'" });
  }
  return problems;
}

/** The config name of a `database_version` (`SQLSERVER_2022_STANDARD` → `2022-standard`). */
export function versionKeyOf(row: CloudSqlEngineRow, databaseVersion: string): string {
  return Object.entries(row.versions).find(([, version]) => version.databaseVersion === databaseVersion)?.[0] ?? databaseVersion;
}

export function queryInsightsProblems(insights: CloudSqlQueryInsights, edition: CloudSqlEdition): PathProblem[] {
  const problems: PathProblem[] = [];
  const length = insights.queryStringLength;
  if (length !== undefined && !isIntegerIn(length, QUERY_STRING_LENGTH.min, QUERY_STRING_LENGTH.max)) {
    problems.push({
      path: ['queryInsights', 'queryStringLength'],
      value: length,
      message: `must be an integer from ${QUERY_STRING_LENGTH.min} to ${QUERY_STRING_LENGTH.max} bytes`,
      fix: 'choose a length in that range (1024 is the default)',
    });
  }
  const plans = insights.queryPlansPerMinute;
  const maxPlans = QUERY_PLANS_PER_MINUTE[edition];
  if (plans !== undefined && !isIntegerIn(plans, 0, maxPlans)) {
    problems.push({
      path: ['queryInsights', 'queryPlansPerMinute'],
      value: plans,
      message: `must be an integer from 0 to ${maxPlans} on ${edition}`,
      fix: `choose from 0 to ${maxPlans} (5 is the default)`,
    });
  }
  return problems;
}

export function passwordPolicyProblems(policy: CloudSqlPasswordPolicy, row: CloudSqlEngineRow): PathProblem[] {
  const problems: PathProblem[] = [];
  if (row.passwordPolicy === 'none') {
    return [
      { path: ['passwordPolicy'], value: policy, message: `Cloud SQL has no instance password policy for ${row.displayName}`, fix: 'remove passwordPolicy' },
    ];
  }
  if (policy.minLength !== undefined && !(Number.isInteger(policy.minLength) && policy.minLength >= MIN_PASSWORD_LENGTH)) {
    problems.push({
      path: ['passwordPolicy', 'minLength'],
      value: policy.minLength,
      message: `must be an integer of at least ${MIN_PASSWORD_LENGTH}`,
      fix: `raise it to ${MIN_PASSWORD_LENGTH} or more (12 is the default)`,
    });
  }
  if (policy.reuseInterval !== undefined && !(Number.isInteger(policy.reuseInterval) && policy.reuseInterval >= 0)) {
    problems.push({
      path: ['passwordPolicy', 'reuseInterval'],
      value: policy.reuseInterval,
      message: 'must be a whole number of previous passwords (0 or more)',
      fix: 'choose 0 or more (5 is the default)',
    });
  }
  const interval = policy.passwordChangeInterval;
  if (interval !== undefined && row.passwordPolicy !== 'with-change-interval') {
    problems.push({
      path: ['passwordPolicy', 'passwordChangeInterval'],
      value: interval,
      message: `is offered for PostgreSQL only, not for ${row.displayName}`,
      fix: 'remove passwordChangeInterval',
    });
  } else if (interval !== undefined && !/^\d+s$/.test(interval)) {
    problems.push({
      path: ['passwordPolicy', 'passwordChangeInterval'],
      value: interval,
      message: "must be whole seconds with an 's' suffix, such as '3600s'",
      fix: "write it in seconds, e.g. '86400s' for a day",
    });
  }
  return problems;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEARLY_DATE = /^(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/** Milliseconds since the epoch of a valid `YYYY-MM-DD` or `MM-DD` (in `year`), or undefined. */
function parseDate(text: string, year: number): number | undefined {
  const full = FULL_DATE.exec(text);
  const yearly = YEARLY_DATE.exec(text);
  const [y, m, d] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : yearly ? [year, Number(yearly[1]), Number(yearly[2])] : [];
  if (y === undefined) return undefined;
  const time = Date.UTC(y, m! - 1, d);
  // Date.UTC rolls 02-30 over to March: a date that does not round-trip does not exist.
  return new Date(time).getUTCMonth() === m! - 1 && new Date(time).getUTCDate() === d ? time : undefined;
}

export function denyMaintenancePeriodProblems(period: CloudSqlDenyMaintenancePeriod): PathProblem[] {
  const fix = `give YYYY-MM-DD dates (or MM-DD for a yearly period) at most ${MAX_DENY_MAINTENANCE_DAYS} days apart`;
  const yearly = YEARLY_DATE.test(period.startDate);
  // A non-leap year for yearly periods, so 02-29 is refused (it would not recur every year).
  const start = parseDate(period.startDate, 2001);
  let end = parseDate(period.endDate, 2001);
  if (start === undefined)
    return [{ path: ['denyMaintenancePeriod', 'startDate'], value: period.startDate, message: 'must be a date YYYY-MM-DD or MM-DD', fix }];
  if (end === undefined || YEARLY_DATE.test(period.endDate) !== yearly) {
    return [
      {
        path: ['denyMaintenancePeriod', 'endDate'],
        value: period.endDate,
        message: `must be a date in the same format as startDate (${yearly ? 'MM-DD' : 'YYYY-MM-DD'})`,
        fix,
      },
    ];
  }
  // A yearly period may run over New Year (12-20 to 01-05).
  if (yearly && end < start) end += 365 * DAY_MS;
  const problems: PathProblem[] = [];
  const days = (end - start) / DAY_MS;
  if (days < 0 || days > MAX_DENY_MAINTENANCE_DAYS) {
    problems.push({
      path: ['denyMaintenancePeriod', 'endDate'],
      value: period.endDate,
      message: `must be after startDate (${period.startDate}) and at most ${MAX_DENY_MAINTENANCE_DAYS} days later (it is ${days} days)`,
      fix,
    });
  }
  if (period.time !== undefined && !TIME.test(period.time)) {
    problems.push({
      path: ['denyMaintenancePeriod', 'time'],
      value: period.time,
      message: 'must be a time HH:MM:SS (UTC)',
      fix: "write it as e.g. '00:00:00'",
    });
  }
  return problems;
}

/** The most days of transaction logs Cloud SQL keeps for an edition and engine. */
export const maxTransactionLogDays = (edition: CloudSqlEdition, row: CloudSqlEngineRow) =>
  edition === 'ENTERPRISE_PLUS' && row.longLogRetentionOnEnterprisePlus ? TRANSACTION_LOG_DAYS.enterprisePlus : TRANSACTION_LOG_DAYS.standard;

/**
 * Days of transaction (or binary) logs against the edition's limit and the retained backups. One wording for the
 * config and the construct: Cloud SQL refuses as many days of logs as backups ("backup retention should be >
 * transaction log retention").
 */
export function transactionLogProblems(
  recovery: { transactionLogRetentionDays: number; retainedBackups: number; logsOn: boolean; edition: CloudSqlEdition },
  row: CloudSqlEngineRow,
): PathProblem[] {
  const days = recovery.transactionLogRetentionDays;
  const maxDays = maxTransactionLogDays(recovery.edition, row);
  const path = ['transactionLogRetentionDays'];
  if (!Number.isInteger(days) || days < 1 || days > maxDays) {
    return [
      {
        path,
        value: days,
        message: `must be from 1 to ${maxDays} days for ${recovery.edition} ${row.engine} (35 only on ENTERPRISE_PLUS for PostgreSQL and SQL Server)`,
        fix: `lower it to ${maxDays} or less`,
      },
    ];
  }
  if (recovery.logsOn && days >= recovery.retainedBackups) {
    return [
      {
        path,
        value: days,
        message: `must be less than retainedBackups (${recovery.retainedBackups}); Cloud SQL keeps more backups than days of transaction logs`,
        fix: `lower it below ${recovery.retainedBackups} or raise retainedBackups above ${days}`,
      },
    ];
  }
  return [];
}

/** Cloud SQL's largest disk, GB. */
export const MAX_DISK_SIZE_GB = 65536;

/** A growth limit must leave the disk room to grow, and needs growth on. One wording for config and constructs. */
export function diskLimitProblems(disk: { diskSizeGb: number; diskAutoresize: boolean; diskAutoresizeLimitGb?: number }): PathProblem[] {
  const limit = disk.diskAutoresizeLimitGb;
  // Unset or 0: no limit.
  if (limit === undefined || limit === 0) return [];
  const path = ['diskAutoresizeLimitGb'];
  if (!Number.isInteger(limit) || limit <= disk.diskSizeGb || limit > MAX_DISK_SIZE_GB) {
    return [
      {
        path,
        value: limit,
        message: `must be above diskSizeGb (${disk.diskSizeGb}) and at most ${MAX_DISK_SIZE_GB} GB, so the disk can grow`,
        fix: `raise it above ${disk.diskSizeGb}, or remove it for no limit`,
      },
    ];
  }
  return disk.diskAutoresize
    ? []
    : [{ path, value: limit, message: 'has no effect with diskAutoresize: false', fix: 'remove diskAutoresizeLimitGb or turn diskAutoresize on' }];
}

/** Transaction or binary logs need automated backups; `logSwitch` is the setting that turned them on. */
export function logsNeedBackupsProblem(logSwitch: string, row: CloudSqlEngineRow): PathProblem {
  const logs = row.pointInTimeRecovery === 'binary-log' ? 'binary' : 'transaction';
  return {
    path: [logSwitch],
    value: true,
    message: `needs backups: Cloud SQL keeps ${logs} logs only with automated backups on`,
    fix: `set backups: true, or ${logSwitch}: false`,
  };
}

/**
 * REGIONAL availability needs backups with the engine's logs. One wording; the caller names its own settings (the
 * config's `highAvailability` and `binaryLog`, the construct's `availabilityType` and `pointInTimeRecovery`).
 */
export function regionalNeedsLogsProblem(row: CloudSqlEngineRow, availability: { field: string; value: unknown; off: string }, logSwitch: string): PathProblem {
  const logs = row.pointInTimeRecovery === 'binary-log' ? 'binary logs' : 'point-in-time recovery';
  return {
    path: [availability.field],
    value: availability.value,
    message: `needs backups with ${logs}: Cloud SQL refuses REGIONAL availability without them`,
    fix: `set backups: true and ${logSwitch}: true, or ${availability.off}`,
  };
}

/** A replica's disk holds its primary's data, so it is never smaller. */
export function replicaDiskProblem(replicaDiskSizeGb: number, primaryDiskSizeGb: number): PathProblem | undefined {
  if (replicaDiskSizeGb >= primaryDiskSizeGb) return undefined;
  return {
    path: ['diskSizeGb'],
    value: replicaDiskSizeGb,
    message: `must be at least the primary's diskSizeGb (${primaryDiskSizeGb}) to hold its data`,
    fix: `raise it to ${primaryDiskSizeGb} or more, or remove it`,
  };
}

/**
 * One Cloud SQL instance's settings as the checks see them: built once from the resolved config (by the plan, which
 * keeps it, and by the config rule) and by CloudSqlInstance from its props. `undefined` optional fields were not set.
 */
export interface CloudSqlInstanceSettings {
  readonly engine: CloudSqlEngineRow;
  /** The version as written in config (`16`, `2022-standard`). */
  readonly version: string;
  readonly edition: CloudSqlEdition;
  readonly machineTier: CloudSqlMachineTier | InvalidCloudSqlTier;
  readonly highAvailability: boolean;
  readonly diskType: CloudSqlDiskType;
  readonly diskSizeGb: number;
  readonly diskAutoresize: boolean;
  /** Unset or 0: no limit. */
  readonly diskAutoresizeLimitGb?: number;
  readonly backups: boolean;
  /** A count of automated backups (one a day). */
  readonly retainedBackups: number;
  /** The engine's logs for point-in-time recovery (transaction logs, or MySQL's binary logs) are on. */
  readonly logsOn: boolean;
  readonly transactionLogRetentionDays: number;
  readonly iamAuthentication?: boolean;
  readonly auditLogging: boolean;
  readonly auditBucket?: string;
  readonly dataCache?: boolean;
  readonly queryInsights?: boolean | CloudSqlQueryInsights;
  readonly passwordPolicy?: CloudSqlPasswordPolicy | false;
  readonly maintenanceWindow?: CloudSqlMaintenanceWindow;
  readonly denyMaintenancePeriod?: CloudSqlDenyMaintenancePeriod;
  /** Flag overrides (resolved values only: a construct leaves out the ones it cannot read yet). */
  readonly flags: Readonly<Record<string, string | number>>;
}

/** How the caller names the settings whose names differ between config and construct props. */
export interface CloudSqlSettingNames {
  /** The switch of the engine's logs: `binaryLog` or `pointInTimeRecovery` in config, `pointInTimeRecovery` in props. */
  readonly logSwitch: string;
  /** `highAvailability` (config) or `availabilityType` (props), its value when on, and how to turn it off. */
  readonly availability: { readonly field: string; readonly value: unknown; readonly off: string };
  /** `flags` (config) or `databaseFlags` (props). */
  readonly flags: string;
}

/** Whether the instance can be restored to a point in time: the engine's logs, over backups. */
export const restoresToPointInTime = (settings: Pick<CloudSqlInstanceSettings, 'backups' | 'logsOn'>) => settings.backups && settings.logsOn;

/** The one check of a Cloud SQL instance's settings, for the config rule and the construct alike. */
export function cloudSqlInstanceProblems(settings: CloudSqlInstanceSettings, names: CloudSqlSettingNames): PathProblem[] {
  const row = settings.engine;
  const problems: PathProblem[] = [];
  if (!settings.backups && settings.logsOn) problems.push(logsNeedBackupsProblem(names.logSwitch, row));
  if (settings.highAvailability && !restoresToPointInTime(settings)) problems.push(regionalNeedsLogsProblem(row, names.availability, names.logSwitch));
  problems.push(...transactionLogProblems(settings, row));
  // The IAM default follows the engine, so only an explicit `iamAuthentication: true` can be refused.
  if (row.versions[settings.version]) problems.push(...featureProblems(settings, row));
  problems.push(...diskLimitProblems(settings));
  if (settings.passwordPolicy) problems.push(...passwordPolicyProblems(settings.passwordPolicy, row));
  if (typeof settings.queryInsights === 'object') problems.push(...queryInsightsProblems(settings.queryInsights, settings.edition));
  if (settings.maintenanceWindow) problems.push(...maintenanceWindowProblems(settings.maintenanceWindow));
  if (settings.denyMaintenancePeriod) problems.push(...denyMaintenancePeriodProblems(settings.denyMaintenancePeriod));
  problems.push(...[tierProblem(settings.machineTier, settings.edition, row)].flatMap((problem) => problem ?? []));
  for (const [name, value] of Object.entries(settings.flags)) {
    const problem = cloudSqlFlagProblem(row.engine, row.displayName, name, value);
    if (problem) problems.push({ ...problem, path: [names.flags, ...problem.path] });
  }
  return problems;
}
