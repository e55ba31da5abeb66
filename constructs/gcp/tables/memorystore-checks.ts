/**
 * The checks a Memorystore for Redis instance's settings must pass, worded once: the config rule
 * (lib/kinds/memorystore-instance/memorystore-instance-rules.ts) and the MemorystoreInstance construct both run
 * them. Pure (no CDKTF import).
 */
import type { PathProblem } from '../../common/path-problem';
import { maintenanceWindowProblems, type WeeklyMaintenanceWindow } from './maintenance-window-checks';
import { MEMORYSTORE_MEMORY_GB, MEMORYSTORE_NAME_MAX_LENGTH, MEMORYSTORE_NAME_PATTERN, MEMORYSTORE_READ_REPLICAS } from './memorystore-table';

/** ISO day (1 Monday … 7 Sunday) and hour (0–23, UTC) of the weekly one-hour maintenance window. */
export type MemorystoreMaintenanceWindow = WeeklyMaintenanceWindow;

/** The settings the checks look at, named as both the config and the construct props name them. */
export interface MemorystoreInstanceSettings {
  readonly memorySizeGb: number;
  /** STANDARD_HA (a replica in another zone, automatic failover) when true; BASIC otherwise. */
  readonly highAvailability: boolean;
  readonly readReplicas: number;
  readonly maintenanceWindow: MemorystoreMaintenanceWindow;
}

const { min: MIN_GB, max: MAX_GB } = MEMORYSTORE_MEMORY_GB;

export function memorystoreInstanceProblems(settings: MemorystoreInstanceSettings): PathProblem[] {
  const problems: PathProblem[] = [];
  const { memorySizeGb, readReplicas, highAvailability, maintenanceWindow } = settings;
  if (!Number.isInteger(memorySizeGb) || memorySizeGb < MIN_GB || memorySizeGb > MAX_GB) {
    problems.push({
      path: ['memorySizeGb'],
      value: memorySizeGb,
      message: `must be a whole number of GB from ${MIN_GB} to ${MAX_GB} (Memorystore for Redis's smallest and largest instance)`,
      fix: `choose a size from ${MIN_GB} to ${MAX_GB} GB; for more data, split it across instances`,
    });
  }
  if (!Number.isInteger(readReplicas) || readReplicas < 0 || readReplicas > MEMORYSTORE_READ_REPLICAS.max) {
    problems.push({
      path: ['readReplicas'],
      value: readReplicas,
      message: `must be from 0 to ${MEMORYSTORE_READ_REPLICAS.max}: a Standard Tier instance has at most ${MEMORYSTORE_READ_REPLICAS.max} read replicas`,
      fix: `set readReplicas from 0 to ${MEMORYSTORE_READ_REPLICAS.max}`,
    });
  } else if (readReplicas > 0) {
    if (!highAvailability) {
      problems.push({
        path: ['readReplicas'],
        value: readReplicas,
        message: 'needs highAvailability: true; read replicas exist only on the Standard Tier (STANDARD_HA), not on the Basic Tier',
        fix: 'set highAvailability: true, or readReplicas: 0',
      });
    }
    if (memorySizeGb < MEMORYSTORE_READ_REPLICAS.minMemoryGb) {
      problems.push({
        path: ['readReplicas'],
        value: readReplicas,
        message: `needs memorySizeGb of at least ${MEMORYSTORE_READ_REPLICAS.minMemoryGb}; Memorystore has read replicas only for nodes of ${MEMORYSTORE_READ_REPLICAS.minMemoryGb} GB or more (this one has ${memorySizeGb})`,
        fix: `raise memorySizeGb to ${MEMORYSTORE_READ_REPLICAS.minMemoryGb}, or set readReplicas: 0`,
      });
    }
  }
  problems.push(...maintenanceWindowProblems(maintenanceWindow));
  return problems;
}

/** Why `name` cannot name a Memorystore for Redis instance, or undefined when it can. */
export function memorystoreNameProblem(name: string): string | undefined {
  if (name.length > MEMORYSTORE_NAME_MAX_LENGTH)
    return `has ${name.length} characters; a Memorystore for Redis instance name has at most ${MEMORYSTORE_NAME_MAX_LENGTH}`;
  if (!MEMORYSTORE_NAME_PATTERN.test(name))
    return 'must be lowercase letters, digits and hyphens, start with a letter and end with a letter or digit (at least 2 characters)';
  return undefined;
}
