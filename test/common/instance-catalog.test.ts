import { cloudSqlTierSize, rdsInstanceSize } from '../../constructs/common/instance-catalog';
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

  test('unknown classes are not guessed', () => {
    expect(rdsInstanceSize('db.r6g.3xlarge')).toBeUndefined();
    expect(rdsInstanceSize('r6g.large')).toBeUndefined();
  });
});

describe('Cloud SQL tiers', () => {
  test.each([
    ['db-custom-1-3840', { vcpus: 1, memoryGiB: 3.75, burstable: false }],
    ['db-custom-2-7680', { vcpus: 2, memoryGiB: 7.5, burstable: false }],
    ['db-g1-small', { vcpus: 1, memoryGiB: 1.7, burstable: true }],
    ['db-perf-optimized-N-4', { vcpus: 4, memoryGiB: 32, burstable: false }],
  ])('%s is valid', (tier, size) => {
    expect(cloudSqlTierSize(tier)).toEqual(size);
  });

  test.each([
    ['db-n1-standard-2', 'must be a shared-core tier (db-f1-micro, db-g1-small), db-custom-<vCPU>-<memory MB> or db-perf-optimized-N-<vCPU>'],
    ['db-perf-optimized-N-6', 'has 6 vCPUs; performance-optimized tiers take 2, 4, 8, 16, 32, 48, 64, 80, 96, 128'],
    ['db-custom-3-7680', 'has 3 vCPUs; custom tiers take 1 or an even number from 2 to 96'],
    ['db-custom-98-393216', 'has 98 vCPUs; custom tiers take 1 or an even number from 2 to 96'],
    ['db-custom-2-7000', 'has 7000 MB of memory; it must be a multiple of 256 MB and at least 3840 MB'],
    ['db-custom-2-3584', 'has 3584 MB of memory; it must be a multiple of 256 MB and at least 3840 MB'],
    ['db-custom-16-7936', 'has 0.48 GB per vCPU; custom tiers take 0.9–6.5 GB per vCPU'],
    ['db-custom-1-7680', 'has 7.50 GB per vCPU; custom tiers take 0.9–6.5 GB per vCPU'],
  ])('%s is rejected', (tier, reason) => {
    expect(cloudSqlTierSize(tier)).toBe(reason);
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
