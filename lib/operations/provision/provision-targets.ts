/**
 * Which databases `dbctl provision` works on: the Cloud SQL instances of an environment (Terraform has no SQL step,
 * so grants, extensions and group roles are applied from here). RDS and Aurora are provisioned at deploy by their
 * custom resource; other kinds hold no roles.
 */
import type { EnvironmentPlan } from '../../plan/plan-types';
import type { DeclaredAccess } from '../../provisioning/declared-access';
import { usageError } from '../operation-error';

export interface ProvisionTarget {
  readonly name: string;
  readonly connectionName: string;
  readonly declared: DeclaredAccess;
}

export interface ProvisionSelection {
  readonly targets: readonly ProvisionTarget[];
  /** Cloud SQL databases the engine does not provision, with why. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** RDS instances and Aurora clusters: provisioned at deploy, not here. */
  readonly atDeploy: readonly string[];
}

const AT_DEPLOY_LABELS = { 'rds-instance': 'an RDS instance', 'aurora-cluster': 'an Aurora cluster' } as const;
const NO_ROLE_LABELS = {
  'dynamodb-table': 'a DynamoDB table',
  'elasticache-cluster': 'an ElastiCache cluster',
  'memorystore-instance': 'a Memorystore instance',
} as const;

export const AT_DEPLOY_NOTE = 'RDS and Aurora databases are provisioned at deploy by their custom resource (docs/database-access-aws.md).';

export function selectProvisionTargets(plan: EnvironmentPlan, name?: string): ProvisionSelection {
  const cloudSql = plan.databases['cloudsql-instance'];
  const atDeploy = [...plan.databases['rds-instance'], ...plan.databases['aurora-cluster']].map((db) => db.name);
  const chosen = name === undefined ? cloudSql : cloudSql.filter((db) => db.name === name);
  if (name !== undefined && chosen.length === 0)
    throw usageError(
      notCloudSql(
        plan,
        name,
        cloudSql.map((db) => db.name),
      ),
    );
  const targets: ProvisionTarget[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const db of chosen) {
    if (db.accessPlan.declared) targets.push({ name: db.name, connectionName: db.accessPlan.connectionName, declared: db.accessPlan.declared });
    else skipped.push({ name: db.name, reason: `${db.databaseVersion}: the provisioning engine supports PostgreSQL and MySQL only` });
  }
  return { targets, skipped, atDeploy: name === undefined ? atDeploy : [] };
}

function notCloudSql(plan: EnvironmentPlan, name: string, cloudSqlNames: readonly string[]): string {
  const choices = `Cloud SQL databases of '${plan.environment}': ${cloudSqlNames.join(', ') || '(none)'}.`;
  for (const [kind, label] of Object.entries(AT_DEPLOY_LABELS)) {
    if (plan.databases[kind as keyof typeof AT_DEPLOY_LABELS].some((db) => db.name === name)) {
      return `Database '${name}' of environment '${plan.environment}' is ${label}: its roles are provisioned at deploy by its custom resource (docs/database-access-aws.md), not by dbctl provision. ${choices}`;
    }
  }
  for (const [kind, label] of Object.entries(NO_ROLE_LABELS)) {
    if (plan.databases[kind as keyof typeof NO_ROLE_LABELS].some((db) => db.name === name)) {
      return `Database '${name}' of environment '${plan.environment}' is ${label}: it has no roles to provision. ${choices}`;
    }
  }
  return `Unknown database '${name}' in environment '${plan.environment}'. ${choices}`;
}
