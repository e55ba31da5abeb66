import { rdsInstanceClass, rdsInstanceSize } from '../../constructs/common/instance-catalog';
import { identifierProblem } from '../../constructs/common/identifiers';

describe('RDS instance catalog', () => {
  test.each([
    ['db.t4g.medium', { vcpus: 2, memoryGiB: 4, burstable: true }],
    ['db.m7g.large', { vcpus: 2, memoryGiB: 8, burstable: false }],
    ['db.r6g.xlarge', { vcpus: 4, memoryGiB: 32, burstable: false }],
    ['db.r7i.24xlarge', { vcpus: 96, memoryGiB: 768, burstable: false }],
  ])('%s', (instanceClass, size) => {
    expect(rdsInstanceSize(instanceClass)).toEqual(size);
  });

  test('generation, processor and CPU credits of a class', () => {
    expect(rdsInstanceClass('db.t4g.large')).toEqual({ vcpus: 2, memoryGiB: 8, burstable: true, generation: 't4g', graviton: true, cpuCreditsPerHour: 36 });
    expect(rdsInstanceClass('db.r6i.2xlarge')).toEqual({ vcpus: 8, memoryGiB: 64, burstable: false, generation: 'r6i', graviton: false });
  });

  test('unknown classes are not guessed', () => {
    expect(rdsInstanceSize('db.r6g.3xlarge')).toBeUndefined();
    expect(rdsInstanceSize('r6g.large')).toBeUndefined();
  });
});

describe('identifiers', () => {
  test.each([
    ['orders', 63, undefined],
    ['', 63, 'must be 1–63 characters long (it has 0)'],
    ['9orders', 63, 'must start with a lowercase letter and contain only lowercase letters, digits and hyphens'],
    ['orders--eu', 63, 'must not contain two consecutive hyphens'],
    ['orders-', 63, 'must not end with a hyphen'],
    ['a'.repeat(64), 63, 'must be 1–63 characters long (it has 64)'],
  ])('%j (max %d)', (value, max, problem) => {
    expect(identifierProblem(value, max)).toBe(problem);
  });
});
