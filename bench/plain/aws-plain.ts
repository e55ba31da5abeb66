#!/usr/bin/env node
/**
 * The benchmark's baseline: the same AWS resources as our app declares for a fleet, written by hand directly against
 * aws-cdk-lib (L2s where one maps to exactly our resource, L1s elsewhere), with no config schema, validation, plan,
 * policy rules or constructs of ours. It reads the raw environment files of DB_CONFIG_DIR (as written by
 * bench/fleet.ts) and knows the tier defaults itself, the way a hand-written app would hard-code them.
 *
 * Stacks and resources per type match ours (test/bench/plain-apps.test.ts checks it); property values follow a
 * representative template of ours (names, tags, thresholds, parameter values), not every derived detail.
 */
import { Annotations, App, Duration, Fn, RemovalPolicy, Stack, StackProps, Stage, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { readRawEnvironments, RawDatabase, RawEnvironment } from './raw-environments';

type Tier = 'development' | 'staging' | 'production';
const TIER = {
  development: { retention: 1, multiAz: false, protect: false, logDays: 7, piDays: 7, monitoring: 60, insights: 'standard', slowMs: 200, removal: RemovalPolicy.DESTROY },
  staging: { retention: 7, multiAz: true, protect: true, logDays: 30, piDays: 7, monitoring: 60, insights: 'standard', slowMs: 500, removal: RemovalPolicy.SNAPSHOT },
  production: { retention: 35, multiAz: true, protect: true, logDays: 365, piDays: 465, monitoring: 15, insights: 'advanced', slowMs: 1000, removal: RemovalPolicy.RETAIN },
} as const;
const MEMORY_GIB: Record<string, number> = { 'db.t4g.small': 2, 'db.t4g.medium': 4, 'db.m7g.large': 8, 'db.r7g.large': 16, 'db.r7g.xlarge': 32 };
const GIB = 1024 ** 3;

interface Region {
  readonly region: string;
  readonly network: { type: 'existing'; vpcId: string; availabilityZones: string[]; privateSubnetIds: string[] } | { type: 'isolated'; cidr: string; availabilityZones: string[] };
}

class Foundation extends Stack {
  readonly vpc: ec2.IVpc;
  readonly subnetIds: string[];
  readonly key: kms.Key;
  private readonly zones: string[];
  constructor(scope: Construct, id: string, props: StackProps & { env: { account: string; region: string }; envName: string; tier: Tier; region: Region; emails: string[]; backupPlan?: { copyTo?: string }; dynamodbAlarm: boolean }) {
    super(scope, id, props);
    const { envName, region, tier } = props;
    this.zones = region.network.availabilityZones;
    const removal = tier === 'development' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const net = region.network;
    this.vpc = net.type === 'existing'
      ? ec2.Vpc.fromVpcAttributes(this, 'Vpc', { vpcId: net.vpcId, availabilityZones: net.availabilityZones, privateSubnetIds: net.privateSubnetIds })
      : new ec2.Vpc(this, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(net.cidr), availabilityZones: net.availabilityZones, natGateways: 0, restrictDefaultSecurityGroup: true, subnetConfiguration: [{ name: 'databases', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }] });
    if (net.type === 'existing') Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'databases do not use subnet route tables');
    this.subnetIds = net.type === 'existing' ? net.privateSubnetIds : this.vpc.isolatedSubnets.map((subnet) => subnet.subnetId);
    this.key = new kms.Key(this, 'Key', { enableKeyRotation: true, alias: `alias/${envName}-databases`, description: `Encrypts databases, their backups, secrets and alarm notifications (alias/${envName}-databases)`, removalPolicy: removal, pendingWindow: Duration.days(30) });
    this.key.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AllowCloudWatchAlarmsToUseTheKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], resources: ['*'] }));
    this.key.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AllowCloudWatchLogsForRdsLogGroups', actions: ['kms:Decrypt*', 'kms:Describe*', 'kms:Encrypt*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'], principals: [new iam.ServicePrincipal(`logs.${region.region}.amazonaws.com`)], resources: ['*'], conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region.region}:${props.env.account}:log-group:/aws/rds/*` } } }));
    this.key.addToResourcePolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], principals: [new iam.ServicePrincipal('backup.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')], resources: ['*'] }));
    if (net.type === 'isolated') {
      const flowLogs = new logs.LogGroup(this, 'FlowLogs', { encryptionKey: this.key, retention: logs.RetentionDays.THREE_MONTHS, removalPolicy: removal });
      (this.vpc as ec2.Vpc).addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) });
    }
    const topic = new sns.Topic(this, 'AlarmTopic', { topicName: `${envName}-database-alarms`, displayName: `Database alarms (${envName}-database-alarms)`, masterKey: this.key, enforceSSL: true });
    topic.addToResourcePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], principals: [new iam.ServicePrincipal('backup.amazonaws.com'), new iam.ServicePrincipal('events.amazonaws.com')], resources: [topic.topicArn] }));
    for (const email of props.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
    const production = tier === 'production';
    const vault = new backup.BackupVault(this, 'BackupVault', {
      backupVaultName: `${envName}-databases`, encryptionKey: this.key, removalPolicy: removal,
      notificationTopic: topic, notificationEvents: [backup.BackupVaultEvents.COPY_JOB_FAILED],
      lockConfiguration: production ? { minRetention: Duration.days(35), maxRetention: Duration.days(365) } : undefined,
      blockRecoveryPointDeletion: production,
    });
    new events.CfnRule(this, 'FailedBackupJobs', {
      description: `Failed, aborted or expired backup jobs of vault ${envName}-databases`, state: 'ENABLED',
      eventPattern: { source: ['aws.backup'], 'detail-type': ['Backup Job State Change'], detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [`${envName}-databases`] } },
      targets: [{ arn: topic.topicArn, id: 'Target0' }],
    });
    if (props.backupPlan) {
      const planName = `${envName}-databases-${region.region}`;
      const copy = props.backupPlan.copyTo;
      const copyVault = copy && backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', `arn:aws:backup:${copy}:${props.env.account}:backup-vault:${envName}-databases`);
      const rules = production ? [['daily', 'cron(0 3 * * ? *)', 35], ['monthly', 'cron(0 4 1 * ? *)', 365]] as const : [['daily', 'cron(0 3 * * ? *)', 35]] as const;
      const plan = new backup.BackupPlan(this, 'Plan', {
        backupPlanName: planName, backupVault: vault,
        backupPlanRules: rules.map(([name, schedule, days]) => new backup.BackupPlanRule({ ruleName: name, scheduleExpression: events.Schedule.expression(schedule), deleteAfter: Duration.days(days), enableContinuousBackup: false, copyActions: copyVault ? [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(days) }] : undefined })),
      });
      const role = new iam.Role(this, 'BackupRole', { assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'), description: `AWS Backup for plan ${planName}`, managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'), iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForRestores')] });
      new backup.CfnBackupSelection(this, 'Selection', {
        backupPlanId: plan.backupPlanId,
        backupSelection: {
          selectionName: `${planName}-tagged`, iamRoleArn: role.roleArn,
          resources: [`arn:aws:rds:${region.region}:${props.env.account}:db:*`, `arn:aws:rds:${region.region}:${props.env.account}:cluster:*`, `arn:aws:dynamodb:${region.region}:${props.env.account}:table/*`],
          conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup-plan', ConditionValue: planName }] },
        },
      });
    }
    if (props.dynamodbAlarm) {
      new cloudwatch.Alarm(this, 'DynamodbUserErrors', {
        alarmName: `${envName}-dynamodb-user-errors`, alarmDescription: `[warning] DynamoDB in ${region.region} (all tables of the account): more than 10 client errors (HTTP 400) per 5 minutes for 15 minutes.`,
        metric: new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName: 'UserErrors', statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 10, evaluationPeriods: 3, comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction({ bind: () => ({ alarmActionArn: topic.topicArn }) });
    }
  }
  override get availabilityZones(): string[] {
    return this.zones;
  }
}

