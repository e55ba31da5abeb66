/**
 * The two parameter groups of an Aurora cluster. The cluster group holds what every instance must share (TLS, audit,
 * and the tuned names Aurora accepts only there, per aurora-parameter-levels.ts); the instance group holds the rest
 * of the tuning, taken from the RDS tuning table of the same family (rds-tuning.ts) minus what
 * Aurora sizes itself: its storage has no OS page cache to share memory with, so it already gives the buffer cache
 * about 3/4 of memory, and it has no provisioned IOPS to tune I/O capacity against. Serverless v2 also drops the
 * memory formulas (capacity changes under them). User overrides win over all.
 */
import { AURORA_ENGINE_TABLE, AuroraEngine } from './aurora-engine-table';
import { AURORA_PARAMETER_LEVELS } from './aurora-parameter-levels';
import { RDS_DEFAULTS } from '../../rds/tables/rds-defaults';
import { RDS_TUNING } from '../../rds/tables/rds-tuning';

/** Tuned names Aurora manages itself, by family. */
const AURORA_MANAGED: Readonly<Record<'postgres' | 'mysql', readonly string[]>> = {
  postgres: ['shared_buffers', 'effective_cache_size', 'effective_io_concurrency'],
  mysql: ['innodb_buffer_pool_size', 'innodb_io_capacity', 'innodb_io_capacity_max'],
};

export interface AuroraParametersInput {
  readonly engine: AuroraEngine;
  /** Memory of the provisioned class; undefined for Serverless v2. */
  readonly memoryGiB?: number;
  readonly vcpus?: number;
  readonly slowQueryThresholdMs: number;
  /** @default true */
  readonly audit?: boolean;
  readonly clusterOverrides?: Readonly<Record<string, string | number>>;
  readonly instanceOverrides?: Readonly<Record<string, string | number>>;
}

export interface AuroraParameters {
  readonly cluster: Record<string, string>;
  readonly instance: Record<string, string>;
}

export function auroraParameters(input: AuroraParametersInput): AuroraParameters {
  const row = AURORA_ENGINE_TABLE[input.engine];
  if (!row) throw new Error(`Unsupported Aurora engine '${input.engine}'; supported: ${Object.keys(AURORA_ENGINE_TABLE).join(', ')}`);
  const serverless = input.memoryGiB === undefined;
  const tuned = RDS_TUNING[row.parameterFamily]({ memoryGiB: input.memoryGiB ?? 0, vcpus: input.vcpus ?? 0, slowQueryThresholdMs: input.slowQueryThresholdMs });
  const instance: Record<string, string> = {};
  const cluster: Record<string, string> = {};
  const levels = AURORA_PARAMETER_LEVELS[row.parameterFamily];
  for (const [name, setting] of Object.entries(tuned)) {
    if (AURORA_MANAGED[row.parameterFamily].includes(name)) continue;
    if (serverless && setting.value.includes('DBInstanceClassMemory')) continue;
    const level = levels[name];
    if (!level) throw new Error(`Tuned Aurora parameter '${name}' has no level in constructs/aws/aurora/tables/aurora-parameter-levels.ts`);
    (level === 'cluster' ? cluster : instance)[name] = setting.value;
  }
  Object.assign(cluster, row.tlsParameters, (input.audit ?? RDS_DEFAULTS.audit) ? row.auditParameters : {});
  for (const [name, value] of Object.entries(input.clusterOverrides ?? {})) cluster[name] = String(value);
  for (const [name, value] of Object.entries(input.instanceOverrides ?? {})) instance[name] = String(value);
  return { cluster, instance };
}

/** One Serverless v2 ACU is about 2 GiB of memory (Aurora user guide, "Requirements and limitations for Aurora Serverless v2": each ACU provides about 2 GiB of RAM). */
export const AURORA_GIB_PER_ACU = 2;

/** The memory a cluster's connection cap is sized for: its class's, else Serverless v2's maximum capacity. */
export function auroraConnectionMemoryGiB(memoryGiB: number | undefined, serverlessV2: { readonly maxCapacity: number } | undefined): number {
  return memoryGiB ?? (serverlessV2?.maxCapacity ?? 1) * AURORA_GIB_PER_ACU;
}

/** Aurora's default connection cap for an instance of this memory (the RDS family's formula), or an override. */
export function auroraMaxConnections(memoryGiB: number, parameters: Readonly<Record<string, string>>): number {
  const override = Number(parameters.max_connections);
  if (Number.isInteger(override) && override > 0) return override;
  // Aurora: LEAST({DBInstanceClassMemory/9531392}, 5000) for PostgreSQL; MySQL's formula gives the same order.
  return Math.min(Math.floor((memoryGiB * 1024 ** 3) / 9531392), 5000);
}
