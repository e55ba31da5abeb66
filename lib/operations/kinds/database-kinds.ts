/**
 * The database kinds dbctl knows, as rows of a table: where the plan lists them, how to verify one, how to drill
 * one. Adding a kind is adding a row here with its checks and its drill
 * strategy; the CLI, the reports and the exit codes do not change.
 */
import type { AuroraClusterPlan, AwsPlan, DynamodbTablePlan, RdsInstancePlan } from '../../plan/plan-types';
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

interface DatabaseKind<P> {
  readonly kind: string;
  readonly label: string;
  readonly planned: (aws: AwsPlan) => readonly P[];
  readonly describe: (plan: P) => { name: string; identifier: string; region: string };
  readonly verify: (plan: P, ctx: OperationsContext) => Promise<CheckResult[]>;
  readonly drill?: (plan: P, ctx: OperationsContext) => DrillStrategy;
}

type KindRow = (aws: AwsPlan) => PlannedDatabase[];

function defineKind<P>(row: DatabaseKind<P>): KindRow {
  return (aws) =>
    row.planned(aws).map((plan) => ({
      kind: row.kind,
      label: row.label,
      ...row.describe(plan),
      verify: (ctx) => row.verify(plan, ctx),
      drill: row.drill ? (ctx) => row.drill!(plan, ctx) : undefined,
    }));
}

export const DATABASE_KINDS: readonly KindRow[] = [
  defineKind<RdsInstancePlan>({
    kind: RDS_INSTANCE_KIND,
    label: 'RDS instance',
    planned: (aws) => aws.rdsInstances,
    describe: (plan) => ({ name: plan.name, identifier: plan.identifier, region: plan.region }),
    verify: verifyRdsInstance,
    drill: (plan, ctx) => new RdsInstanceDrill(plan, ctx),
  }),
  defineKind<DynamodbTablePlan>({
    kind: DYNAMODB_TABLE_KIND,
    label: 'DynamoDB table',
    planned: (aws) => aws.dynamodbTables,
    describe: (plan) => ({ name: plan.name, identifier: plan.tableName, region: plan.region }),
    verify: verifyDynamodbTable,
    drill: (plan, ctx) => new DynamodbTableDrill(plan, ctx),
  }),
  defineKind<AuroraClusterPlan>({
    kind: AURORA_CLUSTER_KIND,
    label: 'Aurora cluster',
    planned: (aws) => aws.auroraClusters,
    describe: (plan) => ({ name: plan.name, identifier: plan.clusterIdentifier, region: plan.region }),
    verify: verifyAuroraCluster,
    drill: (plan, ctx) => new AuroraClusterDrill(plan, ctx),
  }),
];

/** Every planned AWS database, in table order, then plan order. */
export function plannedDatabases(aws: AwsPlan): PlannedDatabase[] {
  return DATABASE_KINDS.flatMap((row) => row(aws));
}
