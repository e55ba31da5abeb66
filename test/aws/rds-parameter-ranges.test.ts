import { RDS_ENGINE_TABLE } from '../../constructs/aws/rds/tables/rds-engine-table';
import { RDS_PARAMETER_CATALOGS } from '../../constructs/aws/rds/tables/rds-parameter-names';
import { RDS_PARAMETER_RANGES } from '../../constructs/aws/rds/tables/rds-parameter-ranges';
import { rdsParameterValueProblem } from '../../constructs/aws/rds/tables/rds-parameter-values';

const families = Object.keys(RDS_PARAMETER_RANGES) as (keyof typeof RDS_PARAMETER_RANGES)[];
const majorsOf = (family: string) => [
  ...new Set(
    Object.values(RDS_ENGINE_TABLE)
      .filter((row) => row.parameterFamily === family)
      .flatMap((row) => row.versions.map(row.majorOf)),
  ),
];

describe.each(families)('%s value rules', (family) => {
  test('every ranged name is a parameter of the family at every major we support, and each range is well formed', () => {
    for (const [name, range] of Object.entries(RDS_PARAMETER_RANGES[family])) {
      for (const major of majorsOf(family))
        expect({ name, major, known: RDS_PARAMETER_CATALOGS[family].has(name, major) }).toEqual({ name, major, known: true });
      if (range.type === 'enum' || range.type === 'set') expect(range.values.length).toBeGreaterThan(0);
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
      if (range.type === 'set') {
        expect(rdsParameterValueProblem(family, major, name, range.values.join(','))).toBeUndefined();
        expect(rdsParameterValueProblem(family, major, name, `${range.values[0]},NOT-A-VALUE`)).toMatch(/^must be one or more of /);
        continue;
      }
      const step = range.type === 'integer' ? 1 : 0.5;
      expect({ name, min: rdsParameterValueProblem(family, major, name, range.min), max: rdsParameterValueProblem(family, major, name, range.max) }).toEqual({
        name,
        min: undefined,
        max: undefined,
      });
      expect(rdsParameterValueProblem(family, major, name, range.min - step)).toMatch(/^must be /);
      if (range.max < Number.MAX_SAFE_INTEGER) expect(rdsParameterValueProblem(family, major, name, range.max + step)).toMatch(/^must be /);
      expect(rdsParameterValueProblem(family, major, name, 'unlimited')).toMatch(/^must be /);
      // RDS evaluates formulas of the class memory itself.
      expect(rdsParameterValueProblem(family, major, name, '{DBInstanceClassMemory/12582880}')).toBeUndefined();
    }
  });
});

describe('MySQL and MariaDB differ where their servers do', () => {
  const problem = (family: 'mysql' | 'mariadb', major: string, name: string, value: string) => rdsParameterValueProblem(family, major, name, value);

  test('innodb_flush_log_at_trx_commit: MariaDB also takes 3, MySQL stops at 2', () => {
    expect(problem('mariadb', '10.11', 'innodb_flush_log_at_trx_commit', '3')).toBeUndefined();
    expect(problem('mariadb', '10.11', 'innodb_flush_log_at_trx_commit', '4')).toBe('must be an integer from 0 to 3');
    expect(problem('mysql', '8.0', 'innodb_flush_log_at_trx_commit', '2')).toBeUndefined();
    expect(problem('mysql', '8.0', 'innodb_flush_log_at_trx_commit', '3')).toBe('must be an integer from 0 to 2');
  });

  test('MariaDB limits the MariaDB server reports (10.11), one inside and one outside each', () => {
    const cases: [string, string, string, string][] = [
      ['innodb_lock_wait_timeout', '100000000', '100000001', 'must be an integer from 0 to 100000000 (in seconds)'],
      ['innodb_io_capacity', '4294967295', '4294967296', 'must be an integer from 100 to 4294967295'],
      ['group_concat_max_len', '1073741824', '1073741825', 'must be an integer from 4 to 1073741824 (in bytes)'],
      ['max_connect_errors', '4294967295', '4294967296', 'must be an integer from 1 to 4294967295'],
      ['table_open_cache', '10', '9', 'must be an integer from 10 to 1048576'],
      ['max_user_connections', '-1', '-2', 'must be an integer from -1 to 2147483647'],
    ];
    for (const [name, inside, outside, message] of cases) {
      expect({ name, inside: problem('mariadb', '10.11', name, inside), outside: problem('mariadb', '10.11', name, outside) }).toEqual({
        name,
        inside: undefined,
        outside: message,
      });
    }
    expect(problem('mariadb', '10.11', 'lock_wait_timeout', '0')).toBeUndefined();
    expect(problem('mysql', '8.4', 'lock_wait_timeout', '0')).toBe('must be an integer from 1 to 31536000 (in seconds)');
  });

  test('log_output takes a comma-separated set (FILE,TABLE), not one word only', () => {
    expect(problem('mysql', '8.4', 'log_output', 'FILE,TABLE')).toBeUndefined();
    expect(problem('mariadb', '10.11', 'log_output', 'table')).toBeUndefined();
    expect(problem('mysql', '8.4', 'log_output', 'FILE,SYSLOG')).toBe('must be one or more of FILE, TABLE, NONE, separated by commas');
  });

  test('binlog_row_image FULL_NODUP only from MariaDB 11.4 (the 10.11 server refuses it)', () => {
    expect(problem('mariadb', '10.11', 'binlog_row_image', 'FULL_NODUP')).toBe('must be one of FULL, MINIMAL, NOBLOB');
    expect(problem('mariadb', '11.4', 'binlog_row_image', 'FULL_NODUP')).toBeUndefined();
    expect(problem('mysql', '8.4', 'binlog_row_image', 'FULL_NODUP')).toBe('must be one of FULL, MINIMAL, NOBLOB');
  });
});
