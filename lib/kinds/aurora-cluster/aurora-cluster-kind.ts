/** Aurora clusters (PostgreSQL, MySQL; provisioned or Serverless v2) with readers and global-database secondaries. */
import type { DatabaseKindRow } from '../database-kind';
import { auroraClusterDashboardLines } from './aurora-cluster-dashboard-lines';
import { auroraClusterEntry } from './aurora-cluster-inventory';
import { planAuroraCluster } from './aurora-cluster-plan';
import { auroraClusterPosture } from './aurora-cluster-posture';
import { auroraClusterRules } from './aurora-cluster-rules';
import { auroraClusterStacks } from './aurora-cluster-stacks';
import { resolveAuroraCluster } from './resolve-aurora-cluster';

export const auroraClusterKind: DatabaseKindRow<'aurora-cluster'> = {
  kind: 'aurora-cluster',
  resolve: resolveAuroraCluster,
  replicaRegions: (db) => [{ field: 'secondaryRegions', regions: db.secondaryRegions, pathOf: (n) => ['secondaryRegions', n], oneInEachOtherRegion: true }],
  rules: [auroraClusterRules],
  plan: (env, db, context) => planAuroraCluster(env, db, context.awsRegion),
  stacks: auroraClusterStacks,
  dashboardLines: auroraClusterDashboardLines,
  posture: auroraClusterPosture,
  inventory: auroraClusterEntry,
};
