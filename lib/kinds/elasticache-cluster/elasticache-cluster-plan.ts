/**
 * Plans one ElastiCache replication group: id, engine and parameter group family, node type and its size, shards and
 * replicas, Multi-AZ, the parameter group, snapshots (its only backup), the AUTH token's secret, the nodes with their
 * alarms, and for a Global Datastore the global group and a secondary group per secondary region, each with its own
 * region's key and alarms.
 */
import { cacheNodeIds, elasticacheAlarmDefinitions } from '../../../constructs/aws/elasticache/tables/elasticache-alarm-definitions';
import type { CacheNodeRole } from '../../../constructs/aws/elasticache/tables/elasticache-alarm-catalog';
import type { ElasticacheClusterSettings } from '../../../constructs/aws/elasticache/tables/elasticache-cluster-checks';
import { ELASTICACHE_ENGINE_TABLE } from '../../../constructs/aws/elasticache/tables/elasticache-engine-table';
import { CACHE_NODE_TYPES, type CacheNodeType } from '../../../constructs/aws/elasticache/tables/elasticache-node-types';
import { elasticacheParameters } from '../../../constructs/aws/elasticache/tables/elasticache-parameters';
import type { ResolvedElasticacheCluster, ResolvedEnvironment } from '../../config/resolved-environment';
import { awsStackName, databaseIdentifier, elasticacheSecondaryGroupId, elasticacheSecondaryStackId, elasticacheStackId } from '../../naming/names';
import type { AwsRegionPlan, CacheNodePlan, ElasticacheClusterPlan, ElasticacheGroupPlan, ElasticacheSecondaryPlan } from '../../plan/plan-types';
import { RDS_TIER_OBSERVABILITY } from '../rds-instance/rds-instance-plan';
import { DEFAULT_CACHE_NODE_TYPE } from './resolve-elasticache-cluster';

/** UTC; the daily snapshot before the AWS Backup jobs of the other kinds (03:00), apart from the maintenance window. */
export const ELASTICACHE_SNAPSHOT_WINDOW = '01:00-02:00';
export const ELASTICACHE_MAINTENANCE_WINDOW = 'sun:04:00-sun:05:00';
/** Without point-in-time recovery, a restore goes back to the last daily snapshot: up to a day lost. */
export const ELASTICACHE_SNAPSHOT_RPO_MINUTES = 24 * 60;

/** What the checks (elasticache-cluster-checks.ts) take, from config: the rule checks it and the plan is made of it. */
export function elasticacheClusterSettings(env: Pick<ResolvedEnvironment, 'name' | 'tier'>, db: ResolvedElasticacheCluster): ElasticacheClusterSettings {
  return {
    replicationGroupId: databaseIdentifier(env.name, db.name),
    engine: db.engine,
    version: db.version,
    nodeType: db.nodeType ?? DEFAULT_CACHE_NODE_TYPE[env.tier],
    clusterMode: db.clusterMode,
    shards: db.shards,
    replicasPerShard: db.replicasPerShard,
    multiAz: db.highAvailability,
    snapshotRetentionDays: db.snapshotRetentionDays,
    notifyKeyspaceEvents: db.notifyKeyspaceEvents,
    secondaryRegions: db.secondaryRegions,
  };
}

export function planElasticacheCluster(
  env: ResolvedEnvironment,
  db: ResolvedElasticacheCluster,
  regionPlan: (region: string) => AwsRegionPlan,
): ElasticacheClusterPlan {
  const settings = elasticacheClusterSettings(env, db);
  const { replicationGroupId } = settings;
  const size = CACHE_NODE_TYPES[settings.nodeType as CacheNodeType];
  const parameters = elasticacheParameters({ use: db.use, clusterMode: db.clusterMode, notifyKeyspaceEvents: db.notifyKeyspaceEvents });

  const group = (groupId: string, region: AwsRegionPlan, stackId: string, secondary: boolean): ElasticacheGroupPlan => {
    const nodes = cacheNodeIds(groupId, db.clusterMode, db.shards, 1 + db.replicasPerShard).flatMap((shard) =>
      shard.map((cacheClusterId, index): CacheNodePlan => {
        const role: CacheNodeRole = `${secondary ? 'secondary-' : ''}${index === 0 ? 'primary' : 'replica'}` as CacheNodeRole;
        return { cacheClusterId, role, alarms: elasticacheAlarmDefinitions(cacheClusterId, { role, use: db.use, ...size }, db.alarmThresholds) };
      }),
    );
    return {
      stackId,
      stackName: awsStackName(env.name, stackId),
      region: region.region,
      replicationGroupId: groupId,
      account: env.aws!.account,
      engine: db.engine,
      engineVersion: db.version,
      parameterGroupFamily: ELASTICACHE_ENGINE_TABLE[db.engine].parameterGroupFamily(db.version),
      nodeType: settings.nodeType,
      size,
      clusterMode: db.clusterMode,
      shards: db.shards,
      replicasPerShard: db.replicasPerShard,
      multiAz: settings.multiAz,
      port: db.port,
      parameters,
      keyAlias: region.keyAlias,
      keyAliasArn: region.keyAliasArn,
      alarmTopicArn: region.alarmTopicArn,
      allowedCidrs: db.allowedCidrs,
      nodes,
      preferredMaintenanceWindow: ELASTICACHE_MAINTENANCE_WINDOW,
      logRetentionDays: RDS_TIER_OBSERVABILITY[env.tier].logRetentionDays,
      removalPolicy: db.removalPolicy,
      tags: db.tags,
    };
  };

  const stackId = elasticacheStackId(db.name);
  const primary = group(replicationGroupId, regionPlan(db.region), stackId, false);
  const suffix = replicationGroupId;
  const secondaries = db.secondaryRegions.map((region, index): ElasticacheSecondaryPlan => ({
    ...group(elasticacheSecondaryGroupId(replicationGroupId, index), regionPlan(region), elasticacheSecondaryStackId(db.name, region), true),
    primaryStackId: stackId,
    primaryRegion: db.region,
    globalReplicationGroupIdSuffix: suffix,
  }));
  return {
    ...primary,
    name: db.name,
    settings,
    use: db.use,
    snapshotRetentionDays: db.snapshotRetentionDays,
    snapshotWindow: ELASTICACHE_SNAPSHOT_WINDOW,
    authSecretName: `${replicationGroupId}-auth-token`,
    recovery: {
      backupRetentionDays: db.snapshotRetentionDays,
      pointInTimeRecovery: false,
      restorableWindowDays: 0,
      rpoMinutes: db.snapshotRetentionDays > 0 ? ELASTICACHE_SNAPSHOT_RPO_MINUTES : undefined,
    },
    global: secondaries.length > 0 ? { globalReplicationGroupIdSuffix: suffix, secondaries } : undefined,
  };
}