/** One alarm the way every hand-written stack would: literal name, metric, threshold, topic ARN. */
function alarm(scope: Construct, id: string, name: string, metric: cloudwatch.IMetric, threshold: number, comparison: cloudwatch.ComparisonOperator, periods: number, topicArn: string, missingOk = false) {
  const a = new cloudwatch.Alarm(scope, id, { alarmName: name, alarmDescription: `${name}: see the runbook`, metric, threshold, comparisonOperator: comparison, evaluationPeriods: periods, treatMissingData: missingOk ? cloudwatch.TreatMissingData.NOT_BREACHING : cloudwatch.TreatMissingData.MISSING });
  a.addAlarmAction({ bind: () => ({ alarmActionArn: topicArn }) });
  a.addOkAction({ bind: () => ({ alarmActionArn: topicArn }) });
  return a;
}

const GT = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
const LT = cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;

interface InstanceSpec {
  readonly identifier: string;
  readonly engine: 'postgres' | 'mysql';
  readonly instanceClass: string;
  readonly storage: number;
  readonly replicaOf?: string;
  readonly availabilityZone?: string;
}

/** Parameter group, security group, log groups, option group (MySQL), subnet group, monitoring role, instance, alarms. */
function rdsInstance(scope: Construct, prefix: string, db: RawDatabase, spec: InstanceSpec, ctx: { tier: Tier; vpc: ec2.IVpc; subnetIds: string[]; key: kms.IKey; region: string; account: string; envName: string }) {
  const t = TIER[ctx.tier];
  const keyAliasArn = `arn:aws:kms:${ctx.region}:${ctx.account}:alias/${ctx.envName}-databases`;
  const topicArn = `arn:aws:sns:${ctx.region}:${ctx.account}:${ctx.envName}-database-alarms`;
  const postgres = spec.engine === 'postgres';
  const replica = spec.replicaOf !== undefined;
  const retained = ctx.tier !== 'development';
  const keep = <T extends { applyRemovalPolicy(p: RemovalPolicy): void }>(r: T) => (r.applyRemovalPolicy(retained ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY), r);
  const parameters = keep(new rds.CfnDBParameterGroup(scope, `${prefix}Parameters`, {
    description: `${spec.identifier} (${postgres ? 'postgres17' : 'mysql8.4'})`, family: postgres ? 'postgres17' : 'mysql8.4',
    parameters: postgres
      ? { shared_buffers: '{DBInstanceClassMemory/32768}', effective_cache_size: '{DBInstanceClassMemory*7/81920}', maintenance_work_mem: 'LEAST({DBInstanceClassMemory/16384},2097152)', random_page_cost: '1.1', log_min_duration_statement: String(t.slowMs), log_lock_waits: '1', effective_io_concurrency: '200', idle_in_transaction_session_timeout: '600000', tcp_keepalives_idle: '300', autovacuum_vacuum_scale_factor: '0.05', autovacuum_vacuum_insert_scale_factor: '0.05', autovacuum_analyze_scale_factor: '0.02', log_autovacuum_min_duration: '10000', log_temp_files: '65536', 'rds.force_ssl': '1', shared_preload_libraries: 'pg_stat_statements,pgaudit', 'pgaudit.log': 'ddl,role', 'pgaudit.role': 'rds_pgaudit' }
      : { innodb_buffer_pool_size: '{DBInstanceClassMemory*3/4}', innodb_io_capacity: '2000', innodb_io_capacity_max: '4000', innodb_print_all_deadlocks: '1', slow_query_log: '1', long_query_time: String(t.slowMs / 1000), log_output: 'FILE', wait_timeout: '3600', interactive_timeout: '3600', require_secure_transport: '1' },
  }));
  const port = postgres ? 5432 : 3306;
  const sg = new ec2.SecurityGroup(scope, `${prefix}SecurityGroup`, { vpc: ctx.vpc, description: `Clients of ${spec.identifier}`, allowAllOutbound: false });
  for (const cidr of db.allowedCidrs as string[]) sg.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `${postgres ? 'PostgreSQL' : 'MySQL'} clients in ${cidr}`);
  const logTypes = postgres ? ['postgresql', 'upgrade'] : ['error', 'slowquery', 'audit'];
  const logGroups = logTypes.map((type) => new logs.LogGroup(scope, `${prefix}Logs${type}`, { logGroupName: `/aws/rds/instance/${spec.identifier}/${type}`, retention: t.logDays as logs.RetentionDays, encryptionKey: ctx.key, removalPolicy: retained ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY }));
  const options = !postgres && !replica ? keep(new rds.CfnOptionGroup(scope, `${prefix}Options`, { engineName: 'mysql', majorEngineVersion: '8.4', optionGroupDescription: `${spec.identifier} options`, optionConfigurations: [{ optionName: 'MARIADB_AUDIT_PLUGIN', optionSettings: [{ name: 'SERVER_AUDIT_EVENTS', value: 'CONNECT,QUERY_DDL,QUERY_DCL' }] }] })) : undefined;
  const subnets = keep(new rds.CfnDBSubnetGroup(scope, `${prefix}SubnetGroup`, { dbSubnetGroupDescription: 'Subnet group for Instance database', subnetIds: ctx.subnetIds }));
  const role = new iam.Role(scope, `${prefix}MonitoringRole`, { assumedBy: new iam.ServicePrincipal('monitoring.rds.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonRDSEnhancedMonitoringRole')] });
  const instance = new rds.CfnDBInstance(scope, `${prefix}Instance`, {
    dbInstanceIdentifier: spec.identifier, dbInstanceClass: spec.instanceClass, engine: replica ? undefined : spec.engine, engineVersion: replica ? undefined : postgres ? '17.6' : '8.4.6',
    allocatedStorage: replica ? undefined : String(spec.storage), maxAllocatedStorage: replica ? undefined : (db.maxAllocatedStorageGiB as number | undefined), storageType: 'gp3',
    storageEncrypted: replica ? undefined : true, kmsKeyId: replica ? undefined : keyAliasArn,
    sourceDbInstanceIdentifier: spec.replicaOf, availabilityZone: spec.availabilityZone,
    dbName: replica ? undefined : (db.databaseName as string), masterUsername: replica ? undefined : 'dbadmin', manageMasterUserPassword: replica ? undefined : true, masterUserSecret: replica ? undefined : { kmsKeyId: keyAliasArn },
    licenseModel: replica ? undefined : postgres ? 'postgresql-license' : 'general-public-license',
    port: String(port), multiAz: replica ? false : t.multiAz, deletionProtection: t.protect, publiclyAccessible: false, copyTagsToSnapshot: true,
    backupRetentionPeriod: replica ? undefined : t.retention, deleteAutomatedBackups: replica ? undefined : ctx.tier === 'development',
    preferredBackupWindow: replica ? undefined : '02:00-03:00', preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
    allowMajorVersionUpgrade: replica ? undefined : true, autoMinorVersionUpgrade: true, caCertificateIdentifier: 'rds-ca-rsa2048-g1',
    enableIamDatabaseAuthentication: true, enableCloudwatchLogsExports: logTypes, enablePerformanceInsights: true, performanceInsightsKmsKeyId: keyAliasArn,
    performanceInsightsRetentionPeriod: t.piDays, databaseInsightsMode: t.insights, monitoringInterval: t.monitoring, monitoringRoleArn: role.roleArn,
    dbParameterGroupName: parameters.ref, dbSubnetGroupName: subnets.ref, optionGroupName: options?.ref, vpcSecurityGroups: [sg.securityGroupId],
  });
  instance.applyRemovalPolicy(retained ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
  for (const group of logGroups) { subnets.node.addDependency(group); instance.node.addDependency(group); }

  const memory = MEMORY_GIB[spec.instanceClass] * GIB;
  const storage = spec.storage * GIB;
  const maxConnections = postgres ? Math.min(5000, Math.round(memory / 9531392)) : Math.round(memory / 12582880);
  const m = (metricName: string, statistic: string, namespace = 'AWS/RDS') => new cloudwatch.Metric({ namespace, metricName, statistic, period: Duration.minutes(5), dimensionsMap: { DBInstanceIdentifier: spec.identifier } });
  const n = spec.identifier;
  alarm(scope, `${prefix}AlarmCpuWarning`, `${n}-cpu-warning`, m('CPUUtilization', 'Average'), 80, GT, 3, topicArn);
  alarm(scope, `${prefix}AlarmCpuCritical`, `${n}-cpu-critical`, m('CPUUtilization', 'Average'), 90, GT, 3, topicArn);
  alarm(scope, `${prefix}AlarmMemoryWarning`, `${n}-memory-warning`, m('FreeableMemory', 'Average'), Math.floor(memory * 0.2), LT, 3, topicArn);
  alarm(scope, `${prefix}AlarmMemoryCritical`, `${n}-memory-critical`, m('FreeableMemory', 'Average'), Math.floor(memory * 0.1), LT, 3, topicArn);
  alarm(scope, `${prefix}AlarmStorageWarning`, `${n}-storage-warning`, m('FreeStorageSpace', 'Minimum'), Math.floor(storage * 0.3), LT, 1, topicArn);
  alarm(scope, `${prefix}AlarmStorageCritical`, `${n}-storage-critical`, m('FreeStorageSpace', 'Minimum'), Math.floor(storage * 0.15), LT, 1, topicArn);
  alarm(scope, `${prefix}AlarmConnectionsWarning`, `${n}-connections-warning`, m('DatabaseConnections', 'Maximum'), Math.floor(maxConnections * 0.8), GT, 3, topicArn);
  alarm(scope, `${prefix}AlarmConnectionsCritical`, `${n}-connections-critical`, m('DatabaseConnections', 'Maximum'), Math.floor(maxConnections * 0.9), GT, 3, topicArn);
  if (replica) {
    alarm(scope, `${prefix}AlarmReplicaLagWarning`, `${n}-replica-lag-warning`, m('ReplicaLag', 'Maximum'), 30, GT, 5, topicArn);
    alarm(scope, `${prefix}AlarmReplicaLagCritical`, `${n}-replica-lag-critical`, m('ReplicaLag', 'Maximum'), 300, GT, 5, topicArn);
  }
  alarm(scope, `${prefix}AlarmReadLatency`, `${n}-read-latency-warning`, m('ReadLatency', 'Average'), 0.02, GT, 3, topicArn);
  alarm(scope, `${prefix}AlarmWriteLatency`, `${n}-write-latency-warning`, m('WriteLatency', 'Average'), 0.02, GT, 3, topicArn);
  alarm(scope, `${prefix}AlarmDiskQueue`, `${n}-disk-queue-warning`, m('DiskQueueDepth', 'Average'), 20, GT, 3, topicArn);
  if (spec.instanceClass.startsWith('db.t')) alarm(scope, `${prefix}AlarmCpuCredits`, `${n}-cpu-credits-warning`, m('CPUCreditBalance', 'Minimum'), 115, LT, 3, topicArn);
  if (postgres && !replica) {
    new logs.MetricFilter(scope, `${prefix}DeadlocksFilter`, { logGroup: logGroups[0], filterPattern: logs.FilterPattern.literal('"deadlock detected"'), metricNamespace: 'Databases/RDS', metricName: 'Deadlocks', metricValue: '1', dimensions: { DBInstanceIdentifier: n }, unit: cloudwatch.Unit.COUNT });
    alarm(scope, `${prefix}AlarmDeadlocks`, `${n}-deadlocks-warning`, m('Deadlocks', 'Sum', 'Databases/RDS'), 0, GT, 1, topicArn, true);
  }
  return instance;
}

