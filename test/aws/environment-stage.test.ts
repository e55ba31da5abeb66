import { Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { EnvironmentStage } from '../../lib/aws/environment-stage';
import { listEnvironments } from '../../lib/environments/load-environments';
import { templatesByStack } from '../../lib/testing/aws-templates';
import { fixturePlan, testApp } from '../support/fixtures';
import { RdsReplicaStack } from '../../lib/kinds/rds-instance/rds-replica-stack';
import { RdsInstanceStack } from '../../lib/kinds/rds-instance/rds-instance-stack';

/** Every environment in config/ (a new config/<name>.ts is picked up), synthesized once for the whole file. */
const environmentNames = listEnvironments();
const app = testApp();
const stages = addAwsEnvironments(app, planSelectedEnvironments(''));
const stage = (name: string) => stages.find((s) => s.stageName === name)!;

/** Templates of a stage by stack name, as the testing helpers give them to teams. */
const stageTemplates = (s: Stage) => templatesByStack(s.synth());

describe('one Stage per environment', () => {
  test('stage ids are the environment names, so `cdk deploy prod/*` selects one environment', () => {
    expect(stages.map((s) => s.stageName).sort()).toEqual(environmentNames);
    expect(environmentNames).toEqual(expect.arrayContaining(['dev', 'prod', 'staging']));
  });

  test('a foundation stack per region, a stack per database, cross-region replicas in their region, a dashboard per region', () => {
    expect(stage('prod').node.children.map((c) => c.node.id)).toEqual([
      'foundation-eu-west-1',
      'foundation-eu-central-1',
      'rds-orders',
      'rds-orders-replica-2',
      'rds-catalog',
      'aurora-payments',
      'aurora-payments-eu-central-1',
      'dynamodb-sessions',
      'elasticache-session-cache',
      'elasticache-session-cache-eu-central-1',
      'dashboard-eu-west-1',
      'dashboard-eu-central-1',
    ]);
    const rds = stage('prod').stacksOf(RdsInstanceStack)[0];
    expect(rds.stackName).toBe('prod-rds-orders');
    expect(rds.region).toBe('eu-west-1');
    expect(rds.account).toBe('333333333333');
    expect(rds.dependencies.map((d) => d.stackName)).toEqual(['prod-foundation-eu-west-1']);
  });

  test("a cross-region replica deploys in its region after its source and its region's foundation", () => {
    const replica = stage('prod').stacksOf(RdsReplicaStack)[0];
    expect([replica.stackName, replica.region]).toEqual(['prod-rds-orders-replica-2', 'eu-central-1']);
    expect(replica.dependencies.map((d) => d.stackName).sort()).toEqual(['prod-foundation-eu-central-1', 'prod-rds-orders']);
  });

  test('production stacks have termination protection; development stacks do not', () => {
    expect(stage('prod').stacksOf(RdsInstanceStack)[0].terminationProtection).toBe(true);
    expect(stage('dev').stacksOf(RdsInstanceStack)[0].terminationProtection).toBe(false);
  });

  test.each(environmentNames)('%s synthesizes with no context lookups (no credentials needed)', (name) => {
    const assembly = stage(name).synth();
    for (const stack of assembly.stacks) {
      expect(
        stack.manifest.metadata
          ? Object.values(stack.manifest.metadata)
              .flat()
              .filter((m) => m.type === 'aws:cdk:error')
          : [],
      ).toEqual([]);
    }
    expect(assembly.manifest.missing ?? []).toEqual([]);
  });

  test('a selection of one environment creates only its stage', () => {
    const single = addAwsEnvironments(testApp(), planSelectedEnvironments('staging'));
    expect(single.map((s) => s.stageName)).toEqual(['staging']);
  });

  test('a stage needs an AWS section', () => {
    const { aws: _aws, ...gcpOnly } = fixturePlan();
    expect(() => new EnvironmentStage(testApp(), gcpOnly)).toThrow("Environment 'test' has no AWS section; create a Stage only for AWS environments");
  });
});

describe('the production stage', () => {
  const templates = stageTemplates(stage('prod'));
  const rds = Template.fromJSON(templates['prod-rds-orders']);
  const primaries = stage('prod')
    .stacksOf(RdsInstanceStack)
    .map((stack) => ({ name: stack.stackName, template: Template.fromJSON(templates[stack.stackName]) }));
  const primaryOf = (template: Template) =>
    Object.entries(template.findResources('AWS::RDS::DBInstance')).find(([, r]) => !r.Properties.SourceDBInstanceIdentifier)!;

  test('the stage has a PostgreSQL and a MySQL primary', () => {
    expect(primaries.map(({ template }) => primaryOf(template)[1].Properties.Engine)).toEqual(['postgres', 'mysql']);
  });

  describe.each(primaries.map((p) => [p.name, p.template] as const))('%s', (_name, template) => {
    const [, primary] = primaryOf(template);
    const region = primary.Properties.KmsKeyId.split(':')[3];

    test('encrypted with the region key, Multi-AZ, protected, retained, at least 7 days of backups', () => {
      expect(primary).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          KmsKeyId: `arn:aws:kms:${region}:333333333333:alias/prod-databases`,
          StorageEncrypted: true,
          MultiAZ: true,
          DeletionProtection: true,
          PerformanceInsightsKMSKeyId: `arn:aws:kms:${region}:333333333333:alias/prod-databases`,
          MasterUserSecret: { KmsKeyId: `arn:aws:kms:${region}:333333333333:alias/prod-databases` },
        },
      });
      expect(primary.Properties.BackupRetentionPeriod).toBeGreaterThanOrEqual(7);
    });

    test('a custom, retained parameter group with TLS and memory tuning', () => {
      const groupId = primary.Properties.DBParameterGroupName.Ref;
      const group = template.toJSON().Resources[groupId];
      expect(group.DeletionPolicy).toBe('Retain');
      const tls = group.Properties.Parameters['rds.force_ssl'] ?? group.Properties.Parameters.require_secure_transport;
      expect(tls).toBe('1');
      expect(Object.values(group.Properties.Parameters).some((v) => String(v).includes('DBInstanceClassMemory'))).toBe(true);
    });

    test('log exports into retained log groups encrypted with the region key', () => {
      expect(primary.Properties.EnableCloudwatchLogsExports.length).toBeGreaterThan(0);
      for (const type of primary.Properties.EnableCloudwatchLogsExports) {
        template.hasResource('AWS::Logs::LogGroup', {
          DeletionPolicy: 'Retain',
          Properties: Match.objectLike({
            LogGroupName: `/aws/rds/instance/${primary.Properties.DBInstanceIdentifier}/${type}`,
            KmsKeyId: Match.anyValue(),
            RetentionInDays: 365,
          }),
        });
      }
    });

    test('CPU, memory, storage and connections alarms notify the region topic', () => {
      const identifier = primary.Properties.DBInstanceIdentifier;
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a) => a.Properties.Dimensions?.[0]?.Value === identifier);
      expect([...new Set(alarms.map((a) => a.Properties.MetricName))]).toEqual(
        expect.arrayContaining([
          'CPUUtilization',
          'FreeableMemory',
          'FreeStorageSpace',
          'DatabaseConnections',
          'ReadLatency',
          'WriteLatency',
          'DiskQueueDepth',
        ]),
      );
      for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([`arn:aws:sns:${region}:333333333333:prod-database-alarms`]);
    });
  });

  test('a parameter override from config wins over the tuned value', () => {
    rds.hasResourceProperties('AWS::RDS::DBParameterGroup', { Family: 'postgres17', Parameters: Match.objectLike({ work_mem: '16384' }) });
  });

  test("orders replicates its automated backups to eu-central-1 with that region's key", () => {
    rds.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceIdentifier: 'prod-orders',
      AutomaticBackupReplicationRegion: 'eu-central-1',
      AutomaticBackupReplicationKmsKeyId: 'arn:aws:kms:eu-central-1:333333333333:alias/prod-databases',
    });
  });

  test('a same-region replica of orders with replica-lag alarms', () => {
    rds.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceIdentifier: 'prod-orders-replica-1', DBInstanceClass: 'db.r7g.large' });
    rds.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'prod-orders-replica-1-replica-lag-warning' });
  });

  test("a cross-region replica of orders with its region's key and a replica-lag alarm on its region's topic", () => {
    const replica = Template.fromJSON(templates['prod-rds-orders-replica-2']);
    const instance = Object.values(replica.findResources('AWS::RDS::DBInstance'))[0];
    expect(instance.Properties).toMatchObject({
      DBInstanceIdentifier: 'prod-orders-replica-2',
      SourceDBInstanceIdentifier: 'arn:aws:rds:eu-west-1:333333333333:db:prod-orders',
      KmsKeyId: 'arn:aws:kms:eu-central-1:333333333333:alias/prod-databases',
    });
    expect(instance.Properties.StorageEncrypted).toBeUndefined();
    replica.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'prod-orders-replica-2-replica-lag-critical',
      AlarmActions: ['arn:aws:sns:eu-central-1:333333333333:prod-database-alarms'],
    });
  });

  test('every region has its own key alias and topic; the key lets CloudWatch Logs encrypt RDS log groups', () => {
    for (const region of ['eu-west-1', 'eu-central-1']) {
      const foundation = Template.fromJSON(templates[`prod-foundation-${region}`]);
      foundation.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/prod-databases' });
      foundation.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'prod-database-alarms' });
      foundation.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
      foundation.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: Match.objectLike({
          Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowCloudWatchLogsForRdsLogGroups', Principal: { Service: `logs.${region}.amazonaws.com` } })]),
        }),
      });
    }
  });

  test('a dashboard per region with its database metrics', () => {
    Template.fromJSON(templates['prod-dashboard-eu-central-1']).hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'prod-databases-eu-central-1',
    });
    const body = JSON.stringify(Template.fromJSON(templates['prod-dashboard-eu-west-1']).toJSON());
    for (const identifier of ['prod-orders', 'prod-orders-replica-1', 'prod-catalog']) expect(body).toContain(identifier);
  });

  test('environment tags reach every resource that takes tags', () => {
    rds.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceIdentifier: 'prod-orders',
      Tags: [
        { Key: 'backup-plan', Value: 'prod-databases-eu-west-1' },
        { Key: 'cost-center', Value: 'platform' },
        { Key: 'data-classification', Value: 'confidential' },
        { Key: 'environment', Value: 'prod' },
      ],
    });
  });
});

