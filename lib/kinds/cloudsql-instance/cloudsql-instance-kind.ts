/** Cloud SQL instances (PostgreSQL, MySQL, SQL Server) with read replicas, one CDKTF stack each. */
import type { DatabaseKindRow } from '../database-kind';
import { planCloudSqlInstance } from './cloud-sql-instance-plan';
import { cloudSqlInstanceEntry } from './cloudsql-instance-inventory';
import { cloudSqlInstancePosture } from './cloudsql-instance-posture';
import { cloudSqlInstanceRules } from './cloudsql-instance-rules';
import { resolveCloudSqlInstance } from './resolve-cloudsql-instance';
import { replicasField } from '../../config/replica-regions';
import { cloudSqlProjectGrants } from './cloud-sql-access-plan';
import { secretManagerServiceAgent } from '../../../constructs/gcp/tables/secret-manager-service-agent';

export const cloudSqlInstanceKind: DatabaseKindRow<'cloudsql-instance'> = {
  kind: 'cloudsql-instance',
  resolve: resolveCloudSqlInstance,
  replicaRegions: (db) => [replicasField(db.replicas)],
  rules: [cloudSqlInstanceRules],
  plan: (env, db, context) => planCloudSqlInstance(env, db, context.gcpKey),
  stacks: (plan) => [{ type: 'cloudsql-instance', plan }],
  posture: cloudSqlInstancePosture,
  inventory: cloudSqlInstanceEntry,
  // The connection contract and the password secrets are encrypted with the region keys by Secret Manager's agent.
  keyServiceAgent: (projectNumber) => ({ id: 'SecretManagerServiceAgent', serviceAgent: secretManagerServiceAgent(projectNumber) }),
  projectGrants: (plan) => cloudSqlProjectGrants(plan.accessPlan),
};
