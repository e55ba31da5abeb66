/** The parameters of an RDS instance's custom parameter group: tuned settings, TLS, then user overrides. */
import { rdsInstanceSize } from '../common/instance-catalog';
import { RDS_ENGINE_TABLE } from './rds-engine-table';

export interface RdsParametersInput {
  readonly engine: string;
  readonly instanceClass: string;
  readonly slowQueryThresholdMs: number;
  /** Win over the tuned values. */
  readonly overrides?: Readonly<Record<string, string | number>>;
}

/** RDS parameter groups take booleans as 1/0. */
const rdsValue = (value: string | boolean) => (typeof value === 'boolean' ? (value ? '1' : '0') : value);

export function rdsParameters(input: RdsParametersInput): Record<string, string> {
  const row = RDS_ENGINE_TABLE[input.engine];
  const size = rdsInstanceSize(input.instanceClass);
  if (!row) throw new Error(`Unsupported RDS engine '${input.engine}'; supported: ${Object.keys(RDS_ENGINE_TABLE).join(', ')}`);
  if (!size) throw new Error(`Unknown RDS instance class '${input.instanceClass}'; it must be in the instance catalog`);
  const parameters: Record<string, string> = {};
  const tuned = row.tune({ memoryGiB: size.memoryGiB, slowQueryThresholdMs: input.slowQueryThresholdMs });
  for (const [name, setting] of Object.entries(tuned)) parameters[name] = setting.rdsFormula ?? rdsValue(setting.value);
  Object.assign(parameters, row.tlsParameters);
  for (const [name, value] of Object.entries(input.overrides ?? {})) parameters[name] = String(value);
  return parameters;
}
