import { Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addAwsEnvironments, loadSelectedEnvironments } from '../../lib/aws/aws-app';
import { EnvironmentStage } from '../../lib/aws/environment-stage';
import { fixturePlan, testApp } from '../support/fixtures';

/** The sample environments from config/, synthesized once for the whole file. */
const app = testApp();
const stages = addAwsEnvironments(app, loadSelectedEnvironments(''));
const stage = (name: string) => stages.find((s) => s.stageName === name)!;

/** Templates of a stage by stack name, without CDK's version analytics (they change with every CDK release). */
function stageTemplates(s: Stage): Record<string, any> {
  const assembly = s.synth();
  return Object.fromEntries(
    assembly.stacks.map((stack) => {
      const template = structuredClone(stack.template);
      delete template.Resources?.CDKMetadata;
      delete template.Conditions?.CDKMetadataAvailable;
      return [stack.stackName, template];
    }),
  );
}

describe('one Stage per environment', () => {
  test('stage ids are the environment names, so `cdk deploy prod/*` selects one environment', () => {
    expect(stages.map((s) => s.stageName).sort()).toEqual(['dev', 'prod', 'staging']);
  });

  test('a foundation stack per region, then a stack per database, named after the environment', () => {
    expect(stage('prod').node.children.map((c) => c.node.id)).toEqual(['foundation-eu-west-1', 'foundation-eu-central-1', 'rds-orders', 'dynamodb-sessions']);
    const rds = stage('prod').rdsInstances[0];
    expect(rds.stackName).toBe('prod-rds-orders');
    expect(rds.region).toBe('eu-west-1');
    expect(rds.account).toBe('333333333333');
    expect(rds.dependencies.map((d) => d.stackName)).toEqual(['prod-foundation-eu-west-1']);
  });

  test('production stacks have termination protection; development stacks do not', () => {
    expect(stage('prod').rdsInstances[0].terminationProtection).toBe(true);
    expect(stage('dev').rdsInstances[0].terminationProtection).toBe(false);
  });

  test.each(['dev', 'staging', 'prod'])('%s synthesizes with no context lookups (no credentials needed)', (name) => {
    const assembly = stage(name).synth();
    for (const stack of assembly.stacks) {
      expect(stack.manifest.metadata ? Object.values(stack.manifest.metadata).flat().filter((m) => m.type === 'aws:cdk:error') : []).toEqual([]);
    }
    expect(assembly.manifest.missing ?? []).toEqual([]);
  });

  test('a selection of one environment creates only its stage', () => {
    const single = addAwsEnvironments(testApp(), loadSelectedEnvironments('staging'));
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

  test('the database uses the region key by alias, is Multi-AZ, protected, retained and keeps 35 days', () => {
    rds.hasResource('AWS::RDS::DBInstance', {
      DeletionPolicy: 'Retain',
      Properties: {
        KmsKeyId: 'arn:aws:kms:eu-west-1:333333333333:alias/prod-databases',
        StorageEncrypted: true,
        MultiAZ: true,
        DeletionProtection: true,
        BackupRetentionPeriod: 35,
      },
    });
  });

  test('database alarms notify the region topic', () => {
    const alarms = Object.values(rds.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:eu-west-1:333333333333:prod-database-alarms']);
    }
  });

  test('every region has its own key alias and topic', () => {
    for (const region of ['eu-west-1', 'eu-central-1']) {
      const foundation = Template.fromJSON(templates[`prod-foundation-${region}`]);
      foundation.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/prod-databases' });
      foundation.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'prod-database-alarms' });
      foundation.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    }
  });

  test('environment tags reach every resource that takes tags', () => {
    rds.hasResourceProperties('AWS::RDS::DBInstance', {
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
    Properties: { MultiAZ: false, DeletionProtection: false, BackupRetentionPeriod: 1 },
  });
});

describe('snapshots (one per environment stage; they record intent, the assertions above catch bugs)', () => {
  test.each(['dev', 'staging', 'prod'])('%s', (name) => {
    expect(stageTemplates(stage(name))).toMatchSnapshot();
  });
});
