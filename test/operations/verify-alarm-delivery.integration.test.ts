/**
 * dbctl verify of alarm delivery against moto_server: each region's alarm topic policy and the topic key's policy,
 * read live (GetTopicAttributes, GetKeyPolicy) and evaluated for cloudwatch.amazonaws.com. One row per topic.
 */
import { DescribeKeyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { SetTopicAttributesCommand } from '@aws-sdk/client-sns';
import type { CheckResult } from '../../lib/operations/check-result';
import { describeWithTool } from '../support/local-tools';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { ENVIRONMENT, kmsClient, regionKeyPolicy, seedRdsInstance, snsClient } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

const PLANNED = "cloudwatch.amazonaws.com may sns:Publish, and use the topic's key (kms:Decrypt, kms:GenerateDataKey*)";

describeMoto('dbctl verify of alarm delivery against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;

  beforeEach(async () => {
    await seedRdsInstance(endpoint(), sample.db, sample.network);
  });

  async function deliveryRows() {
    const run = await dbctl(['verify', '--env', ENVIRONMENT, '--endpoint-url', endpoint(), '--json'], { configDir: sample.configDir });
    const checks: CheckResult[] = JSON.parse(run.stdout).checks;
    return {
      run,
      rows: checks.filter((c) => c.kind === 'alarm-topic').map(({ database, resource, status, live }) => `${database} ${resource} ${status}: ${live}`),
      planned: checks.filter((c) => c.kind === 'alarm-topic').map((c) => c.planned),
    };
  }

  test('GIVEN topic and key policies that let CloudWatch publish WHEN verify runs THEN one passing row per topic names the statements', async () => {
    const { run, rows, planned } = await deliveryRows();
    expect(rows).toEqual([
      'eu-west-1 sample-database-alarms pass: allowed: topic policy AllowCloudWatchAlarms; key policy AllowCloudWatchAlarmsToUseTheKey',
      'eu-central-1 sample-database-alarms pass: allowed: topic policy AllowCloudWatchAlarms; key policy AllowCloudWatchAlarmsToUseTheKey',
    ]);
    expect(planned).toEqual([PLANNED, PLANNED]);
    expect(run.code).toBe(0);
  });

  test('GIVEN a topic policy that only denies plain HTTP and allows other services (what enforceSSL alone gives) WHEN verify runs THEN the row fails', async () => {
    const topicArn = sample.plan.aws!.regions[0].alarmTopicArn;
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowPublishThroughSSLOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: topicArn,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        { Sid: '1', Effect: 'Allow', Principal: { Service: ['backup.amazonaws.com', 'events.amazonaws.com'] }, Action: 'sns:Publish', Resource: topicArn },
      ],
    };
    await snsClient(endpoint()).send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify(policy) }));
    const { run, rows } = await deliveryRows();
    expect(rows[0]).toBe('eu-west-1 sample-database-alarms fail: sns:Publish in the topic policy: no statement allows it');
    expect(run.code).toBe(1);
  });

  test('GIVEN a key policy without the CloudWatch statement WHEN verify runs THEN the row fails and names both key actions', async () => {
    const keyId = sample.plan.aws!.regions[0].keyAlias;
    const keyArn = (await kmsClient(endpoint()).send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.Arn!;
    await kmsClient(endpoint()).send(
      new PutKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default', Policy: JSON.stringify(regionKeyPolicy(sample.plan.aws!.account, false)) }),
    );
    const { run, rows } = await deliveryRows();
    expect(rows[0]).toBe(
      'eu-west-1 sample-database-alarms fail: kms:Decrypt in the key policy: no statement allows it; kms:GenerateDataKey in the key policy: no statement allows it',
    );
    expect(run.code).toBe(1);
  });
});
