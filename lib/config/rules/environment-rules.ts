/** Rules about the environment as a whole: unique names, declared regions, consistent networks, replica regions. */
import { AWS_REGION_ZONE_SUFFIXES } from '../../../constructs/aws/foundation/tables/aws-regions';
import { CLOUD_SQL_REGIONS } from '../../../constructs/gcp/tables/cloud-sql-locations';
import { DATABASE_CLOUD } from '../database-cloud';
import type { ProblemDraft } from '../problem-draft';
import type { ReplicaRegionsOf } from '../replica-regions';
import type { ResolvedDatabase, ResolvedEnvironment } from '../resolved-environment';
import type { Rule } from './rule';

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

/** A region's neighbours by name (same prefix, `eu-`), else every region: what to offer instead of a region that does not exist. */
function regionsLike(region: string, all: readonly string[]): string[] {
  const prefix = region.split('-')[0];
  const like = all.filter((r) => r.split('-')[0] === prefix);
  return like.length > 0 ? like : [...all];
}

/**
 * Every AWS region must exist (cfn-lint's region list, constructs/aws/foundation/tables/aws-regions.ts); every other AWS region of the
 * config (database, replicas, copies) must be one of these, so checking aws.regions covers them. Every Google Cloud
 * region must be one Cloud SQL offers (constructs/gcp/tables/cloud-sql-locations.ts).
 */
const regionsExist: Rule = (env) => {
  const problems: ProblemDraft[] = [];
  const awsRegions = Object.keys(AWS_REGION_ZONE_SUFFIXES);
  for (const region of Object.keys(env.aws?.regions ?? {})) {
    if (!(region in AWS_REGION_ZONE_SUFFIXES)) {
      problems.push({
        path: ['aws', 'regions', region],
        value: region,
        message: `is not an AWS region; regions like it: ${regionsLike(region, awsRegions).join(', ')}`,
        fix: 'use the name of an existing AWS region',
      });
    }
  }
  (env.gcp?.regions ?? []).forEach((region, index) => {
    if (CLOUD_SQL_REGIONS.includes(region)) return;
    const awsStyle = awsRegions.includes(region) || awsRegions.includes(region.replace(/(\d+)$/, '-$1'));
    problems.push({
      path: ['gcp', 'regions', index],
      value: region,
      message: `is not a Google Cloud region Cloud SQL offers${awsStyle ? ` (it is named like the AWS region ${region.replace(/-?(\d+)$/, '-$1')}; Google names regions like europe-west1)` : ''}; regions like it: ${regionsLike(region, CLOUD_SQL_REGIONS).join(', ')}`,
      fix: 'use the name of a Google Cloud region, such as europe-west1 or us-central1',
    });
  });
  return problems;
};

const networksConsistent: Rule = (env) => {
  const problems: ProblemDraft[] = [];
  for (const [region, settings] of Object.entries(env.aws?.regions ?? {})) {
    const network = settings.network;
    const suffixes = AWS_REGION_ZONE_SUFFIXES[region]?.split(' ');
    network.availabilityZones.forEach((zone, index) => {
      const ofRegion = zone.startsWith(region) && zone.length === region.length + 1;
      // A region that does not exist is reported once by regionsExist; its zones are then only checked by name.
      if (!ofRegion || (suffixes && !suffixes.includes(zone.slice(region.length)))) {
        problems.push({
          path: ['aws', 'regions', region, 'network', 'availabilityZones', index],
          value: zone,
          message: suffixes
            ? `is not an availability zone of ${region}; its zones: ${suffixes.map((s) => region + s).join(', ')}`
            : `is not an availability zone of ${region}`,
          fix: `use zones of ${region}, such as ${region}${suffixes?.[0] ?? 'a'}`,
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
const databaseRegions =
  (replicaRegionsOf: ReplicaRegionsOf): Rule =>
  (env) =>
    env.databases.flatMap((db, index): ProblemDraft[] => {
      const cloud = DATABASE_CLOUD[db.kind];
      if (!env[cloud]) {
        return [
          {
            database: db.name,
            path: ['databases', index, 'kind'],
            value: db.kind,
            message: `is a ${cloud === 'aws' ? 'AWS' : 'Google Cloud'} database but the environment has no '${cloud}' section`,
            fix: `add a '${cloud}' section to the environment or remove this database`,
          },
        ];
      }
      const declared = declaredRegions(env, db);
      const undeclared = (path: ProblemDraft['path'], region: string, what: string): ProblemDraft => ({
        database: db.name,
        path,
        value: region,
        message: `${what} is not one of ${cloud}.regions (${declared.join(', ')}), so it would have no customer-managed key${cloud === 'aws' ? ' or alarm topic' : ''}`,
        fix: `add '${region}' to ${cloud}.regions or choose a declared region`,
      });
      const problems: ProblemDraft[] = [];
      if (!declared.includes(db.region)) problems.push(undeclared(['databases', index, 'region'], db.region, 'the region'));
      for (const list of replicaRegionsOf(db)) {
        list.regions.forEach((region, replicaIndex) => {
          if (!declared.includes(region)) problems.push(undeclared(['databases', index, ...list.pathOf(replicaIndex)], region, 'the replica region'));
        });
      }
      return problems;
    });

/**
 * Aurora secondary clusters and DynamoDB replicas live in other regions, one per region. (RDS and Cloud SQL read
 * replicas may share the primary's region.)
 */
const oneReplicaPerOtherRegion =
  (replicaRegionsOf: ReplicaRegionsOf): Rule =>
  (env) =>
    env.databases.flatMap((db, index): ProblemDraft[] =>
      replicaRegionsOf(db)
        .filter((list) => list.oneInEachOtherRegion)
        .flatMap(({ field, regions }) =>
          regions.flatMap((region, i): ProblemDraft[] => {
            const path = ['databases', index, field, i];
            if (region === db.region) {
              return [
                {
                  database: db.name,
                  path,
                  value: region,
                  message: `equals the primary's region; replicas of a ${db.kind} must be in other regions`,
                  fix: `remove '${region}' from ${field} or move the primary`,
                },
              ];
            }
            if (regions.indexOf(region) !== i) {
              return [
                {
                  database: db.name,
                  path,
                  value: region,
                  message: `is listed twice; each region can hold one replica`,
                  fix: `remove the duplicate '${region}'`,
                },
              ];
            }
            return [];
          }),
        ),
    );

/** The rules about the environment as a whole; where each kind places its copies comes from the kind registry. */
export const environmentRules = (replicaRegionsOf: ReplicaRegionsOf): readonly Rule[] => [
  uniqueNames,
  regionsDeclared,
  regionsExist,
  networksConsistent,
  databaseRegions(replicaRegionsOf),
  oneReplicaPerOtherRegion(replicaRegionsOf),
];
