/**
 * The database kinds dbctl knows, as rows of a table: where the plan lists them, how to verify one, how to drill
 * one. Adding a kind is adding a row here with its checks and its drill
 * strategy; the CLI, the reports and the exit codes do not change.
 */
import type { DatabaseKind } from '../../../config/schema';
import type { EnvironmentPlan, KindPlans } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { AuroraClusterDrill } from '../drill/aurora-cluster-drill';
import { DynamodbTableDrill } from '../drill/dynamodb-table-drill';
import { RdsInstanceDrill } from '../drill/rds-instance-drill';
import type { DrillStrategy } from '../drill/drill-strategy';
import type { OperationsContext } from '../operations-context';
import { RDS_INSTANCE_KIND } from '../verify/rds-instance-checks';
import { verifyRdsInstance } from '../verify/rds-instance-verify';
import { DYNAMODB_TABLE_KIND } from '../verify/dynamodb-table-checks';
import { verifyDynamodbTable } from '../verify/dynamodb-table-verify';
import { AURORA_CLUSTER_KIND } from '../verify/aurora-cluster-checks';
import { verifyAuroraCluster } from '../verify/aurora-cluster-verify';
import { ELASTICACHE_CLUSTER_KIND } from '../verify/elasticache-cluster-checks';
import { verifyElasticacheCluster } from '../verify/elasticache-cluster-verify';

/** One planned database, whatever its kind, with its operations bound to it. */
export interface PlannedDatabase {
  readonly kind: string;
  readonly label: string;
  /** The name in the config (`orders`). */
  readonly name: string;
  /** The cloud identifier (`prod-orders`). */
  readonly identifier: string;
  readonly region: string;
  verify(ctx: OperationsContext): Promise<CheckResult[]>;
  /** Undefined for a kind without a drill yet. */
  readonly drill?: (ctx: OperationsContext) => DrillStrategy;
}

interface OperationsKind<K extends DatabaseKind> {
  /** The config kind: its plans are the environment plan's `databases[kind]`. */
  readonly kind: K;
  readonly label: string;
  readonly describe: (plan: KindPlans[K]) => { name: string; identifier: string; region: string };
  readonly verify: (plan: KindPlans[K], ctx: OperationsContext) => Promise<CheckResult[]>;
  readonly drill?: (plan: KindPlans[K], ctx: OperationsContext) => DrillStrategy;
}

type KindRow = (plan: EnvironmentPlan) => PlannedDatabase[];

function defineKind<K extends DatabaseKind>(row: OperationsKind<K>): KindRow {
  return (environmentPlan) =>
    environmentPlan.databases[row.kind].map((plan) => ({
      kind: row.kind,
      label: row.label,
      ...row.describe(plan),
      verify: (ctx) => row.verify(plan, ctx),
      drill: row.drill ? (ctx) => row.drill!(plan, ctx) : undefined,
    }));
}

export const DATABASE_KINDS: readonly KindRow[] = [
  defineKind({
    kind: RDS_INSTANCE_KIND,
    label: 'RDS instance',
    describe: (plan) => ({ name: plan.name, identifier: plan.identifier, region: plan.region }),
    verify: verifyRdsInstance,
    drill: (plan, ctx) => new RdsInstanceDrill(plan, ctx),
  }),
  defineKind({
    kind: DYNAMODB_TABLE_KIND,
    label: 'DynamoDB table',
    describe: (plan) => ({ name: plan.name, identifier: plan.tableName, region: plan.region }),
    verify: verifyDynamodbTable,
    drill: (plan, ctx) => new DynamodbTableDrill(plan, ctx),
  }),
  defineKind({
    kind: AURORA_CLUSTER_KIND,
    label: 'Aurora cluster',
    describe: (plan) => ({ name: plan.name, identifier: plan.clusterIdentifier, region: plan.region }),
    verify: verifyAuroraCluster,
    drill: (plan, ctx) => new AuroraClusterDrill(plan, ctx),
  }),
  // No drill: a restore drill would create a replication group from a snapshot; not written yet.
  defineKind({
    kind: ELASTICACHE_CLUSTER_KIND,
    label: 'ElastiCache replication group',
    describe: (plan) => ({ name: plan.name, identifier: plan.replicationGroupId, region: plan.region }),
    verify: verifyElasticacheCluster,
  }),
];

/** Every planned AWS database, in table order, then plan order. */
export function plannedDatabases(plan: EnvironmentPlan): PlannedDatabase[] {
  return DATABASE_KINDS.flatMap((row) => row(plan));
}
