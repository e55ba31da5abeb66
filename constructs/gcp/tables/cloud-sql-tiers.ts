/** Cloud SQL machine tiers and their sizes. Pure data (no CDKTF import) so validation and the plan can use it. */
import type { InstanceSize } from '../../common/instance-catalog';

/** Cloud SQL shared-core tiers; custom tiers (`db-custom-<vCPU>-<MB>`) are parsed by `cloudSqlTierSize`. */
const CLOUD_SQL_SHARED_CORE: Record<string, InstanceSize> = {
  'db-f1-micro': { vcpus: 1, memoryGiB: 0.6, burstable: true },
  'db-g1-small': { vcpus: 1, memoryGiB: 1.7, burstable: true },
};

const CUSTOM_TIER = /^db-custom-(\d+)-(\d+)$/;
/** ENTERPRISE_PLUS machine types: `db-perf-optimized-N-<vCPU>`, 8 GB of memory per vCPU. */
const PERFORMANCE_OPTIMIZED_TIER = /^db-perf-optimized-N-(\d+)$/;
const PERFORMANCE_OPTIMIZED_VCPUS = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];

/** db-f1-micro and db-g1-small: no SLA, not offered for SQL Server. */
export const isSharedCoreTier = (tier: string) => tier in CLOUD_SQL_SHARED_CORE;

/** Whether a tier is an ENTERPRISE_PLUS performance-optimized machine type (and only valid there). */
export const isPerformanceOptimizedTier = (tier: string) => PERFORMANCE_OPTIMIZED_TIER.test(tier);

/**
 * Cloud SQL custom tier rules: vCPU 1 or an even number 2–96; memory 0.9–6.5 GB per vCPU, a multiple of 256 MB,
 * at least 3840 MB. Returns the size, or the reason the tier is invalid.
 */
export function cloudSqlTierSize(tier: string): InstanceSize | string {
  const shared = CLOUD_SQL_SHARED_CORE[tier];
  if (shared) return shared;
  const optimized = PERFORMANCE_OPTIMIZED_TIER.exec(tier);
  if (optimized) {
    const vcpus = Number(optimized[1]);
    if (!PERFORMANCE_OPTIMIZED_VCPUS.includes(vcpus)) {
      return `has ${vcpus} vCPUs; performance-optimized tiers take ${PERFORMANCE_OPTIMIZED_VCPUS.join(', ')}`;
    }
    return { vcpus, memoryGiB: vcpus * 8, burstable: false };
  }
  const match = CUSTOM_TIER.exec(tier);
  if (!match) {
    return `must be a shared-core tier (${Object.keys(CLOUD_SQL_SHARED_CORE).join(', ')}), db-custom-<vCPU>-<memory MB> or db-perf-optimized-N-<vCPU>`;
  }
  const vcpus = Number(match[1]);
  const memoryMb = Number(match[2]);
  if (!(vcpus === 1 || (vcpus % 2 === 0 && vcpus >= 2 && vcpus <= 96))) {
    return `has ${vcpus} vCPUs; custom tiers take 1 or an even number from 2 to 96`;
  }
  if (memoryMb % 256 !== 0 || memoryMb < 3840) {
    return `has ${memoryMb} MB of memory; it must be a multiple of 256 MB and at least 3840 MB`;
  }
  const perVcpu = memoryMb / 1024 / vcpus;
  if (perVcpu < 0.9 || perVcpu > 6.5) {
    return `has ${perVcpu.toFixed(2)} GB per vCPU; custom tiers take 0.9–6.5 GB per vCPU`;
  }
  return { vcpus, memoryGiB: memoryMb / 1024, burstable: false };
}
