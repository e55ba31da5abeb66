/**
 * Rules that span fields or need our tables (engines, instance catalog): everything the schema alone cannot say.
 * Each rule returns problems; the validator reports them all together.
 */
import { cloudSqlTierSize, isPerformanceOptimizedTier } from '../../constructs/common/instance-catalog';
import { identifierProblem, CLOUD_SQL_NAME_MAX_LENGTH } from '../../constructs/common/identifiers';
import { RdsInstanceSettings, rdsInstanceProblems } from '../../constructs/aws/rds-instance-checks';
import { CLOUD_SQL_ENGINE_TABLE, TRANSACTION_LOG_DAYS } from '../../constructs/gcp/cloud-sql-engine-table';
import { databaseIdentifier } from '../plan/names';
import { DATABASE_CLOUD } from './database-cloud';
import type { ProblemDraft } from './problem-draft';
import type { ResolvedDatabase, ResolvedEnvironment } from './resolved-environment';

type Rule = (env: ResolvedEnvironment) => ProblemDraft[];

const uniqueNames: Rule = (env) => {
  const firstIndex = new Map<string, number>();
  const problems: ProblemDraft[] = [];
  env.databases.forEach((db, index) => {
    const first = firstIndex.get(db.name);
    if (first === undefined) {
      firstIndex.set(db.name, index);
      return;
    }
    problems.push({
      database: db.name,
      path: ['databases', index, 'name'],
      value: db.name,
      message: `duplicates the name of databases[${first}]; database names must be unique in an environment`,
      fix: 'rename one of the two databases',
    });
  });
  return problems;
};

const regionsDeclared: Rule = (env) => {
  const problems: ProblemDraft[] = [];
  if (env.aws && !(env.aws.primaryRegion in env.aws.regions)) {
    problems.push({
      path: ['aws', 'primaryRegion'],
      value: env.aws.primaryRegion,
      message: `is not one of aws.regions (${Object.keys(env.aws.regions).join(', ') || 'none'}), so it would have no KMS key or alarm topic`,
      fix: `add '${env.aws.primaryRegion}' to aws.regions with its network, or choose a declared region`,
    });
  }
  if (env.gcp && !env.gcp.regions.includes(env.gcp.primaryRegion)) {
    problems.push({
      path: ['gcp', 'primaryRegion'],
      value: env.gcp.primaryRegion,
      message: `is not one of gcp.regions (${env.gcp.regions.join(', ')}), so it would have no KMS key`,
      fix: `add '${env.gcp.primaryRegion}' to gcp.regions`,
    });
  }
  return problems;
};

const networksConsistent: Rule = (env) => {
  const problems: ProblemDraft[] = [];
  for (const [region, settings] of Object.entries(env.aws?.regions ?? {})) {
    const network = settings.network;
    network.availabilityZones.forEach((zone, index) => {
      if (!zone.startsWith(region) || zone.length !== region.length + 1) {
        problems.push({
          path: ['aws', 'regions', region, 'network', 'availabilityZones', index],
          value: zone,
          message: `is not an availability zone of ${region}`,
          fix: `use zones of ${region}, such as ${region}a`,
        });
      }
    });
    if (network.type === 'existing' && network.privateSubnetIds.length !== network.availabilityZones.length) {
      problems.push({
        path: ['aws', 'regions', region, 'network', 'privateSubnetIds'],
        value: network.privateSubnetIds,
        message: `lists ${network.privateSubnetIds.length} subnets for ${network.availabilityZones.length} availability zones; give one private subnet per zone, in the same order`,
        fix: 'list exactly one private subnet id per availability zone',
      });
    }
  }
  return problems;
};

function declaredRegions(env: ResolvedEnvironment, db: ResolvedDatabase): string[] {
  return DATABASE_CLOUD[db.kind] === 'aws' ? Object.keys(env.aws?.regions ?? {}) : (env.gcp?.regions ?? []);
}

/** Every region a database or its replicas use must be declared, so it has a key (and, on AWS, a topic). */
const databaseRegions: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    const cloud = DATABASE_CLOUD[db.kind];
    if (!env[cloud]) {
      return [{
        database: db.name,
        path: ['databases', index, 'kind'],
        value: db.kind,
        message: `is a ${cloud === 'aws' ? 'AWS' : 'Google Cloud'} database but the environment has no '${cloud}' section`,
        fix: `add a '${cloud}' section to the environment or remove this database`,
      }];
    }
    const declared = declaredRegions(env, db);
    const undeclared = (path: Array<string | number>, region: string, what: string): ProblemDraft => ({
      database: db.name,
      path,
      value: region,
      message: `${what} is not one of ${cloud}.regions (${declared.join(', ')}), so it would have no customer-managed key${cloud === 'aws' ? ' or alarm topic' : ''}`,
      fix: `add '${region}' to ${cloud}.regions or choose a declared region`,
    });
    const problems: ProblemDraft[] = [];
    if (!declared.includes(db.region)) problems.push(undeclared(['databases', index, 'region'], db.region, 'the region'));
    for (const [field, regions] of replicaRegionLists(db)) {
      regions.forEach((region, replicaIndex) => {
        const path = field === 'replicas'
          ? ['databases', index, field, replicaIndex, 'region']
          : ['databases', index, field, replicaIndex];
        if (!declared.includes(region)) problems.push(undeclared(path, region, 'the replica region'));
      });
    }
    return problems;
  });

