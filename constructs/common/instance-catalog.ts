/**
 * Instance classes and tiers we know the size of. Tuning (memory settings) and alarm thresholds (free memory,
 * connections) derive from these numbers, so a class we do not know is rejected instead of guessed.
 */

export interface InstanceSize {
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** Burstable classes earn CPU credits and get a burst-balance alarm. */
  readonly burstable: boolean;
}

const GENERATIONS = {
  burstable: ['t3', 't4g'],
  general: ['m5', 'm6g', 'm6i', 'm7g', 'm7i'],
  memory: ['r5', 'r6g', 'r6i', 'r7g', 'r7i'],
} as const;

// Sizes per family shape: vCPUs and GiB of memory. General purpose has 4 GiB per vCPU, memory optimized 8.
const BURSTABLE_SIZES: Record<string, [number, number]> = {
  micro: [2, 1], small: [2, 2], medium: [2, 4], large: [2, 8], xlarge: [4, 16], '2xlarge': [8, 32],
};
const SCALABLE_SIZES: Record<string, number> = {
  large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '12xlarge': 48, '16xlarge': 64, '24xlarge': 96,
};

function buildRdsCatalog(): Record<string, InstanceSize> {
  const catalog: Record<string, InstanceSize> = {};
  for (const generation of GENERATIONS.burstable) {
    for (const [size, [vcpus, memoryGiB]] of Object.entries(BURSTABLE_SIZES)) {
      catalog[`db.${generation}.${size}`] = { vcpus, memoryGiB, burstable: true };
    }
  }
  for (const [shape, gibPerVcpu] of [['general', 4], ['memory', 8]] as const) {
    for (const generation of GENERATIONS[shape]) {
      for (const [size, vcpus] of Object.entries(SCALABLE_SIZES)) {
        catalog[`db.${generation}.${size}`] = { vcpus, memoryGiB: vcpus * gibPerVcpu, burstable: false };
      }
    }
  }
  return catalog;
}

/** RDS / Aurora DB instance classes by name (`db.r6g.large`). */
export const RDS_INSTANCE_CLASSES: Readonly<Record<string, InstanceSize>> = buildRdsCatalog();

export function rdsInstanceSize(instanceClass: string): InstanceSize | undefined {
  return RDS_INSTANCE_CLASSES[instanceClass];
}

/** Cloud SQL shared-core tiers; custom tiers (`db-custom-<vCPU>-<MB>`) are parsed by `cloudSqlTierSize`. */
const CLOUD_SQL_SHARED_CORE: Record<string, InstanceSize> = {
  'db-f1-micro': { vcpus: 1, memoryGiB: 0.6, burstable: true },
  'db-g1-small': { vcpus: 1, memoryGiB: 1.7, burstable: true },
};

const CUSTOM_TIER = /^db-custom-(\d+)-(\d+)$/;
/** ENTERPRISE_PLUS machine types: `db-perf-optimized-N-<vCPU>`, 8 GB of memory per vCPU. */
const PERFORMANCE_OPTIMIZED_TIER = /^db-perf-optimized-N-(\d+)$/;
const PERFORMANCE_OPTIMIZED_VCPUS = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];

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
