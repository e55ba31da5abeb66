import { CfnResource } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';

/**
 * Whether a key is a KMS key created in this app (its default child is an AWS::KMS::Key), as opposed to an alias.
 * Not `instanceof kms.Key`: an app with a second copy of aws-cdk-lib would fail that test and silently lose the key.
 * CfnResource.isCfnResource is a symbol check, so it holds across copies.
 */
export function isCustomerManagedKey(key: kms.IKey | undefined): key is kms.IKey {
  const child = key?.node.defaultChild;
  return child !== undefined && CfnResource.isCfnResource(child) && child.cfnResourceType === 'AWS::KMS::Key';
}