test('the development stage creates its own isolated VPC and may be destroyed', () => {
  const templates = stageTemplates(stage('dev'));
  const foundation = Template.fromJSON(templates['dev-foundation-eu-west-1']);
  foundation.resourceCountIs('AWS::EC2::VPC', 1);
  foundation.resourceCountIs('AWS::EC2::InternetGateway', 0);
  foundation.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  Template.fromJSON(templates['dev-rds-orders']).hasResource('AWS::RDS::DBInstance', {
    DeletionPolicy: 'Delete',
    Properties: Match.objectLike({ MultiAZ: false, DeletionProtection: false, BackupRetentionPeriod: 1 }),
  });
});

describe('snapshots (one per environment stage; they record intent, the assertions above catch bugs)', () => {
  test.each(environmentNames)('%s', (name) => {
    expect(stageTemplates(stage(name))).toMatchSnapshot();
  });
});

test('the backup-selection tag is on primaries and clusters only: replicas and Aurora members are not backed up on their own', () => {
  const templates = stageTemplates(stage('prod'));
  const tagOf = (resource: any) => resource.Properties.Tags?.find((t: { Key: string }) => t.Key === 'backup-plan')?.Value;
  const resources = Object.values(templates).flatMap((template: any) => Object.values<any>(template.Resources));
  const instances = resources.filter((r) => r.Type === 'AWS::RDS::DBInstance');
  const role = (r: any) => ('SourceDBInstanceIdentifier' in r.Properties ? 'replica' : 'DBClusterIdentifier' in r.Properties ? 'aurora member' : 'primary');
  expect(instances.filter((r) => role(r) === 'primary').every((r) => tagOf(r) === 'prod-databases-eu-west-1')).toBe(true);
  expect(
    instances
      .filter((r) => role(r) !== 'primary')
      .map(tagOf)
      .every((tag) => tag === undefined),
  ).toBe(true);
  // The primary Aurora cluster is selected as a cluster; its secondary in eu-central-1 holds the same data.
  const clusters = resources.filter((r) => r.Type === 'AWS::RDS::DBCluster');
  expect(clusters.map(tagOf).sort()).toEqual(['prod-databases-eu-west-1', undefined]);
});
