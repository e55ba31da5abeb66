import { DATABASE_KIND_CLOUDS, type DatabaseKind } from '../../config/schema/environment';

export type Cloud = 'aws' | 'gcp';

/** Which cloud section of the environment each database kind lives in (config/schema/environment.ts). */
export const DATABASE_CLOUD: Readonly<Record<DatabaseKind, Cloud>> = DATABASE_KIND_CLOUDS;
