/**
 * Checks a database flag against the engine's allow-list (cloud-sql-flag-table.ts). Shared by the constructs (for
 * teams composing them directly) and the config loader (which adds the environment, database and path).
 */
import type { PathProblem } from '../../common/path-problem';
import type { CloudSqlEngine } from './cloud-sql-choices';
import { CLOUD_SQL_FLAGS, CloudSqlFlagSpec } from './cloud-sql-flag-table';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Why `value` is not valid for a flag of this spec (what is allowed), or undefined when it is. */
export function flagValueProblem(spec: CloudSqlFlagSpec, value: string): string | undefined {
  switch (spec.type) {
    case 'boolean':
      return value === 'on' || value === 'off' ? undefined : "must be 'on' or 'off'";
    case 'integer':
    case 'float': {
      const number = Number(value);
      const isValid = spec.type === 'integer' ? /^-?\d+$/.test(value) : NUMBER.test(value);
      const inRange = number >= spec.min && number <= spec.max;
      return isValid && inRange ? undefined : `must be ${spec.type === 'integer' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
    }
    case 'enum':
      return spec.values.includes(value) ? undefined : `must be one of ${spec.values.join(', ')}`;
    case 'list':
      return value.split(',').every((item) => spec.values.includes(item.trim())) ? undefined : `must be a comma-separated list of ${spec.values.join(', ')}`;
    case 'string':
      return undefined;
  }
}

/** Why a user may not set `name` to `value` on this engine, with the fix (path: the flag's name); undefined when fine. */
export function cloudSqlFlagProblem(engine: CloudSqlEngine, displayName: string, name: string, value: string | number): PathProblem | undefined {
  const at = { path: [name], value };
  const flags = CLOUD_SQL_FLAGS[engine];
  const spec = Object.prototype.hasOwnProperty.call(flags, name) ? flags[name] : undefined;
  if (!spec) {
    return {
      ...at,
      message: `is not a Cloud SQL ${displayName} flag we accept; accepted flags: ${Object.keys(flags).join(', ')}`,
      fix: 'check the spelling, or remove the flag (docs/cloud-sql.md lists the flags and their ranges)',
    };
  }
  if (spec.managedBy) {
    return { ...at, message: `is set by the ${spec.managedBy} setting`, fix: `remove the flag and set ${spec.managedBy} instead` };
  }
  const problem = flagValueProblem(spec, String(value));
  return problem ? { ...at, message: problem, fix: `choose a value that ${problem.replace(/^must be/, 'is')}` } : undefined;
}
