/** RDS instances (PostgreSQL, MySQL, MariaDB, SQL Server, Oracle) with same- and cross-region read replicas. */
import type { DatabaseKindRow } from '../database-kind';
import { rdsInstanceDashboardLines } from './rds-instance-dashboard-lines';
import { rdsInstanceEntry } from './rds-instance-inventory';
import { planRdsInstance } from './rds-instance-plan';
import { rdsInstancePosture } from './rds-instance-posture';
import { rdsInstanceRules } from './rds-instance-rules';
import { rdsInstanceStacks } from './rds-instance-stacks';
import { resolveRdsInstance } from './resolve-rds-instance';
import { replicasField } from '../../config/replica-regions';

export const rdsInstanceKind: DatabaseKindRow<'rds-instance'> = {
  kind: 'rds-instance',
  resolve: resolveRdsInstance,
  replicaRegions: (db) => [replicasField(db.replicas)],
  rules: [rdsInstanceRules],
  plan: (env, db, context) => planRdsInstance(env, db, context.awsRegion),
  stacks: rdsInstanceStacks,
  dashboardLines: rdsInstanceDashboardLines,
  posture: rdsInstancePosture,
  inventory: rdsInstanceEntry,
};
