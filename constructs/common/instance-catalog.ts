/**
 * RDS instance classes we know the size of (Cloud SQL tiers: constructs/gcp/cloud-sql-tiers.ts). Tuning (memory
 * settings) and alarm thresholds (free memory, connections) derive from these numbers, so a class we do not know is
 * rejected instead of guessed.
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
