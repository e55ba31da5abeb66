/**
 * dbctl's alarm-delivery row judges the policies our own foundation deploys as passing: the live topic and key
 * policies are the synthesized ones with their tokens resolved (what GetTopicAttributes and GetKeyPolicy return).
 */
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { alarmDeliveryChecks } from '../../lib/operations/verify/alarm-delivery-checks';
import { environmentTemplates } from '../deployability/check-deployability';
import { testApp } from '../support/fixtures';

test.each(['dev', 'staging', 'prod'].filter((name) => planSelectedEnvironments('').some(({ environment }) => environment.name === name)))(
  "%s: every region's alarm topic passes the alarm-delivery check",
  (name) => {
    const stage = addAwsEnvironments(testApp(), planSelectedEnvironments('')).find((s) => s.stageName === name)!;
    const env = environmentTemplates(stage.synth());
    const topics = env.resourcesOfType('AWS::SNS::Topic');
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) {
      const topicArn = env.arn(topic);
      const policy = env.resourcesOfType('AWS::SNS::TopicPolicy').find((p) => env.resolve(p.stack, p.resource.Properties.Topics).includes(topicArn))!;
      const [key] = env.resourcesOfType('AWS::KMS::Key').filter((k) => k.stack === topic.stack);
      const rows = alarmDeliveryChecks({
        region: topic.stack.region,
        account: topic.stack.account,
        topicArn,
        live: {
          topicPolicy: JSON.stringify(env.resolve(policy.stack, policy.resource.Properties.PolicyDocument)),
          keyId: env.arn(key),
          keyArn: env.arn(key),
          keyPolicy: JSON.stringify(env.resolve(key.stack, key.resource.Properties.KeyPolicy)),
        },
      });
      expect(rows.map((r) => [r.status, r.live])).toEqual([['pass', expect.any(String)]]);
    }
  },
);
