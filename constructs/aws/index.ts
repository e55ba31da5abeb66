export * from './database-foundation';
export * from './database-network';
export * from './rds-alarm-definitions';
export * from './rds-database';
export * from './rds-engine-table';
export * from './rds-instance-checks';
export * from './rds-parameters';
