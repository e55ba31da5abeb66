import { rdsParameters } from '../../constructs/aws/rds/tables/rds-parameters';
import { tunePostgres } from '../../constructs/common/postgres-tuning';

describe('tunePostgres', () => {
  test('sizes memory settings from the instance memory', () => {
    const tuned = tunePostgres({ memoryGiB: 16, slowQueryThresholdMs: 500 });
    expect(tuned.shared_buffers.value).toBe(String((16 * 1024 ** 3) / 4 / 8192)); // 25% in 8 kB pages
    expect(tuned.effective_cache_size.value).toBe(String(Math.floor((16 * 1024 ** 3 * 0.7) / 8192))); // 70%
    expect(tuned.maintenance_work_mem.value).toBe(String((16 * 1024 * 1024) / 16)); // 1 GiB in kB
    expect(tuned.log_min_duration_statement.value).toBe('500');
  });

  test('caps maintenance_work_mem at 2 GB on large instances', () => {
    expect(tunePostgres({ memoryGiB: 512, slowQueryThresholdMs: 1000 }).maintenance_work_mem.value).toBe(String(2 * 1024 * 1024));
  });

  test('the RDS formulas compute the same values as the absolute ones', () => {
    const memoryGiB = 32;
    const bytes = memoryGiB * 1024 ** 3;
    const tuned = tunePostgres({ memoryGiB, slowQueryThresholdMs: 1000 });
    const evaluate = (formula: string) =>
      Function('LEAST', `return ${formula.replace(/\{DBInstanceClassMemory([^}]*)\}/g, `Math.floor(${bytes}$1)`)}`)(Math.min);
    for (const setting of Object.values(tuned)) {
      if (setting.rdsFormula) expect(String(evaluate(setting.rdsFormula))).toBe(setting.value);
    }
  });

  test('user overrides win over tuned values and TLS', () => {
    const parameters = rdsParameters({
      engine: 'postgres',
      instanceClass: 'db.r6g.large',
      slowQueryThresholdMs: 1000,
      overrides: { random_page_cost: 2, 'rds.force_ssl': '1', log_statement: 'ddl' },
    });
    expect(parameters).toMatchObject({ random_page_cost: '2', log_statement: 'ddl', 'rds.force_ssl': '1' });
  });
});

// Every emitted setting is checked against a real server of its own major in test/common/postgres-real-servers.integration.test.ts.
