import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DynamoDbGlobalTable, DynamoDbGlobalTableProps } from '../../constructs/aws/dynamodb/dynamodb-global-table';
import { testApp } from '../support/fixtures';

const REPLICA_KEY = 'arn:aws:kms:eu-central-1:123456789012:alias/test-databases';

/** GIVEN a stack in eu-west-1 with an aliased key and a topic, WHEN a DynamoDbGlobalTable is added with these props. */
function synthTable(overrides: Partial<DynamoDbGlobalTableProps> = {}, region = 'eu-west-1') {
  const stack = new Stack(testApp(), 'Test', { env: { account: '123456789012', region } });
  const table = new DynamoDbGlobalTable(stack, 'Sessions', {
    tableName: 'test-sessions',
    partitionKey: { name: 'pk', type: 'string' },
    encryptionKey: kms.Alias.fromAliasName(stack, 'Key', 'alias/test-databases'),
    alarmTopic: sns.Topic.fromTopicArn(stack, 'Topic', `arn:aws:sns:${region}:123456789012:test-database-alarms`),
    ...overrides,
  });
  return { stack, table, template: Template.fromStack(stack) };
}

const globalTable = (template: Template) => Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))[0];
const replica = (template: Template, region: string) => globalTable(template).Properties.Replicas.find((r: any) => r.Region === region);
const withReplica = { replicas: [{ region: 'eu-central-1', encryptionKeyArn: REPLICA_KEY }] };

describe('DynamoDbGlobalTable defaults', () => {
  const { template } = synthTable(withReplica);

  test('a TableV2 (AWS::DynamoDB::GlobalTable), on demand, encrypted with the customer key, retained', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: 'test-sessions',
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    });
  });

  test.each([
    ['eu-west-1', 'arn:aws:kms:eu-west-1:123456789012:alias/test-databases'],
    ['eu-central-1', REPLICA_KEY],
  ])('the %s replica uses its own region key by alias ARN, with PITR 35 days, deletion protection and Contributor Insights', (region, keyArn) => {
    expect(replica(template, region)).toMatchObject({
      SSESpecification: { KMSMasterKeyId: keyArn },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
      DeletionProtectionEnabled: true,
      ContributorInsightsSpecification: { Enabled: true },
    });
  });

  test('replicas need the stream: new and old images', () => {
    expect(globalTable(template).Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  test('a single-region table has no stream unless asked for one', () => {
    expect(globalTable(synthTable().template).Properties.StreamSpecification).toBeUndefined();
    expect(globalTable(synthTable({ stream: 'keys-only' }).template).Properties.StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
  });
});

describe('DynamoDbGlobalTable settings', () => {
  test('provisioned billing autoscales reads and writes; an index can scale on its own', () => {
    const { template } = synthTable({
      billing: { mode: 'provisioned', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 2, max: 50, targetUtilizationPercent: 60 } },
      globalSecondaryIndexes: [
        { name: 'byUser', partitionKey: { name: 'user', type: 'string' }, readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 20 } },
      ],
    });
    const properties = globalTable(template).Properties;
    expect(properties.BillingMode).toBe('PROVISIONED');
    expect(properties.WriteProvisionedThroughputSettings).toEqual({
      WriteCapacityAutoScalingSettings: { MinCapacity: 2, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 60 } },
    });
    expect(replica(template, 'eu-west-1').ReadProvisionedThroughputSettings).toEqual({
      ReadCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 100, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } },
    });
    expect(properties.GlobalSecondaryIndexes[0].WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings).toMatchObject({
      MinCapacity: 1,
      MaxCapacity: 20,
    });
    expect(replica(template, 'eu-west-1').GlobalSecondaryIndexes[0].ReadProvisionedThroughputSettings.ReadCapacityAutoScalingSettings).toMatchObject({
      MinCapacity: 1,
      MaxCapacity: 10,
    });
  });

  test('on-demand billing with maximum throughput', () => {
    const { template } = synthTable({ billing: { mode: 'on-demand', maxReadRequestUnits: 1000, maxWriteRequestUnits: 500 } });
    expect(globalTable(template).Properties.WriteOnDemandThroughputSettings).toEqual({ MaxWriteRequestUnits: 500 });
    expect(replica(template, 'eu-west-1').ReadOnDemandThroughputSettings).toEqual({ MaxReadRequestUnits: 1000 });
  });

  test('sort key, global and local indexes with projections, table class and time to live', () => {
    const { template } = synthTable({
      sortKey: { name: 'sk', type: 'string' },
      globalSecondaryIndexes: [{ name: 'byUser', partitionKey: { name: 'user', type: 'string' }, projection: { include: ['email'] } }],
      localSecondaryIndexes: [{ name: 'byTime', sortKey: { name: 'ts', type: 'number' }, projection: 'keys-only' }],
      tableClass: 'standard-infrequent-access',
      timeToLiveAttribute: 'expiresAt',
    });
    const properties = globalTable(template).Properties;
    expect(properties.GlobalSecondaryIndexes[0]).toMatchObject({ IndexName: 'byUser', Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['email'] } });
    expect(properties.LocalSecondaryIndexes[0]).toMatchObject({
      IndexName: 'byTime',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'ts', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(properties.AttributeDefinitions).toContainEqual({ AttributeName: 'ts', AttributeType: 'N' });
    expect(properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(replica(template, 'eu-west-1').TableClass).toBe('STANDARD_INFREQUENT_ACCESS');
  });

  test('a shorter recovery period, and protections that can be turned off for a throwaway table', () => {
    const { template } = synthTable({
      ...withReplica,
      pointInTimeRecoveryDays: 7,
      deletionProtection: false,
      contributorInsights: false,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const region of ['eu-west-1', 'eu-central-1']) {
      expect(replica(template, region)).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 },
        DeletionProtectionEnabled: false,
        ContributorInsightsSpecification: { Enabled: false },
      });
    }
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });

  test('strong consistency with one replica and a witness region', () => {
    const { template } = synthTable({ ...withReplica, multiRegionConsistency: 'strong', witnessRegion: 'eu-west-3' });
    expect(globalTable(template).Properties).toMatchObject({ MultiRegionConsistency: 'STRONG', GlobalTableWitnesses: [{ Region: 'eu-west-3' }] });
  });

  test('plain HTTP is refused on the table in the stack region; on a replica once asked for (after it exists)', () => {
    const deny = {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'dynamodb:*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    const { template } = synthTable(withReplica);
    expect(replica(template, 'eu-west-1').ResourcePolicy.PolicyDocument.Statement).toEqual([deny]);
    expect(replica(template, 'eu-central-1').ResourcePolicy).toBeUndefined();
    const later = synthTable({ replicas: [{ region: 'eu-central-1', encryptionKeyArn: REPLICA_KEY, enforceTls: true }] }).template;
    expect(replica(later, 'eu-central-1').ResourcePolicy.PolicyDocument.Statement).toEqual([deny]);
    expect(replica(synthTable({ enforceTls: false }).template, 'eu-west-1').ResourcePolicy).toBeUndefined();
  });

  test('a resource policy on the table in the stack region only (CloudFormation cannot add one with a new replica)', () => {
    const policy = new iam.PolicyDocument({
      statements: [new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], principals: [new iam.AccountPrincipal('210987654321')], resources: ['*'] })],
    });
    const { template } = synthTable({ ...withReplica, resourcePolicy: policy });
    expect(replica(template, 'eu-west-1').ResourcePolicy.PolicyDocument.Statement.map((s: any) => s.Sid ?? s.Action)).toEqual([
      'dynamodb:GetItem',
      'DenyInsecureTransport',
    ]);
    expect(replica(template, 'eu-central-1').ResourcePolicy).toBeUndefined();
  });
});

