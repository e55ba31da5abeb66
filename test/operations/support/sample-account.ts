/**
 * A sample environment and the live resources that match it, created in moto through the SDK (moto's CloudFormation
 * cannot deploy our stacks: DESIGN.md §7). The config uses moto's default VPC and subnets, so the network rows
 * of verify have real ids to compare.
 */
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand, PutBackupVaultLockConfigurationCommand } from '@aws-sdk/client-backup';
import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CreateAliasCommand, CreateKeyCommand, DescribeKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  CreateDBInstanceCommand,
  CreateDBInstanceCommandInput,
  CreateDBInstanceReadReplicaCommand,
  CreateDBParameterGroupCommand,
  CreateDBSubnetGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadEnvironments } from '../../../lib/environments/load-environments';
import { BACKUP_TAG_KEY, backupPlanName } from '../../../lib/plan/backup-plan';
import { buildPlan } from '../../../lib/plan/build-plan';
import type { DynamoDbAlarmDefinition } from '../../../constructs/aws/dynamodb/tables/dynamodb-alarm-definitions';
import type { BackupPlanDefinition, DynamodbTablePlan, EnvironmentPlan, RdsInstancePlan, RdsReplicaPlan } from '../../../lib/plan/plan-types';
import { fixtureConfig } from '../../support/fixtures';

export const REGION = 'eu-west-1';
export const ENVIRONMENT = 'sample';

/** The tag a database stack carries so its region's AWS Backup plan selects it (EnvironmentStage applies it). */
export const backupSelectionTag = (region: string) => ({ Key: BACKUP_TAG_KEY, Value: backupPlanName(ENVIRONMENT, region) });

/** The database's tags as its stack gives them: its plan's tags and, on a primary, the backup selection tag. */
export const stackTags = (tags: Readonly<Record<string, string>>, region: string) => [
  ...Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  backupSelectionTag(region),
];

export interface Network {
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly availabilityZones: string[];
}

/** moto takes a 12-digit access key id as the account id; any other key means its default account 123456789012. */
const accessKeyId = () => process.env.AWS_ACCESS_KEY_ID ?? 'testing';

const sdkConfig = (endpoint: string, region = REGION) => ({
  region,
  endpoint,
  credentials: { accessKeyId: accessKeyId(), secretAccessKey: 'testing' },
});

export const rdsClient = (endpoint: string, region = REGION) => new RDSClient(sdkConfig(endpoint, region));
export const kmsClient = (endpoint: string, region = REGION) => new KMSClient(sdkConfig(endpoint, region));
export const cloudwatchClient = (endpoint: string, region = REGION) => new CloudWatchClient(sdkConfig(endpoint, region));
export const dynamodbClient = (endpoint: string, region = REGION) => new DynamoDBClient(sdkConfig(endpoint, region));
export const backupClient = (endpoint: string, region = REGION) => new BackupClient(sdkConfig(endpoint, region));
export const snsClient = (endpoint: string, region = REGION) => new SNSClient(sdkConfig(endpoint, region));

/**
 * moto's default VPC and its subnets. @aws-sdk/client-ec2 is not a dependency, so this one read uses EC2's query
 * API directly; moto routes it by the credential scope and does not check signatures.
 */
export async function defaultNetwork(endpoint: string): Promise<Network> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId()}/20260101/${REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: 'Action=DescribeSubnets&Version=2016-11-15',
  });
  const xml = await response.text();
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]);
  const field = (item: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(item)?.[1] ?? '';
  const subnets = items
    .filter((item) => field(item, 'defaultForAz') === 'true' && field(item, 'subnetId'))
    .map((item) => ({ id: field(item, 'subnetId'), vpc: field(item, 'vpcId'), az: field(item, 'availabilityZone') }))
    .sort((a, b) => a.az.localeCompare(b.az));
  if (subnets.length < 2) throw new Error(`moto has no default subnets in ${REGION}: ${xml.slice(0, 300)}`);
  return { vpcId: subnets[0].vpc, subnetIds: subnets.map((s) => s.id), availabilityZones: subnets.map((s) => s.az) };
}