/** A global table with its alarms and its own dashboard of them. */
function dynamodbTable(scope: Construct, db: RawDatabase, ctx: { tier: Tier; region: string; account: string; envName: string }) {
  const name = `${ctx.envName}-${db.name}`;
  const topicArn = `arn:aws:sns:${ctx.region}:${ctx.account}:${ctx.envName}-database-alarms`;
  const replicaRegions = (db.replicaRegions as string[] | undefined) ?? [];
  const pk = db.partitionKey as { name: string };
  const sk = db.sortKey as { name: string } | undefined;
  const table = new dynamodb.TableV2(scope, 'Table', {
    tableName: name, partitionKey: { name: pk.name, type: dynamodb.AttributeType.STRING }, sortKey: sk && { name: sk.name, type: dynamodb.AttributeType.NUMBER },
    billing: dynamodb.Billing.onDemand(), timeToLiveAttribute: db.timeToLiveAttribute as string | undefined,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 }, deletionProtection: ctx.tier !== 'development', contributorInsightsSpecification: { enabled: ctx.tier !== 'development' },
    encryption: dynamodb.TableEncryptionV2.customerManagedKey(kms.Key.fromKeyArn(scope, 'Key', `arn:aws:kms:${ctx.region}:${ctx.account}:alias/${ctx.envName}-databases`), Object.fromEntries(replicaRegions.map((r) => [r, `arn:aws:kms:${r}:${ctx.account}:alias/${ctx.envName}-databases`]))),
    replicas: replicaRegions.map((region) => ({ region })),
    removalPolicy: ctx.tier === 'development' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  const sum = (metricName: string, operation?: string) => new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, statistic: 'Sum', period: Duration.minutes(5), dimensionsMap: { TableName: name, ...(operation ? { Operation: operation } : {}) } });
  const ops = (metricName: string, statistic: string, operations: string[]) => Object.fromEntries(operations.map((op, i) => [`m${i}`, new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, statistic, period: Duration.minutes(5), dimensionsMap: { TableName: name, Operation: op } })]));
  const alarms = [
    alarm(scope, 'ReadThrottles', `${name}-read-throttles`, sum('ReadThrottleEvents'), 0, GT, 2, topicArn, true),
    alarm(scope, 'WriteThrottles', `${name}-write-throttles`, sum('WriteThrottleEvents'), 0, GT, 2, topicArn, true),
    alarm(scope, 'SystemErrors', `${name}-system-errors`, new cloudwatch.MathExpression({ expression: 'SUM([m0, m1, m2, m3, m4, m5, m6, m7, m8])', usingMetrics: ops('SystemErrors', 'Sum', ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']), period: Duration.minutes(5) }), 0, GT, 3, topicArn, true),
    alarm(scope, 'LatencyP99', `${name}-latency-p99`, new cloudwatch.MathExpression({ expression: 'MAX([m0, m1, m2, m3])', usingMetrics: ops('SuccessfulRequestLatency', 'p99', ['GetItem', 'Query', 'PutItem', 'UpdateItem']), period: Duration.minutes(5) }), 100, GT, 3, topicArn, true),
    ...replicaRegions.map((r) => alarm(scope, `ReplicationLatency${r}`, `${name}-replication-latency-${r}`, new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName: 'ReplicationLatency', statistic: 'Average', period: Duration.minutes(5), dimensionsMap: { TableName: name, ReceivingRegion: r } }), 30000, GT, 3, topicArn, true)),
  ];
  new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName: `dynamodb-${name}`, widgets: [alarms.map((a) => new cloudwatch.AlarmWidget({ alarm: a, title: a.alarmName, width: 12 }))] });
  return table;
}

