/**
 * PostgreSQL work_mem overrides checked against the machine's memory (constructs/common/work-mem-budget.ts), on RDS,
 * Aurora and Cloud SQL: max_connections is the override when numeric, else the default the service derives from
 * the class or tier (the same numbers the connection alarms use). Also Cloud SQL's machine-relative range of
 * effective_cache_size.
 */
import { AURORA_GIB_PER_ACU, auroraMaxConnections } from '../../../constructs/aws/aurora/tables/aurora-parameters';
import { rdsMaxConnections } from '../../../constructs/aws/rds/tables/rds-parameters';
import { rdsInstanceSize } from '../../../constructs/common/instance-catalog';
import { workMemOvercommit } from '../../../constructs/common/work-mem-budget';
import { CLOUD_SQL_ENGINE_TABLE } from '../../../constructs/gcp/tables/cloud-sql-engine-table';
import { isValidCloudSqlTier } from '../../../constructs/gcp/tables/cloud-sql-tiers';
import { primaryFlags, replicaFlags } from '../../kinds/cloudsql-instance/cloud-sql-flags';
import type { ProblemDraft } from '../problem-draft';
import type { ResolvedAuroraCluster, ResolvedCloudSqlInstance, ResolvedDatabase, ResolvedRdsInstance } from '../resolved-environment';
import type { Rule } from './rule';

const strings = (values: Readonly<Record<string, string | number>>) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));

const explicitConnections = (value: string | number | undefined) => {
  const number = Number(value);
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : undefined;
};

interface Budget {
  /** Config path of the work_mem override that applies (the primary's, or a Cloud SQL replica's own). */
  readonly path: ReadonlyArray<string | number>;
  readonly workMem: string | number;
  readonly memoryGiB: number;
  readonly machine: string;
  readonly maxConnections: number;
  readonly maxConnectionsSource: string;
  readonly maxConnectionsField: string;
}

/** RDS: the primary and each replica (same parameters, possibly a smaller class). */
function rdsBudgets(db: ResolvedRdsInstance, index: number): Budget[] {
  if (db.engine !== 'postgres' || db.parameters.work_mem === undefined) return [];
  const explicit = explicitConnections(db.parameters.max_connections);
  const machines = [
    { instanceClass: db.instanceClass, label: db.instanceClass },
    ...db.replicas.map((replica, r) => ({
      instanceClass: replica.instanceClass ?? db.instanceClass,
      label: `${replica.instanceClass ?? db.instanceClass} (replicas[${r}])`,
    })),
  ];
  return machines.flatMap(({ instanceClass, label }) => {
    const size = rdsInstanceSize(instanceClass);
    if (!size) return [];
    return [
      {
        path: ['databases', index, 'parameters', 'work_mem'],
        workMem: db.parameters.work_mem!,
        memoryGiB: size.memoryGiB,
        machine: label,
        maxConnections: rdsMaxConnections(db.engine, size.memoryGiB, strings(db.parameters)),
        maxConnectionsSource: explicit ? 'your override' : `RDS's default for ${instanceClass}`,
        maxConnectionsField: 'parameters.max_connections',
      },
    ];
  });
}

/** Aurora: every instance of the cluster has the class (or the Serverless v2 maximum, AURORA_GIB_PER_ACU per ACU) and the instance parameters. */
function auroraBudgets(db: ResolvedAuroraCluster, index: number): Budget[] {
  if (db.engine !== 'aurora-postgresql') return [];
  const field = db.instanceParameters.work_mem !== undefined ? 'instanceParameters' : 'parameters';
  const workMem = db[field].work_mem;
  if (workMem === undefined) return [];
  const size = db.instanceClass ? rdsInstanceSize(db.instanceClass) : undefined;
  const memoryGiB = size?.memoryGiB ?? (db.serverlessV2 ? db.serverlessV2.maxCapacity * AURORA_GIB_PER_ACU : undefined);
  if (memoryGiB === undefined) return [];
  const machine = db.instanceClass ?? `Serverless v2 at ${db.serverlessV2!.maxCapacity} ACUs`;
  const instanceParameters = strings({ ...db.parameters, ...db.instanceParameters });
  return [
    {
      path: ['databases', index, field, 'work_mem'],
      workMem,
      memoryGiB,
      machine,
      maxConnections: auroraMaxConnections(memoryGiB, instanceParameters),
      maxConnectionsSource: explicitConnections(instanceParameters.max_connections) ? 'your override' : `Aurora's default for ${machine}`,
      maxConnectionsField: 'instanceParameters.max_connections',
    },
  ];
}

