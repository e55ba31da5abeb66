/**
 * Checks on an Aurora cluster's settings, shared by the AuroraCluster construct and the config loader. Paths are
 * config field names. Everything RDS would reject at deploy time, and every combination the engine table rules out,
 * is caught at synth time.
 */
import { identifierProblem, RDS_IDENTIFIER_MAX_LENGTH } from '../../../common/identifiers';
import { RDS_GENERATIONS, rdsInstanceClass } from '../../../common/instance-catalog';
import type { PathProblem } from '../../../common/path-problem';
import { AURORA_ENGINE_TABLE, AURORA_LIMITS, AuroraEngineRow, auroraVersion } from './aurora-engine-table';
import { databaseNameProblems } from '../../rds/tables/rds-database-name-rules';
import { classOfferProblems } from '../../rds/tables/rds-instance-class-availability';
import { windowProblems } from '../../rds/tables/rds-instance-checks';
import { auroraParameterLevelProblems } from './aurora-parameter-levels';
import { RDS_PARAMETER_CATALOGS } from '../../rds/tables/rds-parameter-names';
import { rdsParameterValueProblems } from '../../rds/tables/rds-parameter-values';

export interface AuroraServerlessV2Settings {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /** Only with minCapacity 0: pause after this many idle minutes. */
  readonly autoPauseMinutes?: number;
}

export interface AuroraClusterSettings {
  readonly identifier: string;
  readonly engine: string;
  readonly version: string;
  readonly region: string;
  /** Provisioned class of every instance; undefined with Serverless v2. */
  readonly instanceClass?: string;
  readonly serverlessV2?: AuroraServerlessV2Settings;
  readonly readers: number;
  readonly backupRetentionDays: number;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly backtrackHours?: number;
  readonly allowedCidrs: readonly string[];
  readonly parameters: Readonly<Record<string, string | number>>;
  readonly instanceParameters: Readonly<Record<string, string | number>>;
  readonly secondaryRegions: readonly string[];
  /** Initial database (the primary's); none when unset. */
  readonly databaseName?: string;
}

export function auroraClusterProblems(settings: AuroraClusterSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  const idProblem = identifierProblem(settings.identifier, RDS_IDENTIFIER_MAX_LENGTH);
  if (idProblem)
    problems.push({
      path: ['name'],
      value: settings.identifier,
      message: `the cluster identifier '${settings.identifier}' ${idProblem}`,
      fix: 'shorten or rename the database',
    });
  const row = AURORA_ENGINE_TABLE[settings.engine as keyof typeof AURORA_ENGINE_TABLE];
  if (!row) {
    problems.push({
      path: ['engine'],
      value: settings.engine,
      message: `is not supported; supported: ${Object.keys(AURORA_ENGINE_TABLE).join(', ')}`,
      fix: 'choose a supported engine',
    });
  } else if (!auroraVersion(row, settings.version)) {
    problems.push({
      path: ['version'],
      value: settings.version,
      message: `is not a supported ${row.displayName} version; supported full versions: ${row.versions.map((v) => v.version).join(', ')}`,
      fix: 'pin one of the supported full versions (a bare major version is not accepted)',
    });
  }
  problems.push(...capacityProblems(settings, row));
  if (!Number.isInteger(settings.readers) || settings.readers < 0 || settings.readers > AURORA_LIMITS.maxReaders) {
    problems.push({
      path: ['readers'],
      value: settings.readers,
      message: `must be an integer from 0 to ${AURORA_LIMITS.maxReaders} (an Aurora cluster has 1 writer and at most ${AURORA_LIMITS.maxReaders} readers)`,
      fix: `lower readers to ${AURORA_LIMITS.maxReaders} or less; for more read capacity, use a larger class or a secondary region`,
    });
  }
  const retention = settings.backupRetentionDays;
  if (!Number.isInteger(retention) || retention < 1 || retention > 35) {
    problems.push({
      path: ['backupRetentionDays'],
      value: retention,
      message: 'must be an integer from 1 to 35 days (Aurora limit)',
      fix: 'choose from 1 to 35',
    });
  }
  problems.push(...windowProblems(settings));
  settings.allowedCidrs.forEach((cidr, index) => {
    if (cidr.endsWith('/0'))
      problems.push({
        path: ['allowedCidrs', index],
        value: cidr,
        message: 'opens the database to every address; databases are never public',
        fix: 'name the CIDR blocks of your application subnets',
      });
  });
  if (row) {
    problems.push(...backtrackProblems(settings, row));
    problems.push(...parameterProblems(settings, row));
    problems.push(...globalProblems(settings, row));
    problems.push(...databaseNameProblems(row.engine, row.displayName, settings.databaseName));
  }
  return problems;
}