/** Writes the sample environment (the production fixture in moto's network, changed by `change`) to a new config folder. */
export function writeSampleConfig(network: Network, change: (config: any) => void = () => undefined): string {
  const config: any = structuredClone(fixtureConfig('production'));
  change(config);
  config.aws.regions[REGION].network = {
    type: 'existing',
    vpcId: network.vpcId,
    availabilityZones: network.availabilityZones,
    privateSubnetIds: network.subnetIds,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dbctl-config-'));
  fs.writeFileSync(path.join(dir, `${ENVIRONMENT}.js`), `module.exports = ${JSON.stringify(config, null, 2)};\n`);
  return dir;
}

export function samplePlan(configDir: string): { plan: EnvironmentPlan; db: RdsInstancePlan } {
  const plan = buildPlan(loadEnvironments([ENVIRONMENT], configDir)[0]);
  return { plan, db: plan.databases['rds-instance'][0] };
}

export interface SeedOptions {
  /** Changes to the CreateDBInstance input, to start from a drifted database. */
  readonly instance?: Partial<CreateDBInstanceCommandInput>;
  /** Alarms not to create. */
  readonly skipAlarms?: readonly string[];
}

export interface Seeded {
  readonly keyArn: string;
  readonly subnetGroup: string;
  readonly parameterGroup: string;
}

/** The region's key and its alias, as the foundation stack creates them; the key ARN. An existing alias is reused. */
export async function seedRegionKey(endpoint: string, region: string, alias: string): Promise<string> {
  const kms = kmsClient(endpoint, region);
  try {
    return (await kms.send(new DescribeKeyCommand({ KeyId: alias }))).KeyMetadata!.Arn!;
  } catch {
    const key = await kms.send(new CreateKeyCommand({ Description: `${alias} (test)` }));
    await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyMetadata!.KeyId }));
    return key.KeyMetadata!.Arn!;
  }
}

/** A topic policy that lets CloudWatch alarms publish (over TLS only), as the alarm topic needs. */
export function alarmTopicPolicy(topicArn: string, account: string) {
  return {
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
      {
        Sid: 'AllowCloudWatchAlarms',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  };
}

/** The region key's policy as the foundation construct writes it: the account, and CloudWatch alarms using the key. */
export function regionKeyPolicy(account: string, cloudwatch = true) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'EnableRoot', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      ...(cloudwatch
        ? [
            {
              Sid: 'AllowCloudWatchAlarmsToUseTheKey',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
            },
          ]
        : []),
    ],
  };
}

export interface FoundationOptions {
  readonly skipVaults?: readonly string[];
  /** Replace the alarm topic's policy (default: alarmTopicPolicy). */
  readonly topicPolicy?: (topicArn: string, account: string) => object;
  /** Replace the region key's policy (default: regionKeyPolicy). */
  readonly keyPolicy?: (account: string) => object;
  /** Change a backup plan's rules before it is created (moto 5.2.1 has plans, not selections). */
  readonly changeRules?: (plan: BackupPlanDefinition) => BackupRuleInput[];
}

type BackupRuleInput = import('@aws-sdk/client-backup').BackupRuleInput;

/** A planned plan's rules as the foundation stack creates them. */
export function backupRulesOf(plan: BackupPlanDefinition, vaultName: string): BackupRuleInput[] {
  return plan.rules.map((rule) => ({
    RuleName: rule.name,
    TargetBackupVaultName: vaultName,
    ScheduleExpression: rule.scheduleExpression,
    Lifecycle: { DeleteAfterDays: rule.retentionDays },
    EnableContinuousBackup: rule.continuous,
    ...(rule.copyTo ? { CopyActions: [{ DestinationBackupVaultArn: rule.copyTo.vaultArn, Lifecycle: { DeleteAfterDays: rule.copyTo.retentionDays } }] } : {}),
  }));
}

/** What each region's foundation stack creates that verify checks region by region: the key and its alias, the alarm topic, the backup vault. */
export async function seedFoundation(endpoint: string, plan: EnvironmentPlan, options: FoundationOptions = {}): Promise<void> {
  const account = plan.aws!.account;
  for (const region of plan.aws!.regions) {
    const keyArn = await seedRegionKey(endpoint, region.region, region.keyAlias);
    await kmsClient(endpoint, region.region).send(
      new PutKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default', Policy: JSON.stringify((options.keyPolicy ?? regionKeyPolicy)(account)) }),
    );
    const policy = (options.topicPolicy ?? alarmTopicPolicy)(region.alarmTopicArn, account);
    await snsClient(endpoint, region.region).send(
      new CreateTopicCommand({ Name: region.alarmTopicName, Attributes: { KmsMasterKeyId: keyArn, Policy: JSON.stringify(policy) } }),
    );
    if (options.skipVaults?.includes(region.region)) continue;
    const backup = backupClient(endpoint, region.region);
    for (const plan of region.backupPlans) {
      const rules = options.changeRules?.(plan) ?? backupRulesOf(plan, region.backupVault.name);
      await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: plan.name, Rules: rules } }));
    }
    await backup.send(new CreateBackupVaultCommand({ BackupVaultName: region.backupVault.name, EncryptionKeyArn: keyArn }));
    const lock = region.backupVault.lock;
    if (lock) {
      await backup.send(
        new PutBackupVaultLockConfigurationCommand({
          BackupVaultName: region.backupVault.name,
          MinRetentionDays: lock.minRetentionDays,
          MaxRetentionDays: lock.maxRetentionDays,
          ChangeableForDays: lock.changeableForDays,
        }),
      );
    }
  }
}

