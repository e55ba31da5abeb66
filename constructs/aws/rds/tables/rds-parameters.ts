/**
 * The parameters of an RDS instance's custom parameter group: tuned settings, then TLS and audit, then user
 * overrides (which win). Which names a family has is checked by rds-instance-checks.ts before this runs.
 */
import { rdsInstanceSize } from '../../../common/instance-catalog';
import { RDS_DEFAULTS } from './rds-defaults';
import { RDS_ENGINE_TABLE, rdsEngineRow, type RdsEngine } from './rds-engine-table';

export interface RdsParametersInput {
  readonly engine: string;
  readonly instanceClass: string;
  readonly slowQueryThresholdMs: number;
  /** Audit logging through parameters (pgaudit, Oracle audit_trail). @default true */
  readonly audit?: boolean;
  /** Win over the tuned values. */
  readonly overrides?: Readonly<Record<string, string | number>>;
}

export function rdsParameters(input: RdsParametersInput): Record<string, string> {
  const row = rdsEngineRow(input.engine);
  const size = rdsInstanceSize(input.instanceClass);
  if (!row) throw new Error(`Unsupported RDS engine '${input.engine}'; supported: ${Object.keys(RDS_ENGINE_TABLE).join(', ')}`);
  if (!size) throw new Error(`Unknown RDS instance class '${input.instanceClass}'; it must be in the instance catalog`);
  const parameters: Record<string, string> = {};
  const tuned = row.tune({ memoryGiB: size.memoryGiB, vcpus: size.vcpus, slowQueryThresholdMs: input.slowQueryThresholdMs });
  for (const [name, setting] of Object.entries(tuned)) parameters[name] = setting.value;
  Object.assign(parameters, row.tlsParameters);
  if (input.audit ?? RDS_DEFAULTS.audit) Object.assign(parameters, row.auditParameters);
  for (const [name, value] of Object.entries(input.overrides ?? {})) parameters[name] = String(value);
  return parameters;
}

/** The connection cap the parameters give on an instance of this memory: an override if numeric, else RDS's default. */
export function rdsMaxConnections(engine: RdsEngine, memoryGiB: number, parameters: Readonly<Record<string, string>>): number {
  const row = RDS_ENGINE_TABLE[engine];
  const override = Number(parameters[row.maxConnections.parameter]);
  return Number.isInteger(override) && override > 0 ? override : row.maxConnections.default(memoryGiB * 1024 ** 3);
}
