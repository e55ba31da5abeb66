import { AURORA_ENGINE_TABLE } from '../../constructs/aws/aurora/tables/aurora-engine-table';
import { AURORA_PARAMETER_LEVEL_ROWS, AURORA_PARAMETER_LEVELS, auroraParameterLevelProblems } from '../../constructs/aws/aurora/tables/aurora-parameter-levels';
import { auroraParameters } from '../../constructs/aws/aurora/tables/aurora-parameters';

describe('Aurora parameter levels', () => {
  test.each(Object.keys(AURORA_ENGINE_TABLE) as (keyof typeof AURORA_ENGINE_TABLE)[])('%s: every tuned name lands in the group its level names', (engine) => {
    const levels = AURORA_PARAMETER_LEVELS[AURORA_ENGINE_TABLE[engine].parameterFamily];
    const { cluster, instance } = auroraParameters({ engine, memoryGiB: 32, vcpus: 4, slowQueryThresholdMs: 500, audit: false });
    const tls = Object.keys(AURORA_ENGINE_TABLE[engine].tlsParameters);
    for (const name of Object.keys(instance)) expect({ name, level: levels[name] }).toEqual({ name, level: 'instance' });
    for (const name of Object.keys(cluster).filter((n) => !tls.includes(n))) expect({ name, level: levels[name] }).toEqual({ name, level: 'cluster' });
  });

  test('Aurora PostgreSQL: the autovacuum settings AWS lists as cluster-level are in the cluster group, not the instance group', () => {
    const { cluster, instance } = auroraParameters({ engine: 'aurora-postgresql', memoryGiB: 32, vcpus: 4, slowQueryThresholdMs: 500 });
    for (const name of [
      'autovacuum_vacuum_scale_factor',
      'autovacuum_vacuum_insert_scale_factor',
      'autovacuum_analyze_scale_factor',
      'log_autovacuum_min_duration',
    ]) {
      expect(cluster[name]).toBeDefined();
      expect(instance[name]).toBeUndefined();
    }
    expect(instance).toMatchObject({ log_min_duration_statement: '500', random_page_cost: '1.1' });
  });

  test("Aurora MySQL: innodb_print_all_deadlocks is in both of AWS's tables, so it is tuned in the instance group and accepted there", () => {
    const { cluster, instance } = auroraParameters({ engine: 'aurora-mysql', memoryGiB: 16, vcpus: 2, slowQueryThresholdMs: 500 });
    expect(instance.innodb_print_all_deadlocks).toBe('1');
    expect(cluster.innodb_print_all_deadlocks).toBeUndefined();
    expect(auroraParameterLevelProblems('mysql', 'aurora-mysql8.0', { innodb_print_all_deadlocks: '0' })).toEqual([]);
  });

  test('a name only the cluster group takes is refused among instanceParameters, with where to move it', () => {
    expect(auroraParameterLevelProblems('mysql', 'aurora-mysql8.0', { binlog_format: 'ROW', long_query_time: '2' })).toEqual([
      {
        path: ['instanceParameters', 'binlog_format'],
        value: 'ROW',
        message: "'binlog_format' is a cluster-level parameter of the aurora-mysql8.0 family; an instance parameter group cannot hold it",
        fix: 'move it to parameters (the cluster parameter group)',
      },
    ]);
    expect(
      auroraParameterLevelProblems('postgres', 'aurora-postgresql16', { autovacuum_vacuum_scale_factor: '0.1', work_mem: '8192' }).map((p) => p.path),
    ).toEqual([['instanceParameters', 'autovacuum_vacuum_scale_factor']]);
  });

  test("every row's level follows from the tables AWS lists it in, and names its source", () => {
    for (const [family, rows] of Object.entries(AURORA_PARAMETER_LEVEL_ROWS)) {
      for (const [name, row] of Object.entries(rows)) {
        expect({ family, name, level: row.level }).toEqual({ family, name, level: row.listedIn === 'cluster table only' ? 'cluster' : 'instance' });
        expect(row.source).toMatch(/^Aurora User Guide, "/);
      }
    }
  });
});