/** Alarms as the constructs create them: one metric, or SUM/MAX over one metric per operation (DynamoDB). */
export async function seedAlarms(
  endpoint: string,
  region: string,
  alarms: readonly DynamoDbAlarmDefinition[],
  topicArn: string | undefined,
  skip: readonly string[] = [],
) {
  const cloudwatch = cloudwatchClient(endpoint, region);
  const dimensions = (extra: Record<string, string>, alarm: DynamoDbAlarmDefinition) =>
    Object.entries({ ...alarm.dimensions, ...extra }).map(([Name, Value]) => ({ Name, Value }));
  for (const alarm of alarms) {
    if (skip.includes(alarm.alarmName)) continue;
    const across = alarm.acrossOperations;
    const percentile = /^p\d/.test(alarm.statistic);
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarm.alarmName,
        AlarmDescription: alarm.description,
        ComparisonOperator: alarm.comparison,
        Threshold: alarm.threshold,
        EvaluationPeriods: alarm.evaluationPeriods,
        ...(across
          ? {
              Metrics: [
                { Id: 'expr', Expression: `${across.combine}([${across.operations.map((_, i) => `m${i}`).join(', ')}])`, ReturnData: true },
                ...across.operations.map((operation, i) => ({
                  Id: `m${i}`,
                  ReturnData: false,
                  MetricStat: {
                    Metric: { Namespace: alarm.namespace, MetricName: alarm.metricName, Dimensions: dimensions({ Operation: operation }, alarm) },
                    Period: alarm.periodSeconds,
                    Stat: alarm.statistic,
                  },
                })),
              ],
            }
          : {
              Namespace: alarm.namespace,
              MetricName: alarm.metricName,
              Dimensions: dimensions({}, alarm),
              Period: alarm.periodSeconds,
              ...(percentile ? { ExtendedStatistic: alarm.statistic } : { Statistic: alarm.statistic as 'Sum' }),
            }),
        ...(topicArn ? { AlarmActions: [topicArn], OKActions: [topicArn] } : {}),
      }),
    );
  }
}

/** Creates what the stacks would: the region's key and alias, the network and parameter groups, the instance, alarms. */
export async function seedRdsInstance(endpoint: string, db: RdsInstancePlan, network: Network, options: SeedOptions = {}): Promise<Seeded> {
  const keyArn = await seedRegionKey(endpoint, db.region, db.keyAlias);

  const rds = rdsClient(endpoint);
  const subnetGroup = `${db.identifier}-subnets`;
  const parameterGroup = `${db.identifier}-params`;
  await rds.send(new CreateDBSubnetGroupCommand({ DBSubnetGroupName: subnetGroup, DBSubnetGroupDescription: db.identifier, SubnetIds: network.subnetIds }));
  await rds.send(
    new CreateDBParameterGroupCommand({ DBParameterGroupName: parameterGroup, DBParameterGroupFamily: db.parameterGroupFamily, Description: db.identifier }),
  );
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: db.identifier,
      Engine: db.engine,
      EngineVersion: db.engineVersion,
      DBInstanceClass: db.instanceClass,
      AllocatedStorage: db.allocatedStorageGiB,
      MultiAZ: db.multiAz,
      StorageEncrypted: true,
      KmsKeyId: keyArn,
      BackupRetentionPeriod: db.recovery.backupRetentionDays,
      DeletionProtection: db.deletionProtection,
      DBSubnetGroupName: subnetGroup,
      DBParameterGroupName: parameterGroup,
      MasterUsername: 'dbadmin',
      ManageMasterUserPassword: true,
      PubliclyAccessible: false,
      Tags: stackTags(db.tags, db.region),
      ...options.instance,
    }),
  );

  await seedAlarms(endpoint, db.region, db.alarms, db.alarmTopicArn, options.skipAlarms);
  return { keyArn, subnetGroup, parameterGroup };
}

