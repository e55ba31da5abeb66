/**
 * RDS instance classes we know the size of (Cloud SQL tiers: constructs/gcp/tables/cloud-sql-tiers.ts). Tuning (memory
 * settings) and alarm thresholds (free memory, connections, CPU credits) derive from these numbers, so a class we do
 * not know is rejected instead of guessed. Which engine may run which generation is the engine table's business
 * (constructs/aws/rds/tables/rds-engine-table.ts).
 */

export interface InstanceSize {
  readonly vcpus: number;
  readonly memoryGiB: number;
  /** Burstable classes earn CPU credits and get a CPU-credit alarm. */
  readonly burstable: boolean;
}

/** Instance generations as rows: shape and processor. Graviton (ARM) classes do not run Oracle or SQL Server. */
export const RDS_GENERATIONS = {
  t3: { shape: 'burstable', graviton: false },
  t4g: { shape: 'burstable', graviton: true },
  m5: { shape: 'general', graviton: false },
  m6g: { shape: 'general', graviton: true },
  m6i: { shape: 'general', graviton: false },
  m7g: { shape: 'general', graviton: true },
  m7i: { shape: 'general', graviton: false },
  r5: { shape: 'memory', graviton: false },
  r6g: { shape: 'memory', graviton: true },
  r6i: { shape: 'memory', graviton: false },
  r7g: { shape: 'memory', graviton: true },
  r7i: { shape: 'memory', graviton: false },
} as const;
export type RdsGeneration = keyof typeof RDS_GENERATIONS;

// Burstable sizes: vCPUs, GiB of memory, CPU credits earned per hour (the same for t3 and t4g).
const BURSTABLE_SIZES = {
  micro: [2, 1, 12],
  small: [2, 2, 24],
  medium: [2, 4, 24],
  large: [2, 8, 36],
  xlarge: [4, 16, 96],
  '2xlarge': [8, 32, 192],
} satisfies Record<string, [number, number, number]>;
// Scalable sizes: vCPUs. General purpose has 4 GiB per vCPU, memory optimized 8.
const SCALABLE_SIZES = {
  large: 2,
  xlarge: 4,
  '2xlarge': 8,
  '4xlarge': 16,
  '8xlarge': 32,
  '12xlarge': 48,
  '16xlarge': 64,
  '24xlarge': 96,
} satisfies Record<string, number>;

type GenerationOfShape<Shape> = { [G in RdsGeneration]: (typeof RDS_GENERATIONS)[G]['shape'] extends Shape ? G : never }[RdsGeneration];
type GravitonGeneration = { [G in RdsGeneration]: (typeof RDS_GENERATIONS)[G]['graviton'] extends true ? G : never }[RdsGeneration];

/**
 * Graviton generations (m6g, m7g, r6g, r7g) stop at 16xlarge: no engine offers a 24xlarge of them in any region
 * (cfn-lint 1.51 aws_rds_dbinstance/dbinstanceclass_enum.json; test/aws/cfn-lint-facts.integration.test.ts checks that every
 * class of this catalog is offered by some engine somewhere).
 */
const GRAVITON_SIZES_ABOVE_LARGEST = ['24xlarge'] as const satisfies ReadonlyArray<keyof typeof SCALABLE_SIZES>;
type GravitonSizeAboveLargest = (typeof GRAVITON_SIZES_ABOVE_LARGEST)[number];

/**
 * The classes of the catalog as a literal union (`db.r7g.large`), derived from the generation and size tables above,
 * so an editor completes them and `tsc` rejects a typo. Which engine runs which class is checked at synth.
 */
export type RdsInstanceClass =
  | `db.${GenerationOfShape<'burstable'>}.${keyof typeof BURSTABLE_SIZES}`
  | Exclude<`db.${GenerationOfShape<'general' | 'memory'>}.${keyof typeof SCALABLE_SIZES}`, `db.${GravitonGeneration}.${GravitonSizeAboveLargest}`>;
const GIB_PER_VCPU = { general: 4, memory: 8 } as const;

/** A class of the catalog with what tuning and alarms need beyond its size. */
export interface RdsInstanceClassInfo extends InstanceSize {
  readonly generation: RdsGeneration;
  readonly graviton: boolean;
  /** Burstable classes: CPU credits earned per hour; the balance caps at 24 hours of earnings. */
  readonly cpuCreditsPerHour?: number;
}

function buildRdsCatalog(): Record<RdsInstanceClass, RdsInstanceClassInfo> {
  const catalog: Record<string, RdsInstanceClassInfo> = {};
  for (const [generation, { shape, graviton }] of Object.entries(RDS_GENERATIONS) as Array<[RdsGeneration, (typeof RDS_GENERATIONS)[RdsGeneration]]>) {
    if (shape === 'burstable') {
      for (const [size, [vcpus, memoryGiB, cpuCreditsPerHour]] of Object.entries(BURSTABLE_SIZES)) {
        catalog[`db.${generation}.${size}`] = { vcpus, memoryGiB, burstable: true, generation, graviton, cpuCreditsPerHour };
      }
    } else {
      for (const [size, vcpus] of Object.entries(SCALABLE_SIZES)) {
        if (graviton && (GRAVITON_SIZES_ABOVE_LARGEST as readonly string[]).includes(size)) continue;
        catalog[`db.${generation}.${size}`] = { vcpus, memoryGiB: vcpus * GIB_PER_VCPU[shape], burstable: false, generation, graviton };
      }
    }
  }
  return catalog as Record<RdsInstanceClass, RdsInstanceClassInfo>;
}

/** RDS / Aurora DB instance classes by name (`db.r6g.large`). */
export const RDS_INSTANCE_CLASSES: Readonly<Record<RdsInstanceClass, RdsInstanceClassInfo>> = buildRdsCatalog();

export function rdsInstanceClass(instanceClass: string): RdsInstanceClassInfo | undefined {
  return Object.hasOwn(RDS_INSTANCE_CLASSES, instanceClass) ? RDS_INSTANCE_CLASSES[instanceClass as RdsInstanceClass] : undefined;
}

/** Size only (vCPUs, memory, burstable), as the plans of both clouds state it. */
export function rdsInstanceSize(instanceClass: string): InstanceSize | undefined {
  const info = rdsInstanceClass(instanceClass);
  return info && { vcpus: info.vcpus, memoryGiB: info.memoryGiB, burstable: info.burstable };
}
