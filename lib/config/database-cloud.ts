import { DATABASE_KIND_CLOUDS, type DatabaseKind } from '../../config/schema/environment';

export type Cloud = 'aws' | 'gcp';

/** Which cloud section of the environment each database kind lives in (config/schema/environment.ts). */
export const DATABASE_CLOUD: Readonly<Record<DatabaseKind, Cloud>> = DATABASE_KIND_CLOUDS;

/** The kinds of one cloud. */
export type KindOfCloud<C extends Cloud> = { [K in DatabaseKind]: (typeof DATABASE_KIND_CLOUDS)[K] extends C ? K : never }[DatabaseKind];
