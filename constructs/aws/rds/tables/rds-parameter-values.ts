/**
 * Checks the values of parameter overrides (RDS instances and Aurora clusters) against the engine's own rules, so a
 * value of the wrong type or out of range (`max_connections: 'unlimited'`) is refused at synth, with the allowed
 * range, instead of by RDS at deploy time. PostgreSQL's rules come from the server of the same major
 * (postgres-settings-catalog.ts); the other families' from their documented limits (rds-parameter-ranges.ts). Names
 * are checked separately (rds-parameter-names.ts); a name without value rules here is left to RDS.
 */
import type { PathProblem } from '../../../common/path-problem';
import { isRdsFormula, postgresSetting, postgresValueProblem } from '../../../common/postgres-settings';
import { enumValuesAt, ParameterRange, RDS_PARAMETER_RANGES } from './rds-parameter-ranges';

export type RdsParameterFamily = 'postgres' | keyof typeof RDS_PARAMETER_RANGES;

function rangeProblem(range: ParameterRange, major: string, value: string): string | undefined {
  if (range.type === 'enum') {
    const values = enumValuesAt(range, major);
    const matches = range.caseInsensitive ? values.some((v) => v.toLowerCase() === value.toLowerCase()) : values.includes(value);
    return matches ? undefined : `must be one of ${values.join(', ')}`;
  }
  if (range.type === 'set') {
    // The server matches SET members case-insensitively.
    const members = value.split(',').map((member) => member.trim().toLowerCase());
    const allowed = range.values.map((v) => v.toLowerCase());
    return members.length > 0 && members.every((member) => allowed.includes(member))
      ? undefined
      : `must be one or more of ${range.values.join(', ')}, separated by commas`;
  }
  if (isRdsFormula(value)) return undefined;
  const syntax = range.type === 'integer' ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
  const number = Number(value);
  if (syntax.test(value.trim()) && number >= range.min && number <= range.max) return undefined;
  const unit = range.unit ? ` (in ${range.unit})` : '';
  return `must be ${range.type === 'integer' ? 'an integer' : 'a number'} from ${range.min} to ${range.max}${unit}`;
}

/** Why `value` is not accepted for `name` in this family and major (what is allowed), or undefined. */
export function rdsParameterValueProblem(family: RdsParameterFamily, major: string, name: string, value: string | number): string | undefined {
  const text = String(value);
  if (family === 'postgres') {
    const spec = postgresSetting(major, name);
    return spec ? postgresValueProblem(spec, text, 'rds') : undefined;
  }
  const ranges = RDS_PARAMETER_RANGES[family];
  const key = Object.keys(ranges).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key ? rangeProblem(ranges[key], major, text) : undefined;
}

/** Problems of every override in `parameters`, reported under `field` (e.g. `parameters`, `instanceParameters`). */
export function rdsParameterValueProblems<F extends string>(
  family: RdsParameterFamily,
  major: string,
  groupFamily: string,
  field: F,
  parameters: Readonly<Record<string, string | number>>,
): (PathProblem & { readonly path: readonly [F, string] })[] {
  return Object.entries(parameters).flatMap(([name, value]) => {
    const problem = rdsParameterValueProblem(family, major, name, value);
    if (!problem) return [];
    return [
      {
        path: [field, name] as const,
        value,
        message: `${problem} in the ${groupFamily} family`,
        fix: `set a value that ${problem.replace(/^must be/, 'is')}, or remove the override`,
      },
    ];
  });
}
