/**
 * The choices a Cloud SQL instance is made of: engines, editions, disk types and TLS modes. Their own file, below the
 * engine, flag and tuning tables that all use them, so those tables import no one in a circle.
 */
export const CLOUD_SQL_ENGINES = ['postgres', 'mysql', 'sqlserver'] as const;
export type CloudSqlEngine = (typeof CLOUD_SQL_ENGINES)[number];

export const CLOUD_SQL_EDITIONS = ['ENTERPRISE', 'ENTERPRISE_PLUS'] as const;
export type CloudSqlEdition = (typeof CLOUD_SQL_EDITIONS)[number];

/** Disk types we offer: SSD, or HDD for cheap, rarely read data (ENTERPRISE only). */
export const CLOUD_SQL_DISK_TYPES = ['PD_SSD', 'PD_HDD'] as const;
export type CloudSqlDiskType = (typeof CLOUD_SQL_DISK_TYPES)[number];

/** TLS is always enforced; client certificates may be required on top. */
export const CLOUD_SQL_SSL_MODES = ['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED'] as const;
export type CloudSqlSslMode = (typeof CLOUD_SQL_SSL_MODES)[number];
