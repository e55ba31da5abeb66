/**
 * PostgreSQL work_mem overrides checked against the machine's memory (constructs/common/work-mem-budget.ts), on RDS,
 * Aurora and Cloud SQL: max_connections is the override when numeric, else the default the service derives from
 * the class or tier (the same numbers the connection alarms use). Also Cloud SQL's machine-relative range of
 * effective_cache_size.
 */
import { auroraMaxConnections } from '../../../constructs/aws/aurora-parameters';
import { rdsMaxConnections } from '../../../constructs/aws/rds-parameters';
import { rdsInstanceSize } from '../../../constructs/common/instance-catalog';
import { workMemOvercommit } from '../../../constructs/common/work-mem-budget';
import { postgresMaxConnections } from '../../../constructs/gcp/cloud-sql-tuning';
import { cloudSqlTierSize } from '../../../constructs/gcp/cloud-sql-tiers';
import type { ProblemDraft } from '../problem-draft';
import type { ResolvedDatabase } from '../resolved-environment';
import type { Rule } from './rule';

/** Aurora Serverless v2: 1 ACU is about 2 GiB of memory; the check takes the maximum capacity. */
const GIB_PER_ACU = 2;

const strings = (values: Readonly<Record<string, string | number>>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));

const explicitConnections = (value: string | number | undefined) => {
  const number = Number(value);
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : undefined;
};

interface Budget {
  readonly field: 'parameters' | 'instanceParameters' | 'flags';
  readonly workMem: string | number;
  readonly memoryGiB: number;
  readonly machine: string;
  readonly maxConnections: number;
  readonly maxConnectionsSource: string;
  readonly maxConnectionsField: string;
}

function budgetOf(db: ResolvedDatabase): Budget | undefined {
  if (db.kind === 'rds-instance' && db.engine === 'postgres' && db.parameters.work_mem !== undefined) {
    const size = rdsInstanceSize(db.instanceClass);
    if (!size) return undefined;
    const explicit = explicitConnections(db.parameters.max_connections);
    return {
      field: 'parameters', workMem: db.parameters.work_mem, memoryGiB: size.memoryGiB, machine: db.instanceClass,
      maxConnections: rdsMaxConnections(db.engine, size.memoryGiB, strings(db.parameters)),
      maxConnectionsSource: explicit ? 'your override' : `RDS's default for ${db.instanceClass}`,
      maxConnectionsField: 'parameters.max_connections',
    };
  }
  if (db.kind === 'aurora-cluster' && db.engine === 'aurora-postgresql') {
    const field = db.instanceParameters.work_mem !== undefined ? 'instanceParameters' : 'parameters';
    const workMem = db[field].work_mem;
    if (workMem === undefined) return undefined;
    const size = db.instanceClass ? rdsInstanceSize(db.instanceClass) : undefined;
    const memoryGiB = size?.memoryGiB ?? (db.serverlessV2 ? db.serverlessV2.maxCapacity * GIB_PER_ACU : undefined);
    if (memoryGiB === undefined) return undefined;
    const machine = db.instanceClass ?? `Serverless v2 at ${db.serverlessV2!.maxCapacity} ACUs`;
    const instanceParameters = strings({ ...db.parameters, ...db.instanceParameters });
    return {
      field, workMem, memoryGiB, machine,
      maxConnections: auroraMaxConnections(memoryGiB, instanceParameters),
      maxConnectionsSource: explicitConnections(instanceParameters.max_connections) ? 'your override' : `Aurora's default for ${machine}`,
      maxConnectionsField: 'instanceParameters.max_connections',
    };
  }
  if (db.kind === 'cloudsql-instance' && db.engine === 'postgres' && db.flags.work_mem !== undefined) {
    const size = cloudSqlTierSize(db.tier);
    if (typeof size === 'string') return undefined;
    const explicit = explicitConnections(db.flags.max_connections);
    return {
      field: 'flags', workMem: db.flags.work_mem, memoryGiB: size.memoryGiB, machine: `tier ${db.tier}`,
      maxConnections: explicit ?? postgresMaxConnections(size.memoryGiB),
      maxConnectionsSource: explicit ? 'your override' : `Cloud SQL's default for ${db.tier}`,
      maxConnectionsField: 'flags.max_connections',
    };
  }
  return undefined;
}

/**
 * Cloud SQL accepts effective_cache_size (8 kB pages) from 10% to 70% of the tier's memory
 * (https://cloud.google.com/sql/docs/postgres/flags, "effective_cache_size").
 */
const CLOUD_SQL_EFFECTIVE_CACHE_RANGE = [0.1, 0.7] as const;

function effectiveCacheProblem(db: ResolvedDatabase, index: number): ProblemDraft[] {
  if (db.kind !== 'cloudsql-instance' || db.engine !== 'postgres' || db.flags.effective_cache_size === undefined) return [];
  const size = cloudSqlTierSize(db.tier);
  const value = db.flags.effective_cache_size;
  if (typeof size === 'string' || !/^\d+$/.test(String(value))) return [];
  const pages = (share: number) => (size.memoryGiB * 1024 ** 3 * share) / 8192;
  const [low, high] = [Math.ceil(pages(CLOUD_SQL_EFFECTIVE_CACHE_RANGE[0])), Math.floor(pages(CLOUD_SQL_EFFECTIVE_CACHE_RANGE[1]))];
  if (Number(value) >= low && Number(value) <= high) return [];
  return [{
    database: db.name,
    path: ['databases', index, 'flags', 'effective_cache_size'],
    value,
    message: `must be from ${low} to ${high} (8 kB pages): Cloud SQL accepts 10% to 70% of the ${size.memoryGiB * 1024} MiB of tier ${db.tier}`,
    fix: `choose a value from ${low} to ${high}, or remove the flag (we emit 65% of memory)`,
  }];
}

export const postgresMemoryRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    const problems = effectiveCacheProblem(db, index);
    const budget = budgetOf(db);
    // A work_mem that is not an integer is reported by the value checks.
    if (!budget || !/^\d+$/.test(String(budget.workMem))) return problems;
    const problem = workMemOvercommit({ ...budget, workMemKb: Number(budget.workMem) });
    if (!problem) return problems;
    return [...problems, { database: db.name, path: ['databases', index, budget.field, 'work_mem'], value: budget.workMem, ...problem }];
  });