/** Cloud SQL: the flags each instance really gets (tuned for its tier, then the overrides), primary and replicas. */
function cloudSqlBudgets(db: ResolvedCloudSqlInstance, index: number): Budget[] {
  const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
  const primaryTier = db.machineTier;
  if (db.engine !== 'postgres' || !isValidCloudSqlTier(primaryTier)) return [];
  const { slowQueryThresholdMs } = db;
  const primary = primaryFlags({ row, size: primaryTier.size, slowQueryThresholdMs, diskType: db.diskType, overrides: db.flags });
  const budget = (
    flags: Record<string, string>,
    tier: string,
    memoryGiB: number,
    replica?: { index: number; flags: Readonly<Record<string, string | number>> },
  ): Budget[] => {
    const own = replica !== undefined && replica.flags.work_mem !== undefined;
    const workMem = own ? replica.flags.work_mem! : db.flags.work_mem;
    if (workMem === undefined) return [];
    const maxConnections = Number(flags.max_connections);
    const explicit = explicitConnections(replica?.flags.max_connections ?? db.flags.max_connections);
    const fromPrimary = replica !== undefined && !explicit && tier !== db.tier && maxConnections === Number(primary.max_connections);
    const prefix = replica === undefined ? [] : ['replicas', replica.index];
    return [
      {
        path: ['databases', index, ...(own ? prefix : []), 'flags', 'work_mem'],
        workMem,
        memoryGiB,
        machine: replica === undefined ? `tier ${tier}` : `tier ${tier} (replicas[${replica.index}])`,
        maxConnections,
        maxConnectionsSource: explicit
          ? 'your override'
          : fromPrimary
            ? `the primary's, Cloud SQL's default for ${db.tier}: a standby needs at least as many`
            : `Cloud SQL's default for ${tier}`,
        maxConnectionsField: own ? `replicas[${replica.index}].flags.max_connections` : 'flags.max_connections',
      },
    ];
  };
  const budgets = budget(primary, primaryTier.name, primaryTier.size.memoryGiB);
  db.replicas.forEach((replica, r) => {
    const replicaTier = replica.machineTier;
    if (!isValidCloudSqlTier(replicaTier)) return;
    const flags = replicaFlags(
      { row, size: replicaTier.size, slowQueryThresholdMs, diskType: db.diskType, overrides: replica.flags },
      { flags: primary, overrides: db.flags },
    );
    budgets.push(...budget(flags, replicaTier.name, replicaTier.size.memoryGiB, { index: r, flags: replica.flags }));
  });
  return budgets;
}

function budgetsOf(db: ResolvedDatabase, index: number): Budget[] {
  if (db.kind === 'rds-instance') return rdsBudgets(db, index);
  if (db.kind === 'aurora-cluster') return auroraBudgets(db, index);
  if (db.kind === 'cloudsql-instance') return cloudSqlBudgets(db, index);
  return [];
}

/**
 * Cloud SQL accepts effective_cache_size (8 kB pages) from 10% to 70% of the tier's memory
 * (https://cloud.google.com/sql/docs/postgres/flags, "effective_cache_size").
 */
const CLOUD_SQL_EFFECTIVE_CACHE_RANGE = [0.1, 0.7] as const;

function effectiveCacheProblem(db: ResolvedDatabase, index: number): ProblemDraft[] {
  if (db.kind !== 'cloudsql-instance' || db.engine !== 'postgres' || db.flags.effective_cache_size === undefined) return [];
  const machineTier = db.machineTier;
  const value = db.flags.effective_cache_size;
  if (!isValidCloudSqlTier(machineTier) || !/^\d+$/.test(String(value))) return [];
  const pages = (share: number) => (machineTier.size.memoryGiB * 1024 ** 3 * share) / 8192;
  const [low, high] = [Math.ceil(pages(CLOUD_SQL_EFFECTIVE_CACHE_RANGE[0])), Math.floor(pages(CLOUD_SQL_EFFECTIVE_CACHE_RANGE[1]))];
  if (Number(value) >= low && Number(value) <= high) return [];
  return [
    {
      database: db.name,
      path: ['databases', index, 'flags', 'effective_cache_size'],
      value,
      message: `must be from ${low} to ${high} (8 kB pages): Cloud SQL accepts 10% to 70% of the ${machineTier.size.memoryGiB * 1024} MiB of tier ${machineTier.name}`,
      fix: `choose a value from ${low} to ${high}, or remove the flag (we emit 65% of memory)`,
    },
  ];
}

export const postgresMemoryRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    const problems = effectiveCacheProblem(db, index);
    for (const budget of budgetsOf(db, index)) {
      // A work_mem that is not an integer is reported by the value checks.
      if (!/^\d+$/.test(String(budget.workMem))) continue;
      const problem = workMemOvercommit({ ...budget, workMemKb: Number(budget.workMem) });
      if (problem) problems.push({ database: db.name, path: budget.path, value: budget.workMem, ...problem });
    }
    return problems;
  });
