import { RDS_ENGINE_TABLE } from '../../constructs/aws/rds-engine-table';
import { RDS_PARAMETER_CATALOGS } from '../../constructs/aws/rds-parameter-names';
import { RDS_PARAMETER_RANGES } from '../../constructs/aws/rds-parameter-ranges';
import { rdsParameterValueProblem } from '../../constructs/aws/rds-parameter-values';

const families = Object.keys(RDS_PARAMETER_RANGES) as (keyof typeof RDS_PARAMETER_RANGES)[];
const majorsOf = (family: string) =>
  [...new Set(Object.values(RDS_ENGINE_TABLE).filter((row) => row.parameterFamily === family).flatMap((row) => row.versions.map(row.majorOf)))];

describe.each(families)('%s value rules', (family) => {
  test('every ranged name is a parameter of the family at every major we support, and each range is well formed', () => {
    for (const [name, range] of Object.entries(RDS_PARAMETER_RANGES[family])) {
      for (const major of majorsOf(family)) expect({ name, major, known: RDS_PARAMETER_CATALOGS[family].has(name, major) }).toEqual({ name, major, known: true });
      if (range.type === 'enum') expect(range.values.length).toBeGreaterThan(0);
      else expect(range.min).toBeLessThan(range.max);
    }
  });

  test('each number range: its ends are accepted, one step outside is refused, and so is a word', () => {
    const major = majorsOf(family)[0];
    for (const [name, range] of Object.entries(RDS_PARAMETER_RANGES[family])) {
      if (range.type === 'enum') {
        expect(rdsParameterValueProblem(family, major, name, range.values[0])).toBeUndefined();
        expect(rdsParameterValueProblem(family, major, name, 'NOT-A-VALUE')).toMatch(/^must be one of /);
        continue;
      }
      const step = range.type === 'integer' ? 1 : 0.5;
      expect({ name, min: rdsParameterValueProblem(family, major, name, range.min), max: rdsParameterValueProblem(family, major, name, range.max) })
        .toEqual({ name, min: undefined, max: undefined });
      expect(rdsParameterValueProblem(family, major, name, range.min - step)).toMatch(/^must be /);
      if (range.max < Number.MAX_SAFE_INTEGER) expect(rdsParameterValueProblem(family, major, name, range.max + step)).toMatch(/^must be /);
      expect(rdsParameterValueProblem(family, major, name, 'unlimited')).toMatch(/^must be /);
      // RDS evaluates formulas of the class memory itself.
      expect(rdsParameterValueProblem(family, major, name, '{DBInstanceClassMemory/12582880}')).toBeUndefined();
    }
  });
});