function replicaRegionLists(db: ResolvedDatabase): Array<[string, string[]]> {
  switch (db.kind) {
    case 'rds-instance':
    case 'cloudsql-instance':
      return [['replicas', db.replicas.map((r) => r.region)]];
    case 'aurora-cluster':
      return [['secondaryRegions', db.secondaryRegions]];
    case 'dynamodb-table':
      return [['replicaRegions', db.replicaRegions]];
  }
}

/**
 * Aurora secondary clusters and DynamoDB replicas live in other regions, one per region. (RDS and Cloud SQL read
 * replicas may share the primary's region.)
 */
const oneReplicaPerOtherRegion: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'aurora-cluster' && db.kind !== 'dynamodb-table') return [];
    const [field, regions] = replicaRegionLists(db)[0];
    return regions.flatMap((region, i): ProblemDraft[] => {
      const path = ['databases', index, field, i];
      if (region === db.region) {
        return [{ database: db.name, path, value: region, message: `equals the primary's region; replicas of a ${db.kind} must be in other regions`, fix: `remove '${region}' from ${field} or move the primary` }];
      }
      if (regions.indexOf(region) !== i) {
        return [{ database: db.name, path, value: region, message: `is listed twice; each region can hold one replica`, fix: `remove the duplicate '${region}'` }];
      }
      return [];
    });
  });

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

const rdsInstanceRules: Rule = (env) =>
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

const cloudSqlInstanceRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'cloudsql-instance') return [];
    const at = (field: string) => ['databases', index, field];
    const problems: ProblemDraft[] = [];
    const instanceName = `${env.name}-${db.name}`;
    const nameProblem = identifierProblem(instanceName, CLOUD_SQL_NAME_MAX_LENGTH);
    if (nameProblem) {
      problems.push({ database: db.name, path: at('name'), value: db.name, message: `gives the Cloud SQL instance name '${instanceName}', which ${nameProblem}`, fix: 'shorten the database name' });
    }
    const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
    if (row && !(db.version in row.versions)) {
      problems.push({ database: db.name, path: at('version'), value: db.version, message: `is not a supported Cloud SQL ${row.displayName} version; supported: ${Object.keys(row.versions).join(', ')}`, fix: 'choose a supported version' });
    }
    const longLogs = db.edition === 'ENTERPRISE_PLUS' && row?.longLogRetentionOnEnterprisePlus === true;
    const maxLogDays = longLogs ? TRANSACTION_LOG_DAYS.enterprisePlus : TRANSACTION_LOG_DAYS.standard;
    if (db.transactionLogRetentionDays > maxLogDays) {
      problems.push({ database: db.name, path: at('transactionLogRetentionDays'), value: db.transactionLogRetentionDays, message: `must be from 1 to ${maxLogDays} days for ${db.edition} ${db.engine} (35 only on ENTERPRISE_PLUS for PostgreSQL and SQL Server)`, fix: `lower it to ${maxLogDays} or less` });
    } else if (db.pointInTimeRecovery && db.transactionLogRetentionDays >= db.retainedBackups) {
      problems.push({ database: db.name, path: at('transactionLogRetentionDays'), value: db.transactionLogRetentionDays, message: `must be less than retainedBackups (${db.retainedBackups}); Cloud SQL keeps more backups than days of transaction logs`, fix: `lower it below ${db.retainedBackups} or raise retainedBackups above ${db.transactionLogRetentionDays}` });
    }
    const size = cloudSqlTierSize(db.tier);
    if (typeof size === 'string') {
      problems.push({ database: db.name, path: at('tier'), value: db.tier, message: size, fix: 'choose a valid tier such as db-custom-2-7680' });
    } else if (db.edition === 'ENTERPRISE_PLUS' && !isPerformanceOptimizedTier(db.tier)) {
      problems.push({ database: db.name, path: at('tier'), value: db.tier, message: 'is not a performance-optimized tier; ENTERPRISE_PLUS offers only db-perf-optimized-N-<vCPU>', fix: "choose a tier such as db-perf-optimized-N-4, or set edition: 'ENTERPRISE'" });
    } else if (db.edition === 'ENTERPRISE' && isPerformanceOptimizedTier(db.tier)) {
      problems.push({ database: db.name, path: at('tier'), value: db.tier, message: 'is a performance-optimized tier, which only ENTERPRISE_PLUS offers', fix: "set edition: 'ENTERPRISE_PLUS' or choose a db-custom tier" });
    }
    return problems;
  });

export const CROSS_FIELD_RULES: readonly Rule[] = [
  uniqueNames,
  regionsDeclared,
  networksConsistent,
  databaseRegions,
  oneReplicaPerOtherRegion,
  rdsInstanceRules,
  cloudSqlInstanceRules,
];