function capacityProblems(settings: AuroraClusterSettings, row: AuroraEngineRow | undefined): PathProblem[] {
  const { instanceClass, serverlessV2 } = settings;
  if ((instanceClass === undefined) === (serverlessV2 === undefined)) {
    return [
      {
        path: ['instanceClass'],
        value: instanceClass ?? null,
        message: 'set exactly one of instanceClass (provisioned) and serverlessV2 (capacity range)',
        fix: "set instanceClass such as 'db.r7g.large', or serverlessV2: { minCapacity: 0.5, maxCapacity: 8 }",
      },
    ];
  }
  if (instanceClass !== undefined) {
    const info = rdsInstanceClass(instanceClass);
    if (!info)
      return [
        {
          path: ['instanceClass'],
          value: instanceClass,
          message: 'is not an instance class in our catalog',
          fix: 'choose a class such as db.r7g.large, db.r6g.xlarge or db.t4g.medium',
        },
      ];
    if (RDS_GENERATIONS[info.generation].shape === 'general') {
      return [
        {
          path: ['instanceClass'],
          value: instanceClass,
          message: 'is a general-purpose (db.m) class, which Aurora does not offer; Aurora runs db.r and db.t classes',
          fix: `choose the memory-optimized size, such as db.r${instanceClass.split('.')[1].slice(1)}.${instanceClass.split('.')[2]}`,
        },
      ];
    }
    if (info.burstable && !/\.(medium|large)$/.test(instanceClass)) {
      return [
        {
          path: ['instanceClass'],
          value: instanceClass,
          message: 'is a burstable size Aurora does not offer (Aurora runs db.t3/db.t4g medium and large only)',
          fix: 'choose db.t4g.medium, db.t4g.large or a db.r class',
        },
      ];
    }
    if (info.burstable && settings.secondaryRegions.length > 0) {
      // "Configuration requirements of an Amazon Aurora global database" (Aurora user guide): a global database
      // requires DB instance classes optimized for memory-intensive applications (db.r); burstable db.t are not.
      return [
        {
          path: ['instanceClass'],
          value: instanceClass,
          message: 'is a burstable class, which an Aurora global database refuses (it requires memory-optimized db.r classes)',
          fix: `choose a db.r class such as db.r7g.large, or remove secondaryRegions`,
        },
      ];
    }
    if (!row) return [];
    // Secondary clusters run the same class in their own regions.
    return [settings.region, ...settings.secondaryRegions].flatMap((region) =>
      classOfferProblems(['instanceClass'], row.engine, row.displayName, instanceClass, region),
    );
  }
  const { minCapacity: min, maxCapacity: max, autoPauseMinutes } = serverlessV2!;
  const problems: PathProblem[] = [];
  const acu = (value: number) => value >= AURORA_LIMITS.minAcu && value <= AURORA_LIMITS.maxAcu && Number.isInteger(value * 2);
  if (!acu(min))
    problems.push({
      path: ['serverlessV2', 'minCapacity'],
      value: min,
      message: `must be from ${AURORA_LIMITS.minAcu} to ${AURORA_LIMITS.maxAcu} ACUs in steps of 0.5`,
      fix: 'choose a value such as 0.5, 1 or 2',
    });
  if (!acu(max) || max < 1)
    problems.push({
      path: ['serverlessV2', 'maxCapacity'],
      value: max,
      message: `must be from 1 to ${AURORA_LIMITS.maxAcu} ACUs in steps of 0.5`,
      fix: 'choose a value such as 4, 16 or 64',
    });
  if (acu(min) && acu(max) && min > max)
    problems.push({
      path: ['serverlessV2', 'maxCapacity'],
      value: max,
      message: `is below minCapacity (${min}); the range is empty`,
      fix: `raise maxCapacity to at least ${min} or lower minCapacity`,
    });
  const version = row && auroraVersion(row, settings.version);
  if (min === 0 && version && !version.scaleToZero) {
    problems.push({
      path: ['serverlessV2', 'minCapacity'],
      value: 0,
      message: `scaling to 0 ACUs (auto-pause) is not available on ${row!.displayName} ${settings.version}`,
      fix: 'set minCapacity to 0.5 or upgrade to a version that supports auto-pause',
    });
  }
  if (autoPauseMinutes !== undefined) {
    const { min: lo, max: hi } = AURORA_LIMITS.autoPauseMinutes;
    if (min !== 0)
      problems.push({
        path: ['serverlessV2', 'autoPauseMinutes'],
        value: autoPauseMinutes,
        message: 'applies only when minCapacity is 0 (the cluster pauses at 0 ACUs)',
        fix: 'set minCapacity to 0, or remove autoPauseMinutes',
      });
    else if (!Number.isInteger(autoPauseMinutes) || autoPauseMinutes < lo || autoPauseMinutes > hi)
      problems.push({
        path: ['serverlessV2', 'autoPauseMinutes'],
        value: autoPauseMinutes,
        message: `must be an integer from ${lo} to ${hi} minutes`,
        fix: `choose from ${lo} to ${hi}`,
      });
  }
  return problems;
}

