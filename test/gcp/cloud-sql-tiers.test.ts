import { CloudSqlMachineTier, InvalidCloudSqlTier, parseCloudSqlTier } from '../../constructs/gcp/tables/cloud-sql-tiers';

describe('Cloud SQL tiers', () => {
  test.each([
    ['db-custom-1-3840', { vcpus: 1, memoryGiB: 3.75, burstable: false }],
    ['db-custom-2-7680', { vcpus: 2, memoryGiB: 7.5, burstable: false }],
    ['db-g1-small', { vcpus: 1, memoryGiB: 1.7, burstable: true }],
    ['db-perf-optimized-N-4', { vcpus: 4, memoryGiB: 32, burstable: false }],
  ])('%s is valid', (tier, size) => {
    expect((parseCloudSqlTier(tier) as CloudSqlMachineTier).size).toEqual(size);
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
    expect((parseCloudSqlTier(tier) as InvalidCloudSqlTier).invalid).toBe(reason);
  });
});
