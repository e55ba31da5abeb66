/** Aurora clusters of the sample environments, as the stage renders them: prod global database, dev Serverless v2. */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { EnvironmentStage } from '../../lib/aws/environment-stage';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { fixtureConfig, testApp } from '../support/fixtures';
import { DashboardStack } from '../../lib/aws/dashboard-stack';
import { AuroraClusterStack } from '../../lib/kinds/aurora-cluster/aurora-cluster-stack';

const stages = addAwsEnvironments(testApp(), planSelectedEnvironments(''));
const stage = (name: string) => stages.find((s) => s.stageName === name)!;
const template = (s: EnvironmentStage, stackName: string) => Template.fromStack(s.stacksOf(AuroraClusterStack).find((stack) => stack.stackName === stackName)!);
const only = (t: Template, type: string) => Object.entries(t.findResources(type));

describe('prod: an Aurora global database (GIVEN config/prod.ts)', () => {
  const primary = template(stage('prod'), 'prod-aurora-payments');
  const secondary = template(stage('prod'), 'prod-aurora-payments-eu-central-1');

  test('the primary cluster is encrypted with the region key, deletion-protected, retained, 35 days of backups, IAM auth, log exports', () => {
    primary.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DBClusterIdentifier: 'prod-payments',
        Engine: 'aurora-postgresql',
        EngineVersion: '16.9',
        StorageEncrypted: true,
        KmsKeyId: 'arn:aws:kms:eu-west-1:333333333333:alias/prod-databases',
        DeletionProtection: true,
        BackupRetentionPeriod: 35,
        PreferredBackupWindow: '02:00-03:00',
        CopyTagsToSnapshot: true,
        EnableIAMDatabaseAuthentication: true,
        EnableCloudwatchLogsExports: ['postgresql'],
        ManageMasterUserPassword: true,
        MasterUserSecret: { KmsKeyId: 'arn:aws:kms:eu-west-1:333333333333:alias/prod-databases' },
        PerformanceInsightsEnabled: true,
        PerformanceInsightsKmsKeyId: 'arn:aws:kms:eu-west-1:333333333333:alias/prod-databases',
        MonitoringInterval: 15,
        DBClusterParameterGroupName: { Ref: Match.stringLikeRegexp('^DatabaseClusterParameters') },
      }),
    });
  });

  test('a custom cluster parameter group (TLS, audit) and an instance parameter group (tuning), both retained', () => {
    primary.hasResource('AWS::RDS::DBClusterParameterGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Family: 'aurora-postgresql16', Parameters: Match.objectLike({ 'rds.force_ssl': '1', 'pgaudit.log': 'ddl,role' }) }),
    });
    primary.hasResource('AWS::RDS::DBParameterGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Family: 'aurora-postgresql16',
        Parameters: Match.objectLike({ log_min_duration_statement: '1000', random_page_cost: '1.1' }),
      }),
    });
    // Aurora sizes its own buffer cache (about 3/4 of memory): the community 25% must not override it.
    const [, group] = only(primary, 'AWS::RDS::DBParameterGroup')[0];
    expect(group.Properties.Parameters.shared_buffers).toBeUndefined();
  });

  test('a writer and a reader, private, spread over two zones, the reader first in line for failover', () => {
    const instances = only(primary, 'AWS::RDS::DBInstance').map(([, r]) => r.Properties);
    expect(instances.map((i) => [i.DBInstanceIdentifier, i.DBInstanceClass, i.AvailabilityZone, i.PromotionTier, i.PubliclyAccessible])).toEqual([
      ['prod-payments-writer', 'db.r7g.large', 'eu-west-1a', 0, false],
      ['prod-payments-reader-1', 'db.r7g.large', 'eu-west-1b', 1, false],
    ]);
  });

  test('the global cluster is created from the primary, retained and deletion-protected', () => {
    primary.hasResource('AWS::RDS::GlobalCluster', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GlobalClusterIdentifier: 'prod-payments-global',
        DeletionProtection: true,
        SourceDBClusterIdentifier: { 'Fn::Join': ['', ['arn:aws:rds:eu-west-1:333333333333:cluster:', { Ref: Match.stringLikeRegexp('^DatabaseCluster') }]] },
      }),
    });
  });

  test("the secondary joins the global cluster in eu-central-1 with that region's key and no credentials or database name", () => {
    const [[, cluster]] = only(secondary, 'AWS::RDS::DBCluster');
    expect(cluster.Properties).toMatchObject({
      DBClusterIdentifier: 'prod-payments-eu-central-1',
      GlobalClusterIdentifier: 'prod-payments-global',
      StorageEncrypted: true,
      KmsKeyId: 'arn:aws:kms:eu-central-1:333333333333:alias/prod-databases',
      DeletionProtection: true,
    });
    for (const property of ['MasterUsername', 'MasterUserPassword', 'ManageMasterUserPassword', 'MasterUserSecret', 'DatabaseName']) {
      expect(cluster.Properties[property]).toBeUndefined();
    }
    secondary.resourceCountIs('AWS::RDS::DBClusterParameterGroup', 1);
    expect(only(secondary, 'AWS::RDS::DBInstance').map(([, r]) => r.Properties.DBInstanceIdentifier)).toEqual(['prod-payments-eu-central-1-reader-1']);
  });

  test("plain `cdk deploy`: the secondary stack deploys in its region after the primary and the region's foundation", () => {
    const stack = stage('prod')
      .stacksOf(AuroraClusterStack)
      .filter((stack) => stack.isSecondary)[0];
    expect(stack.region).toBe('eu-central-1');
    expect(stack.dependencies.map((d) => d.stackName).sort()).toEqual(['prod-aurora-payments', 'prod-foundation-eu-central-1']);
  });

  test('alarms: global replication lag on the secondary, replica lag on readers, CPU at the common critical 90%; all notify the topic', () => {
    secondary.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'AuroraGlobalDBReplicationLag',
      Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'prod-payments-eu-central-1' }],
      Threshold: 60000,
      AlarmActions: ['arn:aws:sns:eu-central-1:333333333333:prod-database-alarms'],
    });
    primary.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'AuroraReplicaLag',
      Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'prod-payments-reader-1' }],
    });
    primary.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'prod-payments-writer-cpu-critical', Threshold: 90 });
    primary.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'VolumeBytesUsed',
      Dimensions: [{ Name: 'DBClusterIdentifier', Value: 'prod-payments' }],
    });
    for (const t of [primary, secondary]) {
      for (const [, alarm] of only(t, 'AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    }
  });

  test("the cluster stack carries the backup-plan tag, so the region's AWS Backup plan selects the cluster", () => {
    primary.hasResourceProperties('AWS::RDS::DBCluster', { Tags: Match.arrayWith([{ Key: 'backup-plan', Value: 'prod-databases-eu-west-1' }]) });
  });

  test('the dashboards get Aurora lines: instances in eu-west-1, global lag in eu-central-1', () => {
    const body = JSON.stringify(
      Template.fromStack(
        stage('prod')
          .stacksOf(DashboardStack)
          .find((d) => d.region === 'eu-central-1')!,
      ).toJSON(),
    );
    expect(body).toContain('AuroraGlobalDBReplicationLag\\",\\"DBClusterIdentifier\\",\\"prod-payments-eu-central-1');
  });
});