describe('DynamoDbGlobalTable alarms and dashboard', () => {
  const { template } = synthTable({
    ...withReplica,
    billing: { mode: 'provisioned', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 5, max: 50 } },
    dashboardName: 'test-sessions',
  });
  const alarms = template.findResources('AWS::CloudWatch::Alarm');
  const alarmNamed = (name: string) => Object.values(alarms).find((a) => a.Properties.AlarmName === name)!.Properties;

  test('one alarm per signal, and replication latency per replica region', () => {
    expect(
      Object.values(alarms)
        .map((a) => a.Properties.AlarmName)
        .sort(),
    ).toEqual([
      'test-sessions-latency-p99',
      'test-sessions-read-capacity',
      'test-sessions-read-throttles',
      'test-sessions-replication-latency-eu-central-1',
      'test-sessions-system-errors',
      'test-sessions-write-capacity',
      'test-sessions-write-throttles',
    ]);
  });

  test('every alarm notifies the topic on alarm and recovery', () => {
    for (const alarm of Object.values(alarms)) {
      expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:123456789012:test-database-alarms']);
      expect(alarm.Properties.OKActions).toEqual(['arn:aws:sns:eu-west-1:123456789012:test-database-alarms']);
    }
  });

  test('throttles are summed per table; replication latency names the receiving region', () => {
    expect(alarmNamed('test-sessions-read-throttles')).toMatchObject({
      MetricName: 'ReadThrottleEvents',
      Statistic: 'Sum',
      Threshold: 0,
      Dimensions: [{ Name: 'TableName', Value: 'test-sessions' }],
    });
    expect(alarmNamed('test-sessions-replication-latency-eu-central-1')).toMatchObject({
      MetricName: 'ReplicationLatency',
      Threshold: 30000,
      Dimensions: [
        { Name: 'ReceivingRegion', Value: 'eu-central-1' },
        { Name: 'TableName', Value: 'test-sessions' },
      ],
    });
  });

  test('system errors are summed over operations, p99 latency takes the slowest operation (metric math)', () => {
    const errors = alarmNamed('test-sessions-system-errors');
    expect(errors.Metrics[0]).toMatchObject({ Expression: expect.stringMatching(/^SUM\(\[m0, m1, .*m8\]\)$/) });
    expect(errors.Metrics.length).toBe(10);
    const latency = alarmNamed('test-sessions-latency-p99');
    expect(latency.Metrics[0].Expression).toBe('MAX([m0, m1, m2, m3])');
    expect(latency.Metrics[1].MetricStat).toMatchObject({ Stat: 'p99', Metric: { MetricName: 'SuccessfulRequestLatency' } });
    expect(latency.Threshold).toBe(100);
  });

  test('consumed capacity above 80% of the autoscaling maximum (provisioned only)', () => {
    // 100 read units/s × 300 s × 80%
    expect(alarmNamed('test-sessions-read-capacity')).toMatchObject({ MetricName: 'ConsumedReadCapacityUnits', Statistic: 'Sum', Threshold: 24000 });
    expect(alarmNamed('test-sessions-write-capacity').Threshold).toBe(12000);
    const onDemand = synthTable().template.findResources('AWS::CloudWatch::Alarm');
    expect(Object.values(onDemand).map((a) => a.Properties.AlarmName)).not.toContain('test-sessions-read-capacity');
  });

  test('a dashboard with a panel per alarm and the consumed capacity', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody);
    expect(body.match(/\\"alarms\\":/g)).toHaveLength(Object.keys(alarms).length);
    expect(body).toContain('Consumed capacity units');
  });

  test('without a topic the alarms exist, with a synth warning', () => {
    const { stack } = synthTable({ alarmTopic: undefined });
    Annotations.fromStack(stack).hasWarning('/Test/Sessions', Match.stringLikeRegexp('test-sessions: alarms have no action'));
  });
});

