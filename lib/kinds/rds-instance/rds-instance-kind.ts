/** RDS instances (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle) with same- and cross-region read replicas. */
import type { DatabaseKindRow } from '../database-kind';
import { rdsInstanceDashboardLines } from './rds-instance-dashboard-lines';
import { rdsInstanceEntry } from './rds-instance-inventory';
import { planRdsInstance } from './rds-instance-plan';
import { rdsInstancePosture } from './rds-instance-posture';
import { rdsInstanceRules } from './rds-instance-rules';
import { rdsInstanceStacks } from './rds-instance-stacks';
import { resolveRdsInstance } from './resolve-rds-instance';

export const rdsInstanceKind: DatabaseKindRow<'rds-instance'> = {
  kind: 'rds-instance',
  resolve: resolveRdsInstance,
  replicaRegions: (db) => [
    { field: 'replicas', regions: db.replicas.map((r) => r.region), pathOf: (n) => ['replicas', n, 'region'], oneInEachOtherRegion: false },
  ],
  rules: [rdsInstanceRules],
  plan: (env, db, context) => planRdsInstance(env, db, context.awsRegion),
  stacks: rdsInstanceStacks,
  dashboardLines: rdsInstanceDashboardLines,
  posture: rdsInstancePosture,
  inventory: rdsInstanceEntry,
};