describe('dev: Serverless v2 that pauses (GIVEN config/dev.ts)', () => {
  const dev = template(stage('dev'), 'dev-aurora-payments');

  test('scales from 0 ACUs and pauses after 30 idle minutes; not protected, destroyed with the environment', () => {
    dev.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({
        ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 4, SecondsUntilAutoPause: 1800 },
        DeletionProtection: false,
        BackupRetentionPeriod: 1,
        StorageEncrypted: true,
      }),
    });
    dev.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless' });
    dev.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ACUUtilization', Threshold: 90 });
  });

  test('Serverless v2 gets no memory formulas in its instance parameters', () => {
    const [[, group]] = only(dev, 'AWS::RDS::DBParameterGroup');
    expect(JSON.stringify(group.Properties.Parameters)).not.toContain('DBInstanceClassMemory');
  });
});

describe('major version upgrade in place', () => {
  const synthWith = (version: string) => {
    const config = fixtureConfig('production');
    config.databases!.push({ kind: 'aurora-cluster', name: 'payments', engine: 'aurora-postgresql', version, instanceClass: 'db.r7g.large' } as never);
    const stage = new EnvironmentStage(testApp(), buildPlan(validateEnvironment('test', config)));
    return Template.fromStack(stage.stacksOf(AuroraClusterStack)[0]);
  };

  test('16.9 → 17.6 keeps the cluster (logical id and identifier) and moves both parameter groups to the new family', () => {
    const [before, after] = [synthWith('16.9'), synthWith('17.6')];
    const cluster = (t: Template) => only(t, 'AWS::RDS::DBCluster').map(([id, r]) => [id, r.Properties.DBClusterIdentifier]);
    expect(cluster(after)).toEqual(cluster(before));
    expect(cluster(after)).toEqual([['DatabaseCluster5B53A178', 'test-payments']]);
    const families = (t: Template) =>
      [...only(t, 'AWS::RDS::DBClusterParameterGroup'), ...only(t, 'AWS::RDS::DBParameterGroup')].map(([id, r]) => [id, r.Properties.Family]);
    expect(families(before).map(([id]) => id)).toEqual(families(after).map(([id]) => id));
    expect(families(after).map(([, family]) => family)).toEqual(['aurora-postgresql17', 'aurora-postgresql17']);
    after.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceIdentifier: 'test-payments-writer', AllowMajorVersionUpgrade: true });
  });
});
