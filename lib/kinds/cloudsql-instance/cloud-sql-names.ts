/** Deterministic Cloud SQL replica names. Changing one replaces the replica; Cloud SQL keeps a deleted name a week. */

/**
 * `<instance>-replica-<region>`, then `-2`, `-3`… for further replicas in the same region, in config order (so
 * reordering replicas of one region renames them).
 */
export function cloudSqlReplicaNames(instanceName: string, regions: readonly string[]): string[] {
  const perRegion = new Map<string, number>();
  return regions.map((region) => {
    const ordinal = (perRegion.get(region) ?? 0) + 1;
    perRegion.set(region, ordinal);
    return `${instanceName}-replica-${region}${ordinal > 1 ? `-${ordinal}` : ''}`;
  });
}
