import { RemovalPolicy } from 'aws-cdk-lib';
import type { RemovalPolicyName } from '../../config/schema';

export const REMOVAL_POLICIES: Readonly<Record<RemovalPolicyName, RemovalPolicy>> = {
  destroy: RemovalPolicy.DESTROY,
  snapshot: RemovalPolicy.SNAPSHOT,
  retain: RemovalPolicy.RETAIN,
};
