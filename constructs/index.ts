/**
 * The package entry point: reusable constructs for your own CDK or CDKTF app, usable without our config or apps.
 * Google Cloud constructs import only deep provider paths, so loading this costs little for AWS-only users.
 */
export * from './aws';
export * from './gcp';
export * from './common/alarm-catalog';
export * from './common/identifiers';
export * from './common/instance-catalog';
export * from './common/postgres-tuning';