describe('DynamoDbGlobalTable refuses bad settings', () => {
  const invalid = (overrides: Partial<DynamoDbGlobalTableProps>, region?: string) => () => synthTable(overrides, region);

  test('a replica in the stack region, and a duplicated replica', () => {
    expect(
      invalid({
        replicas: [
          { region: 'eu-west-1', encryptionKeyArn: REPLICA_KEY },
          { region: 'eu-central-1', encryptionKeyArn: REPLICA_KEY },
          { region: 'eu-central-1', encryptionKeyArn: REPLICA_KEY },
        ],
      }),
    ).toThrow(
      'Invalid DynamoDbGlobalTable Test/Sessions:\n' +
        "  - replicas[0].region = \"eu-west-1\": equals the primary's region; replicas live in other regions. Fix: remove the 'eu-west-1' replica, or move the primary\n" +
        '  - replicas[2].region = "eu-central-1": is listed twice; each region holds one replica. Fix: remove the duplicate \'eu-central-1\'',
    );
  });

  test('a recovery period out of range, or set with point-in-time recovery off', () => {
    expect(invalid({ pointInTimeRecoveryDays: 36 })).toThrow(
      '  - pointInTimeRecoveryDays = 36: must be a whole number of days from 1 to 35 (DynamoDB point-in-time recovery period). Fix: choose from 1 to 35',
    );
    expect(invalid({ pointInTimeRecovery: false, pointInTimeRecoveryDays: 7 })).toThrow(
      '  - pointInTimeRecoveryDays = 7: is set while pointInTimeRecovery is off; a recovery period needs point-in-time recovery. Fix: remove pointInTimeRecoveryDays, or set pointInTimeRecovery: true',
    );
  });

  test('inverted autoscaling bounds', () => {
    expect(invalid({ billing: { mode: 'provisioned', readCapacity: { min: 50, max: 10 }, writeCapacity: { min: 1, max: 5 } } })).toThrow(
      '  - billing.readCapacity.min = 50: is greater than max (10); autoscaling needs min ≤ max. Fix: lower min to 10 or less, or raise max to 50 or more',
    );
  });

  test('snapshot on removal (DynamoDB has none), and a stack without a region', () => {
    expect(invalid({ removalPolicy: RemovalPolicy.SNAPSHOT })).toThrow(
      '  - removalPolicy = "snapshot": DynamoDB cannot snapshot a table on removal. Fix: use RemovalPolicy.RETAIN or DESTROY',
    );
    const agnostic = new Stack(testApp(), 'Agnostic');
    expect(
      () =>
        new DynamoDbGlobalTable(agnostic, 'T', {
          tableName: 't',
          partitionKey: { name: 'pk', type: 'string' },
          encryptionKey: kms.Alias.fromAliasName(agnostic, 'K', 'alias/x'),
        }),
    ).toThrow('  - the stack has no explicit region: give the stack env.region (replicas and keys are per region)');
  });
});