/** A read replica as its stack creates it: in its region, from the source by identifier or (cross-region) by ARN. */
export async function seedRdsReplica(endpoint: string, replica: RdsReplicaPlan, options: { skipAlarms?: readonly string[] } = {}): Promise<void> {
  const keyArn = await seedRegionKey(endpoint, replica.region, replica.keyAlias);
  if (replica.crossRegion) {
    // moto 5.2.1 looks the source's parameter group up in the replica's region (HTTP 500 without it); AWS does not.
    await rdsClient(endpoint, replica.region).send(
      new CreateDBParameterGroupCommand({
        DBParameterGroupName: `${replica.sourceIdentifier}-params`,
        DBParameterGroupFamily: replica.parameterGroupFamily,
        Description: 'moto workaround',
      }),
    );
  }
  await rdsClient(endpoint, replica.region).send(
    new CreateDBInstanceReadReplicaCommand({
      DBInstanceIdentifier: replica.identifier,
      SourceDBInstanceIdentifier: replica.crossRegion ? replica.sourceArn : replica.sourceIdentifier,
      DBInstanceClass: replica.instanceClass,
      ...(replica.crossRegion ? { KmsKeyId: keyArn } : {}),
      DeletionProtection: replica.deletionProtection,
      PubliclyAccessible: false,
    }),
  );
  await seedAlarms(endpoint, replica.region, replica.alarms, replica.alarmTopicArn, options.skipAlarms);
}

/** The sample's DynamoDB global table: the primary in eu-west-1 with a replica in eu-central-1. */
export const SAMPLE_DYNAMODB_TABLE = {
  kind: 'dynamodb-table',
  name: 'sessions',
  partitionKey: { name: 'sessionId', type: 'string' },
  sortKey: { name: 'createdAt', type: 'number' },
  replicaRegions: ['eu-central-1'],
  // As config/prod.ts: dbctl plans through the apps' pipeline, policy rules included, so a first deploy's waiver is needed.
  waivers: [
    {
      rule: 'tls-enforced',
      reason: 'CloudFormation cannot give a new replica its TLS-only policy in the same update: tlsOnlyReplicas follows once the replica exists',
    },
  ],
};

export interface DynamodbSeedOptions {
  /** Replica regions not to create. */
  readonly skipReplicas?: readonly string[];
  /** Regions whose table gets no point-in-time recovery. */
  readonly pitrOff?: readonly string[];
  /** Regions whose table is encrypted with the AWS owned key instead of the region's key. */
  readonly awsOwnedKey?: readonly string[];
  /** Create the tables without tags (a stack whose backup tag was removed). */
  readonly untagged?: boolean;
}

/**
 * The table as its stack creates it, in every region. moto 5.2.1 has no global tables (UpdateTable's ReplicaUpdates
 * is accepted and ignored), so each replica is created as the table of the same name in its region: what the
 * per-region APIs (DescribeTable, DescribeContinuousBackups) show of a replica on AWS.
 */
export async function seedDynamodbTable(endpoint: string, table: DynamodbTablePlan, options: DynamodbSeedOptions = {}): Promise<void> {
  const regions = [{ region: table.region, keyAliasArn: table.keyAliasArn }, ...table.replicas.filter((r) => !options.skipReplicas?.includes(r.region))];
  const { partitionKey, sortKey, billing } = table.settings;
  const keys = [partitionKey, ...(sortKey ? [sortKey] : [])];
  const type = { string: 'S', number: 'N', binary: 'B' } as const;
  for (const { region, keyAliasArn } of regions) {
    await seedRegionKey(endpoint, region, keyAliasArn.split(':').pop()!);
    const dynamodb = dynamodbClient(endpoint, region);
    await dynamodb.send(
      new CreateTableCommand({
        TableName: table.tableName,
        AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: type[k.type] })),
        KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
        ...(billing.mode === 'on-demand'
          ? { BillingMode: 'PAY_PER_REQUEST' }
          : {
              BillingMode: 'PROVISIONED',
              ProvisionedThroughput: { ReadCapacityUnits: billing.readCapacity.min, WriteCapacityUnits: billing.writeCapacity.min },
            }),
        ...(options.awsOwnedKey?.includes(region) ? {} : { SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: keyAliasArn } }),
        DeletionProtectionEnabled: table.deletionProtection,
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        // A replica carries the tag too (CloudFormation tags every replica), but only its primary region's plan has
        // the value, so only the primary is selected.
        Tags: options.untagged ? [] : stackTags(table.tags, table.region),
      }),
    );
    if (table.recovery.pointInTimeRecovery && !options.pitrOff?.includes(region)) {
      await dynamodb.send(
        new UpdateContinuousBackupsCommand({
          TableName: table.tableName,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: table.recovery.restorableWindowDays },
        }),
      );
    }
  }
  await seedAlarms(endpoint, table.region, table.alarms, table.alarmTopicArn);
}
