/** verify of a region's alarm topic: GetTopicAttributes, the topic's key through KMS and its GetKeyPolicy (alarm-delivery-checks). */
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { GetTopicAttributesCommand } from '@aws-sdk/client-sns';
import type { AwsRegionPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import { awsCall } from '../aws/aws-call';
import type { OperationsContext } from '../operations-context';
import { alarmDeliveryChecks } from './alarm-delivery-checks';

export async function verifyAlarmDelivery(region: AwsRegionPlan, ctx: OperationsContext): Promise<CheckResult[]> {
  const context = (action: string, resource: string) => ({ action, region: region.region, resource, endpoint: ctx.clients.endpointUrl });
  const topicArn = region.alarmTopicArn;
  const attributes = await awsCall(
    context('sns:GetTopicAttributes', topicArn),
    async () => (await ctx.clients.sns(region.region).send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes ?? {},
    () => undefined,
  );
  const facts = { region: region.region, account: ctx.aws.account, topicArn };
  if (!attributes) return alarmDeliveryChecks(facts);
  const keyId = attributes.KmsMasterKeyId || undefined;
  const keyArn = keyId ? await ctx.keys.keyArn(region.region, keyId) : undefined;
  const keyPolicy = keyArn
    ? await awsCall(
        context('kms:GetKeyPolicy', keyArn),
        async () => (await ctx.clients.kms(region.region).send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }))).Policy,
        () => undefined,
      )
    : undefined;
  return alarmDeliveryChecks({ ...facts, live: { topicPolicy: attributes.Policy, keyId, keyArn, keyPolicy } });
}
