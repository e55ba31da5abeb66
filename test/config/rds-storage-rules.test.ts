/** RDS storage at synth: each engine's size range on gp3 and the autoscaling ceiling's margin, just inside and outside. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { RDS_ENGINE_TABLE, type RdsEngine } from '../../constructs/aws/rds/tables/rds-engine-table';
import { RDS_STORAGE_LIMITS } from '../../constructs/aws/rds/tables/rds-storage-limits';
import { withChange } from '../support/fixtures';
import { VALID_RDS_ENGINE_SETTINGS } from '../support/rds-engine-settings';

function problemsOf(change: Record<string, unknown>): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c: any) => Object.assign(c.databases[0], change)),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}

const VALID = VALID_RDS_ENGINE_SETTINGS;

test('every engine of the table has valid settings here', () => {
  expect(Object.keys(VALID).sort()).toEqual(Object.keys(RDS_ENGINE_TABLE).sort());
});

describe.each(Object.keys(VALID) as RdsEngine[])('%s storage range on gp3', (engine) => {
  const { displayName, parameterFamily } = RDS_ENGINE_TABLE[engine];
  const { minGiB, maxGiB } = RDS_STORAGE_LIMITS[parameterFamily].gp3;

  test('the smallest and largest size pass, one GiB less or more fails', () => {
    expect(problemsOf({ ...VALID[engine], allocatedStorageGiB: minGiB })).toEqual([]);
    expect(problemsOf({ ...VALID[engine], allocatedStorageGiB: maxGiB })).toEqual([]);
    expect(problemsOf({ ...VALID[engine], allocatedStorageGiB: minGiB - 1 })).toEqual([
      `test › orders › databases[0].allocatedStorageGiB = ${minGiB - 1}: must be at least 20 GiB (gp3). Fix: change databases[0].allocatedStorageGiB in config/test.ts`,
    ]);
    const over = problemsOf({ ...VALID[engine], allocatedStorageGiB: maxGiB + 1 });
    expect(over).toEqual([
      maxGiB === 65536
        ? 'test › orders › databases[0].allocatedStorageGiB = 65537: must be at most 65536 GiB. Fix: change databases[0].allocatedStorageGiB in config/test.ts'
        : `test › orders › databases[0].allocatedStorageGiB = ${maxGiB + 1}: must be an integer from ${minGiB} to ${maxGiB} GiB for ${displayName} on gp3 storage (RDS limit). Fix: choose a size from ${minGiB} to ${maxGiB}`,
    ]);
  });

  test('the autoscaling ceiling stops at the same maximum', () => {
    expect(problemsOf({ ...VALID[engine], allocatedStorageGiB: 1000, maxAllocatedStorageGiB: maxGiB })).toEqual([]);
    const over = problemsOf({ ...VALID[engine], allocatedStorageGiB: 1000, maxAllocatedStorageGiB: maxGiB + 1 });
    expect(over).toEqual([
      maxGiB === 65536
        ? 'test › orders › databases[0].maxAllocatedStorageGiB = 65537: must be at most 65536 GiB. Fix: change databases[0].maxAllocatedStorageGiB in config/test.ts'
        : `test › orders › databases[0].maxAllocatedStorageGiB = ${maxGiB + 1}: must be at most ${maxGiB} GiB for ${displayName} on gp3 storage; RDS cannot grow storage beyond it. Fix: lower it to ${maxGiB} or less`,
    ]);
  });
});

describe('the storage autoscaling ceiling keeps 10% above the allocated storage', () => {
  test('1000 GiB allocated: 1100 passes, 1099 fails', () => {
    expect(problemsOf({ allocatedStorageGiB: 1000, maxAllocatedStorageGiB: 1100 })).toEqual([]);
    expect(problemsOf({ allocatedStorageGiB: 1000, maxAllocatedStorageGiB: 1099 })).toEqual([
      'test › orders › databases[0].maxAllocatedStorageGiB = 1099: must be at least 10% above allocatedStorageGiB (1000), so at least 1100 GiB, for RDS storage autoscaling. Fix: raise it to 1100 or more, or remove it to turn autoscaling off',
    ]);
  });

  test('25 GiB allocated: the margin rounds up to whole GiB (28 passes, 27 fails)', () => {
    expect(problemsOf({ allocatedStorageGiB: 25, maxAllocatedStorageGiB: 28 })).toEqual([]);
    expect(problemsOf({ allocatedStorageGiB: 25, maxAllocatedStorageGiB: 27 })).toEqual([
      'test › orders › databases[0].maxAllocatedStorageGiB = 27: must be at least 10% above allocatedStorageGiB (25), so at least 28 GiB, for RDS storage autoscaling. Fix: raise it to 28 or more, or remove it to turn autoscaling off',
    ]);
  });

  test('a ceiling equal to the allocated storage', () => {
    expect(problemsOf({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 100 })).toEqual([
      'test › orders › databases[0].maxAllocatedStorageGiB = 100: must be at least 10% above allocatedStorageGiB (100), so at least 110 GiB, for RDS storage autoscaling. Fix: raise it to 110 or more, or remove it to turn autoscaling off',
    ]);
  });

  test('SQL Server near its 16384 GiB limit has no room to autoscale', () => {
    expect(problemsOf({ ...VALID['sqlserver-se'], allocatedStorageGiB: 14894, maxAllocatedStorageGiB: 16384 })).toEqual([]);
    expect(problemsOf({ ...VALID['sqlserver-se'], allocatedStorageGiB: 14895, maxAllocatedStorageGiB: 16384 })).toEqual([
      'test › orders › databases[0].maxAllocatedStorageGiB = 16384: must be at least 10% above allocatedStorageGiB (14895), so at least 16385 GiB, for RDS storage autoscaling. Fix: remove it: 14895 GiB leaves no room to autoscale below the 16384 GiB limit',
    ]);
  });
});
