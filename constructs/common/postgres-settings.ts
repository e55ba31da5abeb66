/**
 * Whether a value is one PostgreSQL accepts for a setting, from the server's own table of each major
 * (postgres-settings-catalog.ts, generated from real servers). Used for RDS and Aurora parameter overrides, which RDS
 * validates against the same ranges at deploy time (its parameter's AllowedValues), and for the settings we emit.
 */
import { POSTGRES_SETTINGS_BY_MAJOR } from './postgres-settings-catalog';

export interface PostgresSettingSpec {
  readonly type: 'bool' | 'integer' | 'real' | 'enum' | 'string';
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly values?: readonly string[];
}

export const POSTGRES_SETTING_MAJORS = Object.keys(POSTGRES_SETTINGS_BY_MAJOR);

/** The setting's spec in this major, or undefined when the server of that major has no such setting. */
export function postgresSetting(major: string, name: string): PostgresSettingSpec | undefined {
  const rows = POSTGRES_SETTINGS_BY_MAJOR[major];
  if (!rows || !Object.prototype.hasOwnProperty.call(rows, name)) return undefined;
  const [type, first, max, unit] = rows[name];
  if (type === 'enum') return { type, values: first as readonly string[] };
  if (type === 'integer' || type === 'real') return { type, min: first as number, max: max as number, unit: unit as string | undefined };
  return { type: type as 'bool' | 'string' };
}

/** How booleans are written where the value goes: RDS parameter groups take 1/0, Cloud SQL flags and postgresql.conf on/off. */
export type BooleanStyle = 'rds' | 'postgres';

/** An RDS parameter-group formula (`{DBInstanceClassMemory/32768}`, `LEAST(…)`): RDS evaluates it per class. */
export const isRdsFormula = (value: string) => /^\s*(\{[^}]+\}|(LEAST|GREATEST|SUM)\(.*\))\s*$/i.test(value);

const INTEGER = /^-?\d+$/;
const REAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Why `value` is not valid for this setting (what is allowed), or undefined when it is. */
export function postgresValueProblem(spec: PostgresSettingSpec, value: string, booleans: BooleanStyle): string | undefined {
  const unit = spec.unit ? ` (in ${spec.unit})` : '';
  switch (spec.type) {
    case 'bool':
      if (booleans === 'rds') return value === '0' || value === '1' ? undefined : 'must be 1 (on) or 0 (off)';
      return ['on', 'off', 'true', 'false', '1', '0'].includes(value.toLowerCase()) ? undefined : "must be 'on' or 'off'";
    case 'integer':
    case 'real': {
      if (booleans === 'rds' && isRdsFormula(value)) return undefined;
      const syntax = spec.type === 'integer' ? INTEGER : REAL;
      const number = Number(value);
      const ok = syntax.test(value.trim()) && number >= spec.min! && number <= spec.max!;
      return ok ? undefined : `must be ${spec.type === 'integer' ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}${unit}`;
    }
    case 'enum':
      return spec.values!.includes(value) ? undefined : `must be one of ${spec.values!.join(', ')}`;
    case 'string':
      return undefined;
  }
}