class EnvironmentStage extends Stage {
  constructor(scope: Construct, env: RawEnvironment) {
    super(scope, env.name);
    const aws = env.config.aws as { account: string; primaryRegion: string; regions: Record<string, { network: Region['network'] }>; notifications: { emails: string[] }; backup?: { copyRegions?: Record<string, string> } };
    const tier = env.config.tier as Tier;
    const envName = env.name;
    const databases = env.config.databases as RawDatabase[];
    const regionNames = Object.keys(aws.regions);
    const stackEnv = (region: string) => ({ account: aws.account, region });
    const awsDatabases = databases.filter((db) => db.kind !== 'cloudsql-instance');
    const foundations = new Map<string, Foundation>();
    for (const region of regionNames) {
      const hasMembers = awsDatabases.some((db) => (db.region ?? aws.primaryRegion) === region);
      foundations.set(region, new Foundation(this, `foundation-${region}`, {
        stackName: `${envName}-foundation-${region}`, env: stackEnv(region), terminationProtection: tier === 'production', envName, tier,
        region: { region, network: aws.regions[region].network }, emails: aws.notifications.emails,
        backupPlan: tier !== 'development' && hasMembers ? { copyTo: tier === 'production' ? aws.backup?.copyRegions?.[region] ?? regionNames.find((r) => r !== region) : undefined } : undefined,
        dynamodbAlarm: databases.some((db) => db.kind === 'dynamodb-table' && ((db.region ?? aws.primaryRegion) === region || ((db.replicaRegions as string[] | undefined) ?? []).includes(region))),
      }));
    }
    const dashboardLines = new Map<string, Array<{ identifier: string; metrics: string[] }>>();
    const line = (region: string, identifier: string, instanceClass: string, engine: string, replica: boolean) => {
      const metrics = ['CPUUtilization', 'FreeableMemory', 'FreeStorageSpace', 'DatabaseConnections', ...(replica ? ['ReplicaLag'] : []), 'ReadLatency', 'WriteLatency', 'DiskQueueDepth', ...(instanceClass.startsWith('db.t') ? ['CPUCreditBalance'] : []), ...(engine === 'postgres' && !replica ? ['Deadlocks'] : [])];
      dashboardLines.set(region, [...(dashboardLines.get(region) ?? []), { identifier, metrics }]);
    };
    const tagged = (stack: Stack) => { if (tier !== 'development') Tags.of(stack).add('backup-plan', `${envName}-databases-${aws.primaryRegion}`); return stack; };
    for (const db of databases) {
      const region = (db.region as string | undefined) ?? aws.primaryRegion;
      if (db.kind === 'rds-instance') {
        const foundation = foundations.get(region)!;
        const stack = tagged(new Stack(this, `rds-${db.name}`, { stackName: `${envName}-rds-${db.name}`, env: stackEnv(region), terminationProtection: tier === 'production' }));
        stack.addStackDependency(foundation);
        const identifier = `${envName}-${db.name}`;
        const ctx = { tier, vpc: foundation.vpc, subnetIds: foundation.subnetIds, key: foundation.key, region, account: aws.account, envName };
        const spec = { identifier, engine: db.engine as 'postgres' | 'mysql', instanceClass: db.instanceClass as string, storage: db.allocatedStorageGiB as number };
        const primary = rdsInstance(stack, '', db, spec, ctx);
        line(region, identifier, spec.instanceClass, spec.engine, false);
        const zones = aws.regions[region].network.availabilityZones;
        ((db.replicas as Array<{ region: string }> | undefined) ?? []).forEach((replica, index) => {
          const replicaId = `${identifier}-replica-${index + 1}`;
          const sourceArn = Fn.join('', [`arn:aws:rds:${region}:${aws.account}:db:`, primary.ref]);
          line(replica.region, replicaId, spec.instanceClass, spec.engine, true);
          if (replica.region === region) {
            rdsInstance(stack, `Replica${index + 1}`, db, { ...spec, identifier: replicaId, replicaOf: sourceArn, availabilityZone: zones[(index + 1) % zones.length] }, ctx);
            return;
          }
          const replicaFoundation = foundations.get(replica.region)!;
          const replicaStack = new Stack(this, `rds-${db.name}-replica-${index + 1}`, { stackName: `${envName}-rds-${db.name}-replica-${index + 1}`, env: stackEnv(replica.region), terminationProtection: tier === 'production' });
          replicaStack.addStackDependency(stack);
          replicaStack.addStackDependency(replicaFoundation);
          rdsInstance(replicaStack, 'Replica', db, { ...spec, identifier: replicaId, replicaOf: `arn:aws:rds:${region}:${aws.account}:db:${identifier}` }, { ...ctx, region: replica.region, vpc: replicaFoundation.vpc, subnetIds: replicaFoundation.subnetIds, key: replicaFoundation.key });
        });
      } else if (db.kind === 'dynamodb-table') {
        const stack = tagged(new Stack(this, `dynamodb-${db.name}`, { stackName: `${envName}-dynamodb-${db.name}`, env: stackEnv(region), terminationProtection: tier === 'production' }));
        for (const r of [region, ...((db.replicaRegions as string[] | undefined) ?? [])]) stack.addStackDependency(foundations.get(r)!);
        dynamodbTable(stack, db, { tier, region, account: aws.account, envName });
      }
    }
    // A dashboard per region, split every 100 instances (CloudFormation and CloudWatch limits; ours does the same).
    for (const region of regionNames) {
      const all = dashboardLines.get(region) ?? [];
      for (let part = 0; part * 100 < all.length; part++) {
        const lines = all.slice(part * 100, (part + 1) * 100);
        const suffix = part === 0 ? '' : `-${part + 1}`;
        const stack = new Stack(this, `dashboard-${region}${suffix}`, { stackName: `${envName}-dashboard-${region}${suffix}`, env: stackEnv(region) });
        const metrics = [...new Set(lines.flatMap((l) => l.metrics))];
        const widgets = metrics.map((metricName) => new cloudwatch.GraphWidget({
          title: metricName, width: 12,
          left: lines.filter((l) => l.metrics.includes(metricName)).map((l) => new cloudwatch.Metric({ namespace: metricName === 'Deadlocks' ? 'Databases/RDS' : 'AWS/RDS', metricName, dimensionsMap: { DBInstanceIdentifier: l.identifier }, period: Duration.minutes(5), label: l.identifier })),
        }));
        const rows: cloudwatch.IWidget[][] = [];
        for (let i = 0; i < widgets.length; i += 2) rows.push(widgets.slice(i, i + 2));
        new cloudwatch.Dashboard(stack, 'Dashboard', { dashboardName: `${envName}-databases-${region}${suffix}`, widgets: rows });
      }
    }
    for (const [key, value] of Object.entries((env.config.tags as Record<string, string> | undefined) ?? {})) Tags.of(this).add(key, value);
  }
}

/** Adds a Stage per environment with an `aws` section (like our app). */
export function addPlainAwsEnvironments(app: App, environments: readonly RawEnvironment[]): void {
  for (const env of environments) if (env.config.aws) new EnvironmentStage(app, env);
}

if (require.main === module) {
  const app = new App();
  addPlainAwsEnvironments(app, readRawEnvironments());
  app.synth();
}
