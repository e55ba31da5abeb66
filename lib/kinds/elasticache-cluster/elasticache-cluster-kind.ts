/** ElastiCache replication groups (Valkey, Redis OSS), cluster mode disabled or enabled, optionally a Global Datastore. */
import type { DatabaseKindRow } from '../database-kind';
import { elasticacheClusterDashboardLines } from './elasticache-cluster-dashboard-lines';
import { elasticacheClusterEntry } from './elasticache-cluster-inventory';
import { planElasticacheCluster } from './elasticache-cluster-plan';
import { elasticacheClusterPosture } from './elasticache-cluster-posture';
import { elasticacheClusterRules } from './elasticache-cluster-rules';
import { elasticacheClusterStacks } from './elasticache-cluster-stacks';
import { resolveElasticacheCluster } from './resolve-elasticache-cluster';

export const elasticacheClusterKind: DatabaseKindRow<'elasticache-cluster'> = {
  kind: 'elasticache-cluster',
  resolve: resolveElasticacheCluster,
  replicaRegions: (db) => [{ field: 'secondaryRegions', regions: db.secondaryRegions, pathOf: (n) => ['secondaryRegions', n], oneInEachOtherRegion: true }],
  rules: [elasticacheClusterRules],
  plan: (env, db, context) => planElasticacheCluster(env, db, context.awsRegion),
  stacks: elasticacheClusterStacks,
  dashboardLines: elasticacheClusterDashboardLines,
  posture: elasticacheClusterPosture,
  inventory: elasticacheClusterEntry,
};
