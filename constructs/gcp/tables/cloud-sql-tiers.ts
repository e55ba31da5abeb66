/**
 * Cloud SQL machine tiers, parsed once into a value (family and size) that the checks, the flag tuning, the alerts
 * and the plan take. Pure data (no CDKTF import) so validation and the plan can use it.
 */
import type { InstanceSize } from '../../common/instance-catalog';

/** Shared-core (`db-g1-small`), custom (`db-custom-<vCPU>-<MB>`) or ENTERPRISE_PLUS performance-optimized. */
export type CloudSqlTierFamily = 'shared-core' | 'custom' | 'performance-optimized';

/** A valid machine tier: its name as Cloud SQL spells it, its family and its size. */
export interface CloudSqlMachineTier {
  /** e.g. `db-custom-2-7680`: what is rendered as `settings.tier`. */
  readonly name: string;
  readonly family: CloudSqlTierFamily;
  readonly size: InstanceSize;
}

/** A tier name that is not a Cloud SQL tier, and why. */
export interface InvalidCloudSqlTier {
  readonly name: string;
  /** What is wrong and what is allowed. */
  readonly invalid: string;
}

export const isValidCloudSqlTier = (tier: CloudSqlMachineTier | InvalidCloudSqlTier): tier is CloudSqlMachineTier => !('invalid' in tier);

/** db-f1-micro and db-g1-small: no SLA, not offered for SQL Server. */
const CLOUD_SQL_SHARED_CORE: Readonly<Record<string, InstanceSize>> = {
  'db-f1-micro': { vcpus: 1, memoryGiB: 0.6, burstable: true },
  'db-g1-small': { vcpus: 1, memoryGiB: 1.7, burstable: true },
};

const CUSTOM_TIER = /^db-custom-(\d+)-(\d+)$/;
/** ENTERPRISE_PLUS machine types: `db-perf-optimized-N-<vCPU>`, 8 GB of memory per vCPU. */
const PERFORMANCE_OPTIMIZED_TIER = /^db-perf-optimized-N-(\d+)$/;
const PERFORMANCE_OPTIMIZED_VCPUS = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];

/**
 * The one parser of a tier name. Cloud SQL custom tier rules: vCPU 1 or an even number 2–96; memory 0.9–6.5 GB per
 * vCPU, a multiple of 256 MB, at least 3840 MB.
 */
export function parseCloudSqlTier(name: string): CloudSqlMachineTier | InvalidCloudSqlTier {
  const invalid = (reason: string): InvalidCloudSqlTier => ({ name, invalid: reason });
  const shared = Object.prototype.hasOwnProperty.call(CLOUD_SQL_SHARED_CORE, name) ? CLOUD_SQL_SHARED_CORE[name] : undefined;
  if (shared) return { name, family: 'shared-core', size: shared };
  const optimized = PERFORMANCE_OPTIMIZED_TIER.exec(name);
  if (optimized) {
    const vcpus = Number(optimized[1]);
    if (!PERFORMANCE_OPTIMIZED_VCPUS.includes(vcpus)) {
      return invalid(`has ${vcpus} vCPUs; performance-optimized tiers take ${PERFORMANCE_OPTIMIZED_VCPUS.join(', ')}`);
    }
    return { name, family: 'performance-optimized', size: { vcpus, memoryGiB: vcpus * 8, burstable: false } };
  }
  const match = CUSTOM_TIER.exec(name);
  if (!match) {
    return invalid(`must be a shared-core tier (${Object.keys(CLOUD_SQL_SHARED_CORE).join(', ')}), db-custom-<vCPU>-<memory MB> or db-perf-optimized-N-<vCPU>`);
  }
  const vcpus = Number(match[1]);
  const memoryMb = Number(match[2]);
  if (!(vcpus === 1 || (vcpus % 2 === 0 && vcpus >= 2 && vcpus <= 96))) {
    return invalid(`has ${vcpus} vCPUs; custom tiers take 1 or an even number from 2 to 96`);
  }
  if (memoryMb % 256 !== 0 || memoryMb < 3840) {
    return invalid(`has ${memoryMb} MB of memory; it must be a multiple of 256 MB and at least 3840 MB`);
  }
  const perVcpu = memoryMb / 1024 / vcpus;
  if (perVcpu < 0.9 || perVcpu > 6.5) {
    return invalid(`has ${perVcpu.toFixed(2)} GB per vCPU; custom tiers take 0.9–6.5 GB per vCPU`);
  }
  return { name, family: 'custom', size: { vcpus, memoryGiB: memoryMb / 1024, burstable: false } };
}

/** A tier the config rules or the construct checks have accepted; a failure here is a bug, not bad input. */
export function validCloudSqlTier(tier: CloudSqlMachineTier | InvalidCloudSqlTier, what: string): CloudSqlMachineTier {
  if (!isValidCloudSqlTier(tier)) throw new Error(`BUG: unvalidated Cloud SQL tier ${tier.name} of ${what}`);
  return tier;
}
