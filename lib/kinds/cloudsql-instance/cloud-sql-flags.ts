/** Database flags of a Cloud SQL primary and its replicas: tuned values, then the user's overrides. */
import type { InstanceSize } from '../../../constructs/common/instance-catalog';
import type { CloudSqlDiskType } from '../../../constructs/gcp/tables/cloud-sql-choices';
import type { CloudSqlEngineRow } from '../../../constructs/gcp/tables/cloud-sql-engine-table';

export interface CloudSqlFlagsInput {
  readonly row: CloudSqlEngineRow;
  readonly size: InstanceSize;
  readonly slowQueryThresholdMs: number;
  readonly diskType: CloudSqlDiskType;
  readonly overrides: Readonly<Record<string, string | number>>;
}

const asStrings = (flags: Readonly<Record<string, string | number>>) => Object.fromEntries(Object.entries(flags).map(([name, value]) => [name, String(value)]));

export function primaryFlags(input: CloudSqlFlagsInput): Record<string, string> {
  return { ...input.row.tune(input), ...asStrings(input.overrides) };
}

/**
 * Tuned for the replica's own tier, but never below the primary for the flags a standby needs at least as high
 * (PostgreSQL refuses to start a hot standby otherwise); then the primary's overrides, then the replica's.
 */
export function replicaFlags(
  input: CloudSqlFlagsInput,
  primary: { readonly flags: Readonly<Record<string, string>>; readonly overrides: Readonly<Record<string, string | number>> },
): Record<string, string> {
  const tuned = input.row.tune(input);
  for (const name of input.row.replicaMinimumFlags) {
    const needed = primary.flags[name];
    if (needed !== undefined && !(Number(tuned[name]) >= Number(needed))) tuned[name] = needed;
  }
  return { ...tuned, ...asStrings(primary.overrides), ...asStrings(input.overrides) };
}
