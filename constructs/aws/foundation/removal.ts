import { RemovalPolicy } from 'aws-cdk-lib';

/** Keeps stateful helpers (parameter and option groups, secrets, logs) as long as a retained or snapshotted database. */
export const keepUnlessDestroyed = (policy: RemovalPolicy) => (policy === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);

/** What an RDS instance or Aurora cluster does on removal when its props say nothing: a final snapshot. */
export const DEFAULT_DATABASE_REMOVAL_POLICY = RemovalPolicy.SNAPSHOT;