function backtrackProblems(settings: AuroraClusterSettings, row: AuroraEngineRow): PathProblem[] {
  const hours = settings.backtrackHours;
  if (hours === undefined) return [];
  if (!row.backtrack) {
    return [
      {
        path: ['backtrackHours'],
        value: hours,
        message: `backtrack exists only for Aurora MySQL, not ${row.displayName}`,
        fix: 'remove backtrackHours and rely on point-in-time recovery (backupRetentionDays)',
      },
    ];
  }
  const problems: PathProblem[] = [];
  if (!(hours > 0 && hours <= AURORA_LIMITS.maxBacktrackHours)) {
    problems.push({
      path: ['backtrackHours'],
      value: hours,
      message: `must be more than 0 and at most ${AURORA_LIMITS.maxBacktrackHours} hours`,
      fix: `choose from 1 to ${AURORA_LIMITS.maxBacktrackHours}`,
    });
  }
  if (settings.secondaryRegions.length > 0) {
    problems.push({
      path: ['backtrackHours'],
      value: hours,
      message: 'backtrack is not available on a cluster in a global database',
      fix: 'remove backtrackHours or the secondaryRegions',
    });
  }
  return problems;
}

function parameterProblems(settings: AuroraClusterSettings, row: AuroraEngineRow): PathProblem[] {
  if (!auroraVersion(row, settings.version)) return [];
  const major = row.majorOf(settings.version);
  const family = row.familyOf(major);
  const names = RDS_PARAMETER_CATALOGS[row.parameterFamily];
  const known = (name: string) => row.auroraParameterPrefixes.some((prefix) => name.startsWith(prefix)) || names.has(name, major);
  const unknownNames: PathProblem[] = (['parameters', 'instanceParameters'] as const).flatMap((field) =>
    Object.keys(settings[field])
      .filter((name) => !known(name))
      .map((name) => ({
        path: [field, name],
        value: settings[field][name],
        message: `'${name}' is not a parameter of the ${family} family`,
        fix: `check the spelling against \`aws rds describe-engine-default-cluster-parameters --db-parameter-group-family ${family}\`; if RDS has it, add it to constructs/aws/rds/tables/rds-parameter-names.ts`,
      })),
  );
  return [
    ...unknownNames,
    ...(['parameters', 'instanceParameters'] as const).flatMap((field) =>
      rdsParameterValueProblems(row.parameterFamily, major, family, field, settings[field]),
    ),
    ...auroraParameterLevelProblems(row.parameterFamily, family, settings.instanceParameters),
  ];
}

function globalProblems(settings: AuroraClusterSettings, row: AuroraEngineRow): PathProblem[] {
  const regions = settings.secondaryRegions;
  if (regions.length === 0) return [];
  const problems: PathProblem[] = [];
  if (regions.length > AURORA_LIMITS.maxSecondaryRegions) {
    problems.push({
      path: ['secondaryRegions'],
      value: regions.length,
      message: `lists ${regions.length} secondary regions; an Aurora global database has at most ${AURORA_LIMITS.maxSecondaryRegions}`,
      fix: `remove ${regions.length - AURORA_LIMITS.maxSecondaryRegions} of them`,
    });
  }
  const version = auroraVersion(row, settings.version);
  if (version && !version.globalDatabase) {
    const supported = row.versions.filter((v) => v.globalDatabase).map((v) => v.version);
    problems.push({
      path: ['version'],
      value: settings.version,
      message: `${row.displayName} ${settings.version} cannot be part of a global database; versions that can: ${supported.join(', ')}`,
      fix: 'upgrade to one of those versions, or remove secondaryRegions',
    });
  }
  if (settings.serverlessV2?.minCapacity === 0) {
    problems.push({
      path: ['serverlessV2', 'minCapacity'],
      value: 0,
      message: 'a cluster in a global database cannot scale to 0 ACUs (auto-pause)',
      fix: 'set minCapacity to 0.5 or more, or remove secondaryRegions',
    });
  }
  // Regions without a key (not in aws.regions) are the environment rules' business: a construct is handed its keys.
  regions.forEach((region, index) => {
    if (region === settings.region) {
      problems.push({
        path: ['secondaryRegions', index],
        value: region,
        message: `equals the primary's region; secondary clusters of a global database must be in other regions`,
        fix: `remove '${region}' from secondaryRegions or move the primary`,
      });
    }
  });
  return problems;
}
