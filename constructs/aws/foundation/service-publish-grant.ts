import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';

/** The AWS services that publish to our alarm topics, and what of ours they publish for. */
const PUBLISHERS = {
  cloudwatch: { principal: 'cloudwatch.amazonaws.com', sid: 'CloudWatchAlarmsPublish', resource: 'alarm:*' },
  events: { principal: 'events.amazonaws.com', sid: 'EventBridgeRulesPublish', resource: 'rule/*' },
  backup: { principal: 'backup.amazonaws.com', sid: 'BackupVaultsPublish', resource: 'backup-vault:*' },
} as const;

export type PublishingService = keyof typeof PUBLISHERS;

/**
 * Lets one AWS service publish to a (possibly KMS-encrypted) topic, for sources in the topic's account and region only.
 *
 * Why not `topic.grantPublish(servicePrincipal)`: it grants the service on behalf of any account and resource (the
 * confused deputy AWS warns about). Here:
 * - the topic policy names the service with `aws:SourceAccount` and `aws:SourceArn` (the keys AWS documents for
 *   service principals in SNS topic policies, e.g. the SNS and EventBridge guides' topic-policy examples);
 * - the key policy lets the service use the key only for this topic: `kms:EncryptionContext:aws:sns:topicArn` is the
 *   encryption context of SNS server-side encryption. The source keys are not put on the key: AWS documents that
 *   EventBridge does not pass `aws:SourceAccount`/`aws:SourceArn` to KMS for an encrypted topic, while the encryption
 *   context is set by SNS for every publisher alike.
 *
 * The key policy must not reference the topic (the topic references the key: a dependency cycle), so the topic is
 * named by a literal ARN: `topicName` when given, the topic's own ARN when it is literal (an imported topic), else
 * any topic of the account in the region.
 */
export function allowServiceToPublish(topic: sns.ITopic, service: PublishingService, topicName?: string): void {
  const row = PUBLISHERS[service];
  const { partition, region, account } = Stack.of(topic);
  const topicArnForKey =
    topicName !== undefined
      ? `arn:${partition}:sns:${region}:${account}:${topicName}`
      : Token.isUnresolved(topic.topicArn)
        ? `arn:${partition}:sns:${region}:${account}:*`
        : topic.topicArn;
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: row.sid,
      principals: [new iam.ServicePrincipal(row.principal)],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: {
        StringEquals: { 'aws:SourceAccount': account },
        ArnLike: { 'aws:SourceArn': `arn:${partition}:${service}:${region}:${account}:${row.resource}` },
      },
    }),
  );
  topic.masterKey?.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: `${row.sid}WithKey`,
      principals: [new iam.ServicePrincipal(row.principal)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:sns:topicArn': topicArnForKey } },
    }),
  );
}
