import type { DatabaseKind } from '../../config/schema';

export type Cloud = 'aws' | 'gcp';

/** Which cloud section of the environment each database kind lives in. */
export const DATABASE_CLOUD: Readonly<Record<DatabaseKind, Cloud>> = {
  'rds-instance': 'aws',
  'aurora-cluster': 'aws',
  'dynamodb-table': 'aws',
  'cloudsql-instance': 'gcp',
};
