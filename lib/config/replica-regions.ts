import type { FieldPath } from './config-error';
import type { ResolvedDatabase } from './resolved-environment';

/** Where a database places copies, by config field: the environment rules check each region (lib/kinds rows say it). */
export interface ReplicaRegionList {
  /** The config field: `replicas`, `secondaryRegions`, `replicaRegions`. */
  readonly field: string;
  readonly regions: readonly string[];
  /** Path of the n-th copy's region below the database: `['replicas', n, 'region']`. */
  readonly pathOf: (n: number) => FieldPath;
  /** One copy in each of other regions than the primary's (Aurora secondary clusters, DynamoDB replicas). */
  readonly oneInEachOtherRegion: boolean;
}

/** The `replicas` list of a kind whose replicas each name their region (RDS, Cloud SQL); any region, shared or not. */
export const replicasField = (replicas: ReadonlyArray<{ readonly region: string }>): ReplicaRegionList => ({
  field: 'replicas',
  regions: replicas.map((r) => r.region),
  pathOf: (n) => ['replicas', n, 'region'],
  oneInEachOtherRegion: false,
});

export type ReplicaRegionsOf = (db: ResolvedDatabase) => readonly ReplicaRegionList[];
