/** Google Cloud constructs (CDKTF). Import from here, or deep-import one file to keep load time down. */
export * from './cloud-sql-alert';
export * from './cloud-sql-alert-table';
export * from './cloud-sql-encryption-keys';
export * from './cloud-sql-engine-table';
export * from './cloud-sql-flag-checks';
export * from './cloud-sql-flag-table';
export * from './cloud-sql-instance';
export * from './cloud-sql-instance-checks';
export * from './cloud-sql-read-replica';
export * from './cloud-sql-settings';
export * from './cloud-sql-tiers';
export * from './cloud-sql-tuning';
