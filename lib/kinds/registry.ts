/**
 * The database kinds, one row each (lib/kinds/database-kind.ts says what a row holds). Listed in the order the
 * pipeline runs their rules and plans them.
 */
import type { DatabaseKind } from '../../config/schema';
import { DATABASE_KINDS } from '../../config/schema/environment';
import type { ReplicaRegionsOf } from '../config/replica-regions';
import type { ResolvedDatabase } from '../config/resolved-environment';
import { auroraClusterKind } from './aurora-cluster/aurora-cluster-kind';
import { cloudSqlInstanceKind } from './cloudsql-instance/cloudsql-instance-kind';
import type { DatabaseKindRegistry, DatabaseKindRow } from './database-kind';
import { dynamodbTableKind } from './dynamodb-table/dynamodb-table-kind';
import { elasticacheClusterKind } from './elasticache-cluster/elasticache-cluster-kind';
import { memorystoreInstanceKind } from './memorystore-instance/memorystore-instance-kind';
import { rdsInstanceKind } from './rds-instance/rds-instance-kind';

export const DATABASE_KIND_REGISTRY: DatabaseKindRegistry = {
  'rds-instance': rdsInstanceKind,
  'aurora-cluster': auroraClusterKind,
  'dynamodb-table': dynamodbTableKind,
  'cloudsql-instance': cloudSqlInstanceKind,
  'elasticache-cluster': elasticacheClusterKind,
  'memorystore-instance': memorystoreInstanceKind,
};

/**
 * The row of a database's kind, for calling with that database (or its plan). TypeScript cannot tie a member of the
 * database union to its own row, so the row's types are widened here, once: the registry's type guarantees each row
 * is the one for its key.
 */
export const rowOf = (kind: DatabaseKind): DatabaseKindRow<DatabaseKind> => DATABASE_KIND_REGISTRY[kind] as unknown as DatabaseKindRow<DatabaseKind>;

/** Every row, in DATABASE_KINDS order (the config schema's). */
export const KIND_ROWS: readonly DatabaseKindRow<DatabaseKind>[] = DATABASE_KINDS.map(rowOf);

/** Where any database places copies: its kind's answer. */
export const replicaRegionsOf: ReplicaRegionsOf = (db: ResolvedDatabase) => rowOf(db.kind).replicaRegions(db);
