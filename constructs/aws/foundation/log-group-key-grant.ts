import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { IConstruct } from 'constructs';

/**
 * Lets CloudWatch Logs use `key` for the log groups whose names match `logGroupNamePattern` (e.g. `/aws/rds/*`), in the
 * scope's account and region: the `kms:EncryptionContext:aws:logs:arn` condition CloudWatch Logs documents ("Encrypt
 * log data in CloudWatch Logs using AWS KMS"). A log group encrypted with the key must match one of these patterns by
 * its real name, or its creation fails: name every such group explicitly.
 */
export function allowLogsToUseKey(scope: IConstruct, key: kms.IKey, sid: string, logGroupNamePattern: string): void {
  const { partition, region, account } = Stack.of(scope);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:${logGroupNamePattern}` } },
    }),
  );
}
