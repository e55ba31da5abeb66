import { spawnSync } from 'child_process';
import { rdsParameters } from '../../constructs/aws/rds-parameters';
import { RDS_INSTANCE_CLASSES } from '../../constructs/common/instance-catalog';
import { tunePostgres } from '../../constructs/common/postgres-tuning';
import { describeWithTool } from '../support/local-tools';

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

describeWithTool('postgres', 'Install the PostgreSQL server (Debian: apt-get install postgresql) to check settings against it.')(
  'the settings we emit exist in a real PostgreSQL server and are within its ranges',
  () => {
    // name → [type, min, max] from PostgreSQL's own GUC table.
    const gucs = new Map<string, [string, string, string]>();
    for (const line of spawnSync('postgres', ['--describe-config'], { encoding: 'utf8' }).stdout.split('\n')) {
      const [name, , , type, , min, max] = line.split('\t');
      if (name) gucs.set(name, [type, min, max]);
    }

    const sizes = [...new Set(Object.values(RDS_INSTANCE_CLASSES).map((size) => size.memoryGiB))];
    test.each(sizes)('instance memory %d GiB', (memoryGiB) => {
      for (const [name, setting] of Object.entries(tunePostgres({ memoryGiB, slowQueryThresholdMs: 1000 }))) {
        const guc = gucs.get(name);
        expect({ name, known: guc !== undefined }).toEqual({ name, known: true });
        const [type, min, max] = guc!;
        if (type === 'BOOLEAN') {
          expect(typeof setting.value).toBe('boolean');
        } else {
          const value = Number(setting.value);
          expect(Number.isFinite(value)).toBe(true);
          if (type === 'INTEGER') expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(Number(min));
          expect(value).toBeLessThanOrEqual(Number(max));
        }
      }
    });

    /**
     * What RDS gets for PostgreSQL beyond tunePostgres: TLS and audit. Core settings are checked against the GUC table
     * (shared_preload_libraries exists and takes a list); settings of RDS itself (`rds.*`) and of extensions
     * (`pgaudit.*`) are not in a plain server's table, so they are listed here: adding one is a conscious decision,
     * and their names are checked against RDS's parameter catalog instead (test/aws/rds-parameter-names.test.ts).
     */
    test('the RDS parameter set: core settings exist; RDS and extension settings are the known few', () => {
      const parameters = rdsParameters({ engine: 'postgres', instanceClass: 'db.r6g.large', slowQueryThresholdMs: 1000 });
      const notCore = Object.keys(parameters).filter((name) => !gucs.has(name));
      expect(notCore.sort()).toEqual(['pgaudit.log', 'pgaudit.role', 'rds.force_ssl']);
      expect(gucs.get('shared_preload_libraries')![0]).toBe('STRING');
      for (const [name, value] of Object.entries(parameters)) {
        const guc = gucs.get(name);
        if (!guc || value.startsWith('{') || value.startsWith('LEAST(')) continue; // formulas: checked above through their values
        const [type, min, max] = guc;
        if (type === 'INTEGER' || type === 'REAL') {
          expect({ name, inRange: Number(value) >= Number(min) && Number(value) <= Number(max) }).toEqual({ name, inRange: true });
        }
        if (type === 'BOOLEAN') expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^[01]$/) });
      }
    });
  },
);
