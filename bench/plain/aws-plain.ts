#!/usr/bin/env node
/**
 * The benchmark's baseline: the same AWS resources as our app declares for a fleet, written by hand directly against
 * aws-cdk-lib's L2s (L1s only where aws-cdk-lib has no L2: the Aurora global cluster, the backup selection with
 * conditions, ElastiCache's subnet group, parameter group, replication group and global replication group), with no config schema, validation, plan, policy rules or constructs of ours. It reads the raw
 * environment files of DB_CONFIG_DIR (as written by bench/fleet.ts) and knows the tier defaults, alarm thresholds,
 * alarm descriptions and parameter values itself, the way a hand-written app would hard-code them.
 *
 * test/bench/plain-apps.integration.test.ts checks that both apps synthesize the same stacks with the same resources per type and
 * templates of about the same size: the same property values, alarm descriptions, dependencies and stack
 * descriptions, so aws-cdk-lib's template validation (whose cost grows with template bytes) costs both the same.
 * Only what the fleet uses is covered: PostgreSQL and MySQL RDS instances, provisioned Aurora PostgreSQL, on-demand
 * DynamoDB tables, ElastiCache Valkey replication groups (cluster mode off; in prod a Global Datastore).
 */
import { Annotations, App, Duration, RemovalPolicy, Stack, StackProps, Stage, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { readRawEnvironments, RawDatabase, RawEnvironment } from './raw-environments';

type Tier = 'development' | 'staging' | 'production';
const TIER = {
  development: {
    retention: 1,
    multiAz: false,
    protect: false,
    logDays: 7,
    piDays: 7,
    monitoring: 60,
    insights: rds.DatabaseInsightsMode.STANDARD,
    slowMs: 200,
    removal: RemovalPolicy.DESTROY,
  },
  staging: {
    retention: 7,
    multiAz: true,
    protect: true,
    logDays: 30,
    piDays: 7,
    monitoring: 60,
    insights: rds.DatabaseInsightsMode.STANDARD,
    slowMs: 500,
    removal: RemovalPolicy.SNAPSHOT,
  },
  production: {
    retention: 35,
    multiAz: true,
    protect: true,
    logDays: 365,
    piDays: 465,
    monitoring: 15,
    insights: rds.DatabaseInsightsMode.ADVANCED,
    slowMs: 1000,
    removal: RemovalPolicy.RETAIN,
  },
} as const;
/** Memory of the classes the fleet uses; burstable classes earn CPU credits per hour. */
const CLASSES: Record<string, { memoryGiB: number; creditsPerHour?: number }> = {
  'db.t4g.small': { memoryGiB: 2, creditsPerHour: 24 },
  'db.t4g.medium': { memoryGiB: 4, creditsPerHour: 24 },
  'db.m7g.large': { memoryGiB: 8 },
  'db.r7g.large': { memoryGiB: 16 },
  'db.r7g.xlarge': { memoryGiB: 32 },
};
const GIB = 1024 ** 3;
const TIB = 1024 ** 4;
const BACKUP_WINDOW = '02:00-03:00';
const MAINTENANCE_WINDOW = 'sun:04:00-sun:05:00';
/** Stateful helpers (parameter and option groups, logs) stay as long as a database that is not destroyed. */
const keep = (removal: RemovalPolicy) => (removal === RemovalPolicy.DESTROY ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);

const AUTOVACUUM = {
  autovacuum_vacuum_scale_factor: '0.05',
  autovacuum_vacuum_insert_scale_factor: '0.05',
  autovacuum_analyze_scale_factor: '0.02',
  log_autovacuum_min_duration: '10000',
};
/** PostgreSQL tuning; Aurora sizes shared_buffers, effective_cache_size and I/O itself, so its instances skip those. */
const postgresTuning = (slowMs: number, aurora = false): Record<string, string> => ({
  ...(aurora ? {} : { shared_buffers: '{DBInstanceClassMemory/32768}', effective_cache_size: '{DBInstanceClassMemory*7/81920}' }),
  maintenance_work_mem: 'LEAST({DBInstanceClassMemory/16384},2097152)',
  random_page_cost: '1.1',
  log_min_duration_statement: String(slowMs),
  log_lock_waits: '1',
  ...(aurora ? {} : { effective_io_concurrency: '200' }),
  idle_in_transaction_session_timeout: '600000',
  tcp_keepalives_idle: '300',
  // Aurora takes autovacuum settings at the cluster level only (its cluster parameter group, below).
  ...(aurora ? {} : AUTOVACUUM),
  log_temp_files: '65536',
});
/** TLS only and audit logging (on Aurora, in the cluster parameter group). */
const POSTGRES_TLS_AUDIT = {
  'rds.force_ssl': '1',
  shared_preload_libraries: 'pg_stat_statements,pgaudit',
  'pgaudit.log': 'ddl,role',
  'pgaudit.role': 'rds_pgaudit',
};
const mysqlParameters = (slowMs: number): Record<string, string> => ({
  innodb_buffer_pool_size: '{DBInstanceClassMemory*3/4}',
  innodb_io_capacity: '2000',
  innodb_io_capacity_max: '4000',
  innodb_print_all_deadlocks: '1',
  slow_query_log: '1',
  long_query_time: String(slowMs / 1000),
  log_output: 'FILE',
  wait_timeout: '3600',
  interactive_timeout: '3600',
  require_secure_transport: '1',
});

/**
 * The alarms of RDS instances, Aurora instances and Aurora clusters: one row each, with the instances it applies to,
 * its threshold and the sentence its description says. Severity is the id's suffix.
 */
type Role = 'primary' | 'replica' | 'writer' | 'reader' | 'cluster' | 'secondary';
interface Facts {
  readonly memoryGiB: number;
  readonly storageGiB: number;
  readonly maxConnections: number;
  readonly postgres: boolean;
  readonly creditsPerHour?: number;
}
interface AlarmRow {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly metric: string;
  readonly statistic: string;
  readonly threshold: (f: Facts) => number | undefined;
  readonly says: (threshold: number, f: Facts) => string;
  readonly runbook: string;
  readonly lessThan?: boolean;
  /** Seconds. @default 300 */
  readonly period?: number;
  readonly periods: number;
  /** A metric derived from the PostgreSQL log by a metric filter. */
  readonly fromLog?: boolean;
}
const INSTANCES: Role[] = ['primary', 'replica', 'writer', 'reader'];
const RDS_INSTANCES: Role[] = ['primary', 'replica'];
const AURORA_INSTANCES: Role[] = ['writer', 'reader'];
const RUNBOOK = {
  cpu: 'Look for long-running or new queries (Performance Insights) before resizing.',
  memory: 'Check connection count and per-connection memory (work_mem, sort buffers); the class may be too small.',
  storage: 'Check table, index and log growth; raise the storage (or its autoscaling limit) before it runs out.',
  connections: 'Look for connection leaks or a missing pool; consider RDS Proxy before raising the limit.',
  replicaLag: 'Check the source for long transactions or write bursts and the replica for CPU or I/O saturation.',
  latency: 'Compare IOPS and throughput with the gp3 provisioned values; raise them or reduce I/O (indexes, caching).',
  diskQueue: 'The storage cannot keep up: check IOPS against the provisioned gp3 IOPS.',
  cpuCredits: 'A burstable class is using more CPU than it earns: move to a non-burstable class.',
  deadlocks: 'Read the postgresql log around the alarm: it names both statements; make them take locks in the same order.',
  auroraLag: "Readers replay the writer's changes from shared storage: look for a write burst on the writer or a saturated reader.",
  globalLag: 'Check the primary for write bursts and AuroraGlobalDBProgressLag; a lasting lag is data lost on a regional failover.',
  localStorage: 'Large sorts or temporary tables spill to local storage: find them (Performance Insights) or move to a larger class.',
  volume: 'Find the growing tables; archive or drop data, the volume cannot grow beyond 128 TiB.',
};
const gib = (bytes: number) => `${(bytes / GIB).toFixed(1)} GiB`;
const ofMemory = (percent: number) => (f: Facts) => Math.floor((f.memoryGiB * GIB * percent) / 100);
const ofStorage = (percent: number) => (f: Facts) => Math.floor((f.storageGiB * GIB * percent) / 100);
const ofConnections = (percent: number) => (f: Facts) => Math.floor((f.maxConnections * percent) / 100);
const ofLocalStorage = (percent: number) => (f: Facts) => Math.floor((f.memoryGiB * 2 * GIB * percent) / 100);
const ofVolume = (percent: number) => () => Math.floor((128 * TIB * percent) / 100);
const ALARMS: readonly AlarmRow[] = [
  {
    id: 'cpu-warning',
    roles: INSTANCES,
    metric: 'CPUUtilization',
    statistic: 'Average',
    periods: 3,
    threshold: () => 80,
    says: (t) => `CPU above ${t}%`,
    runbook: RUNBOOK.cpu,
  },
  {
    id: 'cpu-critical',
    roles: INSTANCES,
    metric: 'CPUUtilization',
    statistic: 'Average',
    periods: 3,
    threshold: () => 90,
    says: (t) => `CPU above ${t}%`,
    runbook: RUNBOOK.cpu,
  },
  {
    id: 'memory-warning',
    roles: INSTANCES,
    metric: 'FreeableMemory',
    statistic: 'Average',
    lessThan: true,
    periods: 3,
    threshold: ofMemory(20),
    says: (t, f) => `freeable memory below ${gib(t)} (20% of ${f.memoryGiB} GiB)`,
    runbook: RUNBOOK.memory,
  },
  {
    id: 'memory-critical',
    roles: INSTANCES,
    metric: 'FreeableMemory',
    statistic: 'Average',
    lessThan: true,
    periods: 3,
    threshold: ofMemory(10),
    says: (t, f) => `freeable memory below ${gib(t)} (10% of ${f.memoryGiB} GiB)`,
    runbook: RUNBOOK.memory,
  },
  {
    id: 'storage-warning',
    roles: RDS_INSTANCES,
    metric: 'FreeStorageSpace',
    statistic: 'Minimum',
    lessThan: true,
    periods: 1,
    threshold: ofStorage(30),
    says: (t, f) => `free storage below ${gib(t)} (30% of ${f.storageGiB} GiB)`,
    runbook: RUNBOOK.storage,
  },
  {
    id: 'storage-critical',
    roles: RDS_INSTANCES,
    metric: 'FreeStorageSpace',
    statistic: 'Minimum',
    lessThan: true,
    periods: 1,
    threshold: ofStorage(15),
    says: (t, f) => `free storage below ${gib(t)} (15% of ${f.storageGiB} GiB)`,
    runbook: RUNBOOK.storage,
  },
  {
    id: 'connections-warning',
    roles: INSTANCES,
    metric: 'DatabaseConnections',
    statistic: 'Maximum',
    periods: 3,
    threshold: ofConnections(80),
    says: (t, f) => `more than ${t} connections (80% of ${f.maxConnections})`,
    runbook: RUNBOOK.connections,
  },
  {
    id: 'connections-critical',
    roles: INSTANCES,
    metric: 'DatabaseConnections',
    statistic: 'Maximum',
    periods: 3,
    threshold: ofConnections(90),
    says: (t, f) => `more than ${t} connections (90% of ${f.maxConnections})`,
    runbook: RUNBOOK.connections,
  },
  {
    id: 'replica-lag-warning',
    roles: ['replica'],
    metric: 'ReplicaLag',
    statistic: 'Maximum',
    period: 60,
    periods: 5,
    threshold: () => 30,
    says: (t) => `replica more than ${t} s behind its source`,
    runbook: RUNBOOK.replicaLag,
  },
  {
    id: 'replica-lag-critical',
    roles: ['replica'],
    metric: 'ReplicaLag',
    statistic: 'Maximum',
    period: 60,
    periods: 5,
    threshold: () => 300,
    says: (t) => `replica more than ${t} s behind its source`,
    runbook: RUNBOOK.replicaLag,
  },
  {
    id: 'read-latency-warning',
    roles: INSTANCES,
    metric: 'ReadLatency',
    statistic: 'Average',
    periods: 3,
    threshold: () => 0.02,
    says: () => 'read latency above 20 ms',
    runbook: RUNBOOK.latency,
  },
  {
    id: 'write-latency-warning',
    roles: ['primary', 'replica', 'writer'],
    metric: 'WriteLatency',
    statistic: 'Average',
    periods: 3,
    threshold: () => 0.02,
    says: () => 'write latency above 20 ms',
    runbook: RUNBOOK.latency,
  },
  {
    id: 'disk-queue-warning',
    roles: RDS_INSTANCES,
    metric: 'DiskQueueDepth',
    statistic: 'Average',
    periods: 3,
    threshold: () => 20,
    says: (t) => `more than ${t} I/O requests waiting`,
    runbook: RUNBOOK.diskQueue,
  },
  {
    id: 'cpu-credits-warning',
    roles: RDS_INSTANCES,
    metric: 'CPUCreditBalance',
    statistic: 'Minimum',
    lessThan: true,
    periods: 3,
    threshold: (f) => f.creditsPerHour && Math.floor(f.creditsPerHour * 24 * 0.2),
    says: (t) => `CPU credit balance below ${t}`,
    runbook: RUNBOOK.cpuCredits,
  },
  {
    id: 'deadlocks-warning',
    roles: ['primary', 'cluster'],
    metric: 'Deadlocks',
    statistic: 'Sum',
    periods: 1,
    fromLog: true,
    threshold: (f) => (f.postgres ? 0 : undefined),
    says: () => 'a deadlock was detected',
    runbook: RUNBOOK.deadlocks,
  },
  {
    id: 'aurora-replica-lag-warning',
    roles: ['reader'],
    metric: 'AuroraReplicaLag',
    statistic: 'Maximum',
    period: 60,
    periods: 5,
    threshold: () => 2000,
    says: (t) => `reader more than ${t} ms behind the writer`,
    runbook: RUNBOOK.auroraLag,
  },
  {
    id: 'aurora-replica-lag-critical',
    roles: ['reader'],
    metric: 'AuroraReplicaLag',
    statistic: 'Maximum',
    period: 60,
    periods: 5,
    threshold: () => 30000,
    says: (t) => `reader more than ${t} ms behind the writer`,
    runbook: RUNBOOK.auroraLag,
  },
  {
    id: 'global-replication-lag-warning',
    roles: ['secondary'],
    metric: 'AuroraGlobalDBReplicationLag',
    statistic: 'Maximum',
    period: 60,
    periods: 5,
    threshold: () => 5000,
    says: (t) => `secondary region more than ${t / 1000} s behind the primary (the RPO of a cross-region failover)`,
    runbook: RUNBOOK.globalLag,
  },
  {
    id: 'global-replication-lag-critical',
    roles: ['secondary'],
    metric: 'AuroraGlobalDBReplicationLag',
    statistic: 'Maximum',
    period: 60,
    periods: 5,
    threshold: () => 60000,
    says: (t) => `secondary region more than ${t / 1000} s behind the primary (the RPO of a cross-region failover)`,
    runbook: RUNBOOK.globalLag,
  },
  {
    id: 'local-storage-warning',
    roles: AURORA_INSTANCES,
    metric: 'FreeLocalStorage',
    statistic: 'Minimum',
    lessThan: true,
    periods: 1,
    threshold: ofLocalStorage(30),
    says: (t, f) => `free local storage below ${gib(t)} (30% of about ${f.memoryGiB * 2} GiB)`,
    runbook: RUNBOOK.localStorage,
  },
  {
    id: 'local-storage-critical',
    roles: AURORA_INSTANCES,
    metric: 'FreeLocalStorage',
    statistic: 'Minimum',
    lessThan: true,
    periods: 1,
    threshold: ofLocalStorage(15),
    says: (t, f) => `free local storage below ${gib(t)} (15% of about ${f.memoryGiB * 2} GiB)`,
    runbook: RUNBOOK.localStorage,
  },
  {
    id: 'volume-warning',
    roles: ['cluster'],
    metric: 'VolumeBytesUsed',
    statistic: 'Maximum',
    period: 3600,
    periods: 1,
    threshold: ofVolume(80),
    says: (t) => `cluster volume above ${(t / TIB).toFixed(1)} TiB (80% of the 128 TiB limit)`,
    runbook: RUNBOOK.volume,
  },
  {
    id: 'volume-critical',
    roles: ['cluster'],
    metric: 'VolumeBytesUsed',
    statistic: 'Maximum',
    period: 3600,
    periods: 1,
    threshold: ofVolume(85),
    says: (t) => `cluster volume above ${(t / TIB).toFixed(1)} TiB (85% of the 128 TiB limit)`,
    runbook: RUNBOOK.volume,
  },
];
/** Log-derived metrics go to our own namespace: RDS has no deadlock metric for PostgreSQL. */
const namespaceOf = (row: AlarmRow) => (row.fromLog ? 'Databases/RDS' : 'AWS/RDS');
const severityOf = (id: string) => (id.endsWith('critical') ? 'critical' : 'warning');

/** One alarm with a literal name, notifying the topic on alarm and on recovery. */
function alarm(
  scope: Construct,
  id: string,
  props: { name: string; description: string; metric: cloudwatch.IMetric; threshold: number; lessThan?: boolean; periods: number; missingOk?: boolean },
  topic: sns.ITopic,
) {
  const a = new cloudwatch.Alarm(scope, id, {
    alarmName: props.name,
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    evaluationPeriods: props.periods,
    comparisonOperator: props.lessThan ? cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD : cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: props.missingOk ? cloudwatch.TreatMissingData.NOT_BREACHING : cloudwatch.TreatMissingData.MISSING,
  });
  a.addAlarmAction(new cloudwatchActions.SnsAction(topic));
  a.addOkAction(new cloudwatchActions.SnsAction(topic));
  return a;
}

/** A dashboard line: the metrics (`namespace|name`) an instance's, cluster's or cache node's alarms watch. */
interface DashboardLine {
  readonly identifier: string;
  readonly dimension: 'DBInstanceIdentifier' | 'DBClusterIdentifier' | 'CacheClusterId';
  readonly metrics: ReadonlySet<string>;
}

/** The rows of ALARMS that apply to `role`, as alarms under `<id>`; returns the instance's dashboard line. */
function addAlarms(scope: Construct, id: string, identifier: string, role: Role, facts: Facts, topic: sns.ITopic, postgresLog?: logs.ILogGroup): DashboardLine {
  const group = new Construct(scope, id);
  const dimension = role === 'cluster' || role === 'secondary' ? 'DBClusterIdentifier' : 'DBInstanceIdentifier';
  const dimensionsMap = { [dimension]: identifier };
  const metrics = new Set<string>();
  for (const row of ALARMS) {
    const threshold = row.roles.includes(role) ? row.threshold(facts) : undefined;
    if (threshold === undefined || (row.fromLog && !postgresLog)) continue;
    const namespace = namespaceOf(row);
    if (row.fromLog) {
      new logs.MetricFilter(group, `${row.metric}Filter`, {
        logGroup: postgresLog!,
        filterPattern: logs.FilterPattern.literal('"deadlock detected"'),
        metricNamespace: namespace,
        metricName: row.metric,
        metricValue: '1',
        dimensions: dimensionsMap,
        unit: cloudwatch.Unit.COUNT,
      });
    }
    alarm(
      group,
      row.id,
      {
        name: `${identifier}-${row.id}`,
        description: `[${severityOf(row.id)}] ${identifier}: ${row.says(threshold, facts)}. ${row.runbook}`,
        metric: new cloudwatch.Metric({
          namespace,
          metricName: row.metric,
          dimensionsMap,
          statistic: row.statistic,
          period: Duration.seconds(row.period ?? 300),
        }),
        threshold,
        lessThan: row.lessThan,
        periods: row.periods,
        missingOk: row.fromLog,
      },
      topic,
    );
    metrics.add(`${namespace}|${row.metric}`);
  }
  return { identifier, dimension, metrics };
}

interface Network {
  readonly region: string;
  readonly network:
    | { type: 'existing'; vpcId: string; availabilityZones: string[]; privateSubnetIds: string[] }
    | { type: 'isolated'; cidr: string; availabilityZones: string[] };
}

/** Per (environment, region): key, alarm topic, network, backup vault and plan, the region-wide DynamoDB alarm. */
class Foundation extends Stack {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly key: kms.Key;
  private readonly zones: string[];
  constructor(
    scope: Construct,
    id: string,
    props: StackProps & {
      env: { account: string; region: string };
      envName: string;
      tier: Tier;
      region: Network;
      emails: string[];
      backupPlan?: { copyTo?: string };
      dynamodbAlarm: boolean;
    },
  ) {
    super(scope, id, {
      ...props,
      description: `Databases foundation of ${props.envName} in ${props.region.region}: KMS key, alarm topic, network, backup vault`,
    });
    const { envName, region, tier } = props;
    this.zones = region.network.availabilityZones;
    const removal = tier === 'development' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const alias = `alias/${envName}-databases`;
    // Grouped like our app's constructs, so logical ids and cross-stack output names are alike.
    const foundation = new Construct(this, 'Foundation');
    this.key = new kms.Key(foundation, 'Key', {
      enableKeyRotation: true,
      alias,
      description: `Encrypts databases, their backups, secrets and alarm notifications (${alias})`,
      removalPolicy: removal,
      pendingWindow: Duration.days(30),
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForRdsLogGroups',
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        principals: [new iam.ServicePrincipal(`logs.${region.region}.amazonaws.com`)],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region.region}:${props.env.account}:log-group:/aws/rds/*` } },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForElastiCacheLogGroups',
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        principals: [new iam.ServicePrincipal(`logs.${region.region}.amazonaws.com`)],
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region.region}:${props.env.account}:log-group:/aws/elasticache/*` },
        },
      }),
    );
    const topic = new sns.Topic(foundation, 'AlarmTopic', {
      topicName: `${envName}-database-alarms`,
      displayName: `Database alarms (${envName}-database-alarms)`,
      masterKey: this.key,
      enforceSSL: true,
    });
    // Publishers scoped by source account and ARN; the key names the topic by a literal ARN (no cycle).
    const account = props.env.account;
    const publish = (sid: string, service: string, source: string, topicArnForKey: string) => {
      topic.addToResourcePolicy(
        new iam.PolicyStatement({
          sid,
          principals: [new iam.ServicePrincipal(`${service}.amazonaws.com`)],
          actions: ['sns:Publish'],
          resources: [topic.topicArn],
          conditions: {
            StringEquals: { 'aws:SourceAccount': account },
            ArnLike: { 'aws:SourceArn': `arn:aws:${service}:${region.region}:${account}:${source}` },
          },
        }),
      );
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: `${sid}WithKey`,
          principals: [new iam.ServicePrincipal(`${service}.amazonaws.com`)],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          conditions: { ArnLike: { 'kms:EncryptionContext:aws:sns:topicArn': topicArnForKey } },
        }),
      );
    };
    publish('CloudWatchAlarmsPublish', 'cloudwatch', 'alarm:*', `arn:aws:sns:${region.region}:${account}:${envName}-database-alarms`);
    for (const email of props.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));

    const net = region.network;
    const network = new Construct(this, 'Network');
    if (net.type === 'existing') {
      this.vpc = ec2.Vpc.fromVpcAttributes(network, 'Vpc', {
        vpcId: net.vpcId,
        availabilityZones: net.availabilityZones,
        privateSubnetIds: net.privateSubnetIds,
      });
      this.subnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
      Annotations.of(network).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'databases do not use subnet route tables');
    } else {
      const vpc = new ec2.Vpc(network, 'Vpc', {
        ipAddresses: ec2.IpAddresses.cidr(net.cidr),
        availabilityZones: net.availabilityZones,
        natGateways: 0,
        restrictDefaultSecurityGroup: true,
        subnetConfiguration: [{ name: 'databases', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      });
      const flowLogGroupName = `/aws/vpc/flow-logs/${this.stackName}`;
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowCloudWatchLogsForFlowLogGroup',
          actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          principals: [new iam.ServicePrincipal(`logs.${region.region}.amazonaws.com`)],
          resources: ['*'],
          conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region.region}:${props.env.account}:log-group:${flowLogGroupName}` } },
        }),
      );
      const flowLogs = new logs.LogGroup(network, 'FlowLogs', {
        logGroupName: flowLogGroupName,
        encryptionKey: this.key,
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: removal,
      });
      vpc.addFlowLog('FlowLog', { destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) });
      this.vpc = vpc;
      this.subnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    }

    const production = tier === 'production';
    const vaultName = `${envName}-databases`;
    const vaultScope = new Construct(this, 'BackupVault');
    const vault = new backup.BackupVault(vaultScope, 'Vault', {
      backupVaultName: vaultName,
      encryptionKey: this.key,
      removalPolicy: removal,
      blockRecoveryPointDeletion: true,
      lockConfiguration: production ? { minRetention: Duration.days(35), maxRetention: Duration.days(365) } : undefined,
    });
    new events.Rule(vaultScope, 'FailedBackupJobs', {
      description: `Failed, aborted or expired backup jobs of vault ${vaultName}`,
      eventPattern: {
        source: ['aws.backup'],
        detailType: ['Backup Job State Change'],
        detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [vaultName] },
      },
      targets: [{ bind: () => ({ arn: topic.topicArn }) }],
    });
    (vault.node.defaultChild as backup.CfnBackupVault).notifications = {
      backupVaultEvents: [backup.BackupVaultEvents.COPY_JOB_FAILED],
      snsTopicArn: topic.topicArn,
    };
    publish('BackupVaultsPublish', 'backup', 'backup-vault:*', `arn:aws:sns:${region.region}:${account}:*`);
    publish('EventBridgeRulesPublish', 'events', 'rule/*', `arn:aws:sns:${region.region}:${account}:*`);
    if (props.backupPlan) {
      const planName = `${envName}-databases-${region.region}`;
      const planScope = new Construct(this, `BackupPlan-${planName}`);
      const copy = props.backupPlan.copyTo;
      const copyVault =
        copy && backup.BackupVault.fromBackupVaultArn(planScope, 'CopyTarget', `arn:aws:backup:${copy}:${props.env.account}:backup-vault:${vaultName}`);
      const rules = production
        ? ([
            ['daily', 'cron(0 3 * * ? *)', 35],
            ['monthly', 'cron(0 4 1 * ? *)', 365],
          ] as const)
        : ([['daily', 'cron(0 3 * * ? *)', 7]] as const);
      const plan = new backup.BackupPlan(planScope, 'Plan', {
        backupPlanName: planName,
        backupVault: vault,
        backupPlanRules: rules.map(
          ([name, schedule, days]) =>
            new backup.BackupPlanRule({
              ruleName: name,
              scheduleExpression: events.Schedule.expression(schedule),
              deleteAfter: Duration.days(days),
              enableContinuousBackup: false,
              copyActions: copyVault ? [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(days) }] : undefined,
            }),
        ),
      });
      const role = new iam.Role(planScope, 'Role', {
        assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
        description: `AWS Backup for plan ${planName}`,
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup')],
      });
      // The L2 selection has no conditions: the L1 filters resource types first, then the tag.
      new backup.CfnBackupSelection(planScope, 'Selection', {
        backupPlanId: plan.backupPlanId,
        backupSelection: {
          selectionName: `${planName}-tagged`,
          iamRoleArn: role.roleArn,
          resources: [
            `arn:aws:rds:${region.region}:${props.env.account}:db:*`,
            `arn:aws:rds:${region.region}:${props.env.account}:cluster:*`,
            `arn:aws:dynamodb:${region.region}:${props.env.account}:table/*`,
          ],
          conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup-plan', ConditionValue: planName }] },
        },
      });
    }
    if (props.dynamodbAlarm) {
      alarm(
        this,
        'Alarm-dynamodb-user-errors',
        {
          name: `${envName}-dynamodb-user-errors`,
          description: `[warning] DynamoDB in ${region.region} (all tables of the account): more than 10 client errors (HTTP 400) per 5 minutes for 15 minutes. Look for malformed requests or missing permissions after a deploy.`,
          metric: new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName: 'UserErrors', statistic: 'Sum', period: Duration.minutes(5) }),
          threshold: 10,
          periods: 3,
          missingOk: true,
        },
        topic,
      );
    }
  }
  /** Zones from config: synth must not look them up (no credentials). */
  override get availabilityZones(): string[] {
    return this.zones;
  }
}

/** Where a database goes: its region's network, keys and topic, and the tier's defaults. */
interface Placement {
  readonly tier: Tier;
  readonly envName: string;
  readonly account: string;
  readonly region: string;
  readonly foundation: Foundation;
}
/** The region's key by its alias (RDS takes alias ARNs: no cross-stack reference) and its alarm topic by ARN, once per stack. */
const regionKey = (stack: Stack, p: Placement) =>
  (stack.node.tryFindChild('EncryptionKey') as kms.IAlias | undefined) ?? kms.Alias.fromAliasName(stack, 'EncryptionKey', `alias/${p.envName}-databases`);
const regionTopic = (stack: Stack, p: Placement) =>
  (stack.node.tryFindChild('AlarmTopic') as sns.ITopic | undefined) ??
  sns.Topic.fromTopicArn(stack, 'AlarmTopic', `arn:aws:sns:${p.region}:${p.account}:${p.envName}-database-alarms`);

/** A security group open to the database's CIDR blocks on its port, and nothing out. */
function clientsGroup(
  scope: Construct,
  identifier: string,
  vpc: ec2.IVpc,
  cidrs: readonly string[],
  port: number,
  engineName: string,
  description = `Clients of ${identifier}`,
) {
  const group = new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, description, allowAllOutbound: false });
  for (const cidr of cidrs) group.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(port), `${engineName} clients in ${cidr}`);
  return group;
}

/** The log groups RDS exports to, created first so they carry our retention and key (the foundation's key: logs take no alias). */
function exportedLogs(scope: Construct, prefix: string, types: readonly string[], p: Placement, removal: RemovalPolicy) {
  const group = new Construct(scope, 'Logs');
  return types.map(
    (type) =>
      new logs.LogGroup(group, type, {
        logGroupName: `${prefix}/${type}`,
        retention: TIER[p.tier].logDays as logs.RetentionDays,
        encryptionKey: p.foundation.key,
        removalPolicy: keep(removal),
      }),
  );
}

/**
 * An RDS instance (DatabaseInstance), or a read replica of one (DatabaseInstanceReadReplica): the source construct in
 * the same stack, or its ARN from another region. Each has its own parameter group, security group, logs and alarms.
 */
function rdsInstance(
  scope: Construct,
  stack: Stack,
  db: RawDatabase,
  identifier: string,
  p: Placement,
  replica?: { source: rds.IDatabaseInstance | string; availabilityZone?: string },
) {
  const t = TIER[p.tier];
  const postgres = db.engine === 'postgres';
  const version = db.version as string;
  const engine = postgres
    ? rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.of(version, version.split('.')[0]) })
    : rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.of(version, version.split('.').slice(0, 2).join('.')) });
  const family = postgres ? `postgres${version.split('.')[0]}` : `mysql${version.split('.').slice(0, 2).join('.')}`;
  // A replica is not snapshotted: it is kept in production and thrown away elsewhere.
  const removal = !replica ? t.removal : p.tier === 'production' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const key = regionKey(stack, p);
  const port = postgres ? 5432 : 3306;
  const parameterGroup = new rds.ParameterGroup(scope, 'Parameters', {
    engine,
    description: `${identifier} (${family})`,
    removalPolicy: keep(removal),
    parameters: postgres ? { ...postgresTuning(t.slowMs), ...POSTGRES_TLS_AUDIT } : mysqlParameters(t.slowMs),
  });
  const securityGroup = clientsGroup(scope, identifier, p.foundation.vpc, db.allowedCidrs as string[], port, postgres ? 'PostgreSQL' : 'MySQL');
  const logTypes = postgres ? ['postgresql', 'upgrade'] : ['error', 'slowquery', 'audit'];
  const logGroups = exportedLogs(scope, `/aws/rds/instance/${identifier}`, logTypes, p, removal);
  const common = {
    instanceIdentifier: identifier,
    instanceType: new ec2.InstanceType((db.instanceClass as string).replace(/^db\./, '')),
    vpc: p.foundation.vpc,
    vpcSubnets: p.foundation.subnets,
    securityGroups: [securityGroup],
    publiclyAccessible: false,
    port,
    iamAuthentication: true,
    storageType: rds.StorageType.GP3,
    deletionProtection: t.protect,
    removalPolicy: removal,
    parameterGroup,
    preferredMaintenanceWindow: MAINTENANCE_WINDOW,
    cloudwatchLogsExports: logTypes,
    autoMinorVersionUpgrade: true,
    caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
    monitoringInterval: Duration.seconds(t.monitoring),
    enablePerformanceInsights: true,
    performanceInsightEncryptionKey: key,
    performanceInsightRetention: t.piDays as rds.PerformanceInsightRetention,
    databaseInsightsMode: t.insights,
  };
  let instance: rds.DatabaseInstanceBase;
  if (!replica) {
    const optionGroup = postgres
      ? undefined
      : new rds.OptionGroup(scope, 'Options', {
          engine,
          description: `${identifier} options`,
          configurations: [{ name: 'MARIADB_AUDIT_PLUGIN', settings: { SERVER_AUDIT_EVENTS: 'CONNECT,QUERY_DDL,QUERY_DCL' } }],
        });
    optionGroup?.applyRemovalPolicy(keep(removal));
    instance = new rds.DatabaseInstance(scope, 'Instance', {
      ...common,
      engine,
      optionGroup, // aws-cdk-lib's LicenseModel enum has no value for PostgreSQL's license model.
      licenseModel: postgres ? ('postgresql-license' as rds.LicenseModel) : rds.LicenseModel.GENERAL_PUBLIC_LICENSE,
      databaseName: db.databaseName as string,
      credentials: rds.Credentials.fromUsername('dbadmin', { encryptionKey: key }),
      manageMasterUserPassword: true,
      allocatedStorage: db.allocatedStorageGiB as number,
      maxAllocatedStorage: db.maxAllocatedStorageGiB as number | undefined,
      storageEncrypted: true,
      storageEncryptionKey: key,
      multiAz: t.multiAz,
      backupRetention: Duration.days(t.retention),
      preferredBackupWindow: BACKUP_WINDOW,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: removal === RemovalPolicy.DESTROY,
      allowMajorVersionUpgrade: true,
    });
  } else if (typeof replica.source !== 'string') {
    instance = new rds.DatabaseInstanceReadReplica(scope, 'Instance', {
      ...common,
      sourceDatabaseInstance: replica.source,
      availabilityZone: replica.availabilityZone,
      multiAz: false,
    });
  } else {
    // The L2 takes a source construct only; the cross-region source is named by its ARN and the storage by this region's key.
    const arn = replica.source;
    const source = rds.DatabaseInstance.fromDatabaseInstanceAttributes(scope, 'Source', {
      instanceIdentifier: arn.split(':').pop()!,
      instanceEndpointAddress: arn,
      port,
      securityGroups: [],
      engine,
    });
    instance = new rds.DatabaseInstanceReadReplica(scope, 'Instance', { ...common, sourceDatabaseInstance: source, multiAz: false, storageEncryptionKey: key });
    const cfn = instance.node.defaultChild as rds.CfnDBInstance;
    cfn.sourceDbInstanceIdentifier = arn;
    // A replica inherits encryption; StorageEncrypted on a replica is rejected (cfn-lint E3020).
    cfn.addPropertyDeletionOverride('StorageEncrypted');
  }
  // RDS must not create the log groups itself (unencrypted, kept forever) before ours.
  for (const group of logGroups) instance.node.addDependency(group);
  const memoryGiB = CLASSES[db.instanceClass as string].memoryGiB;
  const maxConnections = postgres ? Math.min(Math.floor((memoryGiB * GIB) / 9531392), 5000) : Math.floor((memoryGiB * GIB) / 12582880);
  const facts = {
    memoryGiB,
    storageGiB: db.allocatedStorageGiB as number,
    maxConnections,
    postgres,
    creditsPerHour: CLASSES[db.instanceClass as string].creditsPerHour,
  };
  const line = addAlarms(scope, 'Alarms', identifier, replica ? 'replica' : 'primary', facts, regionTopic(stack, p), postgres ? logGroups[0] : undefined);
  return { instance, line };
}

/**
 * A provisioned Aurora PostgreSQL cluster (DatabaseCluster, writer and readers as ClusterInstance) with its cluster and
 * instance parameter groups, security group, logs and alarms. In a global database the primary creates the global
 * cluster (aws-cdk-lib has no L2 for it) and a secondary joins it by name, without credentials or database name.
 */
function auroraCluster(
  scope: Construct,
  stack: Stack,
  db: RawDatabase,
  identifier: string,
  instanceIds: readonly string[],
  p: Placement,
  global?: { role: 'primary' | 'secondary'; identifier: string },
) {
  const t = TIER[p.tier];
  const version = db.version as string;
  const major = version.split('.')[0];
  const engine = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of(version, major) });
  const secondary = global?.role === 'secondary';
  const key = regionKey(stack, p);
  const clusterParameters = new rds.ParameterGroup(scope, 'ClusterParameters', {
    engine,
    description: `${identifier} cluster (aurora-postgresql${major})`,
    parameters: { ...POSTGRES_TLS_AUDIT, ...AUTOVACUUM },
    removalPolicy: keep(t.removal),
  });
  const instanceParameters = new rds.ParameterGroup(scope, 'InstanceParameters', {
    engine,
    description: `${identifier} instances (aurora-postgresql${major})`,
    parameters: postgresTuning(t.slowMs, true),
    removalPolicy: keep(t.removal),
  });
  const securityGroup = clientsGroup(scope, identifier, p.foundation.vpc, db.allowedCidrs as string[], 5432, 'Aurora PostgreSQL');
  const [log] = exportedLogs(scope, `/aws/rds/cluster/${identifier}`, ['postgresql'], p, t.removal);
  const zones = p.foundation.availabilityZones;
  const instance = (instanceIdentifier: string, index: number) =>
    rds.ClusterInstance.provisioned(index === 0 ? 'Writer' : `Reader${index}`, {
      instanceType: new ec2.InstanceType((db.instanceClass as string).replace(/^db\./, '')),
      instanceIdentifier,
      availabilityZone: zones[index % zones.length],
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: key,
      performanceInsightRetention: t.piDays as rds.PerformanceInsightRetention,
      publiclyAccessible: false,
      parameterGroup: instanceParameters,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      autoMinorVersionUpgrade: true,
      allowMajorVersionUpgrade: true,
      preferredMaintenanceWindow: MAINTENANCE_WINDOW,
      ...(index === 0 ? {} : { promotionTier: Math.min(index, 15) }),
    });
  const cluster = new rds.DatabaseCluster(scope, 'Cluster', {
    engine,
    clusterIdentifier: identifier,
    writer: instance(instanceIds[0], 0),
    readers: instanceIds.slice(1).map((id, i) => instance(id, i + 1)),
    vpc: p.foundation.vpc,
    vpcSubnets: p.foundation.subnets,
    securityGroups: [securityGroup],
    port: 5432,
    parameterGroup: clusterParameters,
    credentials: rds.Credentials.fromUsername('dbadmin', { encryptionKey: key }),
    manageMasterUserPassword: true,
    defaultDatabaseName: secondary ? undefined : (db.databaseName as string),
    storageEncrypted: true,
    storageEncryptionKey: key,
    iamAuthentication: true,
    backup: { retention: Duration.days(t.retention), preferredWindow: BACKUP_WINDOW },
    preferredMaintenanceWindow: MAINTENANCE_WINDOW,
    deletionProtection: t.protect,
    removalPolicy: t.removal,
    deleteAutomatedBackups: t.removal === RemovalPolicy.DESTROY,
    copyTagsToSnapshot: true,
    cloudwatchLogsExports: ['postgresql'],
    monitoringInterval: Duration.seconds(t.monitoring),
    enableClusterLevelEnhancedMonitoring: true,
    enablePerformanceInsights: true,
    performanceInsightEncryptionKey: key,
    performanceInsightRetention: t.piDays as rds.PerformanceInsightRetention,
    databaseInsightsMode: t.insights,
    autoMinorVersionUpgrade: true,
  });
  cluster.node.addDependency(log);
  if (global?.role === 'primary') {
    const globalCluster = new rds.CfnGlobalCluster(scope, 'GlobalCluster', {
      globalClusterIdentifier: global.identifier,
      sourceDbClusterIdentifier: cluster.clusterArn,
      deletionProtection: t.protect,
    });
    globalCluster.applyRemovalPolicy(keep(t.removal));
  }
  if (secondary) {
    // Users and data replicate from the primary: a secondary must not set credentials or a database name.
    const cfn = cluster.node.defaultChild as rds.CfnDBCluster;
    cfn.globalClusterIdentifier = global!.identifier;
    for (const property of ['MasterUsername', 'ManageMasterUserPassword', 'MasterUserSecret']) cfn.addPropertyDeletionOverride(property);
  }
  const memoryGiB = CLASSES[db.instanceClass as string].memoryGiB;
  const facts = { memoryGiB, storageGiB: 0, maxConnections: Math.min(Math.floor((memoryGiB * GIB) / 9531392), 5000), postgres: true };
  const topic = regionTopic(stack, p);
  const clusterLine = addAlarms(scope, 'ClusterAlarms', identifier, secondary ? 'secondary' : 'cluster', facts, topic, log);
  const lines = instanceIds.map((id, i) =>
    addAlarms(scope, i === 0 ? 'WriterAlarms' : `Reader${i}Alarms`, id, !secondary && i === 0 ? 'writer' : 'reader', facts, topic),
  );
  return { cluster, lines: [...lines, clusterLine] };
}

/** A global table (TableV2) encrypted with each region's key, TLS only in its own region, alarms and a dashboard of them. */
function dynamodbTable(stack: Stack, db: RawDatabase, p: Placement) {
  const scope = new Construct(stack, 'Table');
  const name = `${p.envName}-${db.name}`;
  const replicaRegions = (db.replicaRegions as string[] | undefined) ?? [];
  const keyArn = (region: string) => `arn:aws:kms:${region}:${p.account}:alias/${p.envName}-databases`;
  const table = new dynamodb.TableV2(scope, 'Table', {
    tableName: name,
    partitionKey: { name: (db.partitionKey as { name: string }).name, type: dynamodb.AttributeType.STRING },
    sortKey: db.sortKey ? { name: (db.sortKey as { name: string }).name, type: dynamodb.AttributeType.NUMBER } : undefined,
    billing: dynamodb.Billing.onDemand(),
    tableClass: dynamodb.TableClass.STANDARD,
    timeToLiveAttribute: db.timeToLiveAttribute as string | undefined,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: TIER[p.tier].retention },
    deletionProtection: p.tier !== 'development',
    contributorInsightsSpecification: { enabled: p.tier !== 'development' },
    encryption: dynamodb.TableEncryptionV2.customerManagedKey(
      kms.Key.fromKeyArn(scope, 'Key', keyArn(p.region)),
      Object.fromEntries(replicaRegions.map((r) => [r, keyArn(r)])),
    ),
    replicas: replicaRegions.map((region) => ({ region })),
    removalPolicy: p.tier === 'development' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  // DynamoDB endpoints answer plain HTTP too.
  table.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyInsecureTransport',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['dynamodb:*'],
      resources: ['*'],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
  );
  const metric = (metricName: string, statistic: string, dimensions: Record<string, string> = {}) =>
    new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, statistic, period: Duration.minutes(5), dimensionsMap: { TableName: name, ...dimensions } });
  /** A per-operation metric combined over the operations (an alarm reads one metric, or math over at most 10). */
  const across = (metricName: string, statistic: string, combine: 'SUM' | 'MAX', operations: string[]) =>
    new cloudwatch.MathExpression({
      expression: `${combine}([${operations.map((_, i) => `m${i}`).join(', ')}])`,
      label: `${metricName} (${combine} over ${operations.join(', ')})`,
      period: Duration.minutes(5),
      usingMetrics: Object.fromEntries(operations.map((operation, i) => [`m${i}`, metric(metricName, statistic, { Operation: operation })])),
    });
  const hotKey = 'Look for a hot partition key (Contributor Insights) or a max-throughput ceiling before raising capacity.';
  const rows: Array<[string, 'warning' | 'critical', cloudwatch.IMetric, number, number, string]> = [
    ['read-throttles', 'warning', metric('ReadThrottleEvents', 'Sum'), 0, 2, `reads are throttled. ${hotKey}`],
    ['write-throttles', 'warning', metric('WriteThrottleEvents', 'Sum'), 0, 2, `writes are throttled. ${hotKey}`],
    [
      'system-errors',
      'critical',
      across('SystemErrors', 'Sum', 'SUM', [
        'GetItem',
        'BatchGetItem',
        'Query',
        'Scan',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
        'BatchWriteItem',
        'TransactWriteItems',
      ]),
      0,
      3,
      'server errors for 15 minutes. DynamoDB answers with HTTP 500: check the AWS Health Dashboard for the region; clients must retry with backoff.',
    ],
    [
      'latency-p99',
      'warning',
      across('SuccessfulRequestLatency', 'p99', 'MAX', ['GetItem', 'Query', 'PutItem', 'UpdateItem']),
      100,
      3,
      'p99 latency of GetItem/Query/PutItem/UpdateItem above 100 ms. Check item sizes, scans and large queries; latency is measured inside DynamoDB, not at the client.',
    ],
    ...replicaRegions.map((r): [string, 'critical', cloudwatch.IMetric, number, number, string] => [
      `replication-latency-${r}`,
      'critical',
      metric('ReplicationLatency', 'Average', { ReceivingRegion: r }),
      30000,
      3,
      `replication to ${r} more than 30 s behind. Check the receiving region in the AWS Health Dashboard and PendingReplicationCount; writes there are stale until it recovers.`,
    ]),
  ];
  const topic = regionTopic(stack, p);
  const alarms = rows.map(([id, severity, m, threshold, periods, says]) =>
    // Throttles and errors are published only when they happen: no data is good news.
    alarm(
      scope,
      `Alarm-${id}`,
      { name: `${name}-${id}`, description: `[${severity}] ${name}: ${says}`, metric: m, threshold, periods, missingOk: true },
      topic,
    ),
  );
  const consumed = (metricName: string) =>
    new cloudwatch.Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: table.tableName }, statistic: 'Sum' });
  new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName: `dynamodb-${name}`,
    widgets: [
      [
        ...alarms.map((a, i) => new cloudwatch.AlarmWidget({ alarm: a, title: `${name}-${rows[i][0]}`, width: 12 })),
        new cloudwatch.GraphWidget({
          title: 'Consumed capacity units (sum per period)',
          left: [consumed('ConsumedReadCapacityUnits'), consumed('ConsumedWriteCapacityUnits')],
          width: 24,
        }),
      ],
    ],
  });
}

/** ElastiCache's defaults that the fleet relies on: Valkey 8.2, the tier's node type, snapshots kept as long as backups. */
const CACHE_ENGINE = { engine: 'valkey', version: '8.2', family: 'valkey8', displayName: 'Valkey' } as const;
const CACHE_NODE_TYPE: Record<Tier, string> = { development: 'cache.t4g.micro', staging: 'cache.t4g.small', production: 'cache.r7g.large' };
/** vCPUs and memory of the node types the fleet uses (the host CPU, freeable memory and evictions alarms use them). */
const CACHE_NODES: Record<string, { vcpus: number; memoryGiB: number }> = {
  'cache.t4g.micro': { vcpus: 2, memoryGiB: 0.5 },
  'cache.t4g.small': { vcpus: 2, memoryGiB: 1.37 },
  'cache.r7g.large': { vcpus: 2, memoryGiB: 13.07 },
};
const CACHE_PORT = 6379;
const CACHE_LOG_TYPES = ['slow-log', 'engine-log'];
const CACHE_NAMESPACE = 'AWS/ElastiCache';
const MIB = 1024 ** 2;

/** The alarms of every cache node: one row each, undefined threshold where it does not apply to the node. */
type CacheRole = 'primary' | 'replica' | 'secondary-primary' | 'secondary-replica';
interface CacheFacts {
  readonly role: CacheRole;
  readonly store: boolean;
  readonly vcpus: number;
  readonly memoryGiB: number;
}
interface CacheAlarmRow {
  readonly id: string;
  readonly severity: 'warning' | 'critical';
  readonly metric: string;
  readonly statistic: string;
  readonly threshold: (f: CacheFacts) => number | undefined;
  readonly says: (threshold: number, f: CacheFacts) => string;
  readonly runbook: string;
  readonly lessThan?: boolean;
  readonly missingOk?: boolean;
}
const CACHE_CPU_RUNBOOK = 'Look for slow commands (the slow log in CloudWatch Logs) and hot keys before scaling up or out.';
const CACHE_MEMORY_RUNBOOK = 'Check key growth and TTLs (INFO keyspace); scale up, or out with cluster mode.';
const cacheMemory = (f: CacheFacts, t: number) => `memory used above ${t}% of maxmemory (${f.store ? 'writes fail when full' : 'keys are evicted when full'})`;
const isCacheReplica = (f: CacheFacts) => f.role === 'replica' || f.role === 'secondary-replica';
const CACHE_ALARMS: readonly CacheAlarmRow[] = [
  {
    id: 'engine-cpu-warning',
    severity: 'warning',
    metric: 'EngineCPUUtilization',
    statistic: 'Average',
    threshold: () => 80,
    says: (t) => `engine thread CPU above ${t}%`,
    runbook: CACHE_CPU_RUNBOOK,
  },
  {
    id: 'engine-cpu-critical',
    severity: 'critical',
    metric: 'EngineCPUUtilization',
    statistic: 'Average',
    threshold: () => 90,
    says: (t) => `engine thread CPU above ${t}%`,
    runbook: CACHE_CPU_RUNBOOK,
  },
  {
    id: 'host-cpu-critical',
    severity: 'critical',
    metric: 'CPUUtilization',
    statistic: 'Average',
    threshold: (f) => (f.vcpus <= 2 ? 90 : undefined),
    says: (t, f) => `host CPU above ${t}% on a ${f.vcpus}-vCPU node`,
    runbook: 'Snapshots and replication share the host with the engine on small nodes: move the snapshot window, or use a larger node.',
  },
  {
    id: 'memory-warning',
    severity: 'warning',
    metric: 'DatabaseMemoryUsagePercentage',
    statistic: 'Average',
    threshold: (f) => (f.store ? 75 : 90),
    says: (t, f) => cacheMemory(f, t),
    runbook: CACHE_MEMORY_RUNBOOK,
  },
  {
    id: 'memory-critical',
    severity: 'critical',
    metric: 'DatabaseMemoryUsagePercentage',
    statistic: 'Average',
    threshold: (f) => (f.store ? 90 : 98),
    says: (t, f) => cacheMemory(f, t),
    runbook: CACHE_MEMORY_RUNBOOK,
  },
  {
    id: 'freeable-memory-low',
    severity: 'warning',
    metric: 'FreeableMemory',
    statistic: 'Minimum',
    threshold: (f) => Math.round(f.memoryGiB * GIB * 0.1),
    says: (t) => `host freeable memory below ${(t / GIB).toFixed(2)} GiB (10% of the node)`,
    runbook: 'Snapshots fork the engine: lower reserved-memory-percent pressure by scaling up, or snapshot from a replica.',
    lessThan: true,
  },
  {
    id: 'evictions',
    severity: 'critical',
    metric: 'Evictions',
    statistic: 'Sum',
    threshold: (f) => (f.store ? 0 : 1000 * Math.ceil(f.memoryGiB)),
    says: (t) => `more than ${t} keys evicted in 5 minutes`,
    runbook: 'The working set no longer fits: scale up or out, or shorten TTLs.',
    missingOk: true,
  },
  {
    id: 'connections-warning',
    severity: 'warning',
    metric: 'CurrConnections',
    statistic: 'Maximum',
    threshold: () => 52000,
    says: (t) => `more than ${t} client connections (maxclients 65000)`,
    runbook: 'Look for clients that open a connection per request instead of pooling.',
  },
  {
    id: 'replication-lag',
    severity: 'warning',
    metric: 'ReplicationLag',
    statistic: 'Maximum',
    threshold: (f) => (isCacheReplica(f) ? 1 : undefined),
    says: (t) => `replica more than ${t} s behind its primary`,
    runbook: 'Check write volume and network on the primary; a lagging replica serves stale reads and fails over with loss.',
  },
  {
    id: 'swap-usage',
    severity: 'warning',
    metric: 'SwapUsage',
    statistic: 'Maximum',
    threshold: () => 50 * MIB,
    says: (t) => `swap above ${t / MIB} MiB`,
    runbook: 'The host is short of memory: scale up, or lower memory use.',
  },
  {
    id: 'global-replication-lag',
    severity: 'warning',
    metric: 'GlobalDatastoreReplicationLag',
    statistic: 'Maximum',
    threshold: (f) => (f.role === 'secondary-primary' ? 5 : undefined),
    says: (t) => `secondary region more than ${t} s behind the primary region`,
    runbook: 'Cross-region lag grows with write volume: check the primary region write rate and the inter-region network.',
  },
];

/**
 * An ElastiCache Valkey replication group (cluster mode off) with its subnet group, security group, logs and alarms
 * per node. The primary also has its parameter group, the AUTH token's secret and snapshots, and in a Global Datastore
 * creates the global group; a secondary joins it by the global group's id and takes the rest from the primary.
 */
function elasticacheGroup(stack: Stack, db: RawDatabase, groupId: string, p: Placement, global?: { role: 'primary' } | { role: 'secondary'; id: string }) {
  const t = TIER[p.tier];
  const scope = new Construct(stack, 'Cache');
  const store = db.use === 'store';
  const use = store ? 'store' : 'cache';
  const nodeType = (db.nodeType as string | undefined) ?? CACHE_NODE_TYPE[p.tier];
  const replicas = (db.replicasPerShard as number | undefined) ?? (t.multiAz ? 1 : 0);
  const securityGroup = clientsGroup(
    scope,
    groupId,
    p.foundation.vpc,
    db.allowedCidrs as string[],
    CACHE_PORT,
    'cache',
    `ElastiCache ${groupId}: clients from the allowed networks only`,
  );
  const subnetGroup = new elasticache.CfnSubnetGroup(scope, 'SubnetGroup', {
    cacheSubnetGroupName: groupId,
    description: `Private subnets of ${groupId}`,
    subnetIds: p.foundation.vpc.selectSubnets(p.foundation.subnets).subnetIds,
  });
  // The log groups ElastiCache delivers to, created first so they carry our retention and key.
  const logGroups = CACHE_LOG_TYPES.map(
    (type) =>
      new logs.LogGroup(scope, `${type}-group`, {
        logGroupName: `/aws/elasticache/${groupId}/${type}`,
        retention: t.logDays as logs.RetentionDays,
        encryptionKey: p.foundation.key,
        removalPolicy: keep(t.removal),
      }),
  );
  const regional: elasticache.CfnReplicationGroupProps = {
    replicationGroupId: groupId,
    replicationGroupDescription: `${CACHE_ENGINE.displayName} ${use} ${groupId}`,
    cacheSubnetGroupName: subnetGroup.cacheSubnetGroupName!,
    securityGroupIds: [securityGroup.securityGroupId],
    multiAzEnabled: t.multiAz,
    automaticFailoverEnabled: t.multiAz,
    preferredMaintenanceWindow: MAINTENANCE_WINDOW,
    logDeliveryConfigurations: CACHE_LOG_TYPES.map((logType, i) => ({
      logType,
      logFormat: 'json',
      destinationType: 'cloudwatch-logs',
      destinationDetails: { cloudWatchLogsDetails: { logGroup: logGroups[i].logGroupName } },
    })),
    numCacheClusters: 1 + replicas,
    atRestEncryptionEnabled: true,
    kmsKeyId: p.foundation.key.keyArn,
    transitEncryptionEnabled: true,
    transitEncryptionMode: 'required',
  };
  let group: elasticache.CfnReplicationGroup;
  let globalGroup: elasticache.CfnGlobalReplicationGroup | undefined;
  if (global?.role === 'secondary') {
    group = new elasticache.CfnReplicationGroup(scope, 'ReplicationGroup', { ...regional, globalReplicationGroupId: global.id });
  } else {
    const parameterGroup = new elasticache.CfnParameterGroup(scope, 'ParameterGroup', {
      cacheParameterGroupFamily: CACHE_ENGINE.family,
      description: `Parameters of ${groupId} (${use})`,
      properties: {
        'maxmemory-policy': store ? 'noeviction' : 'allkeys-lru',
        'cluster-enabled': 'no',
        ...(db.notifyKeyspaceEvents ? { 'notify-keyspace-events': db.notifyKeyspaceEvents as string } : {}),
      },
    });
    parameterGroup.applyRemovalPolicy(keep(t.removal));
    const authToken = new secretsmanager.Secret(scope, 'AuthToken', {
      secretName: `${groupId}-auth-token`,
      description: `AUTH token of ElastiCache ${groupId}`,
      encryptionKey: p.foundation.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: keep(t.removal),
    });
    group = new elasticache.CfnReplicationGroup(scope, 'ReplicationGroup', {
      ...regional,
      engine: CACHE_ENGINE.engine,
      engineVersion: CACHE_ENGINE.version,
      cacheNodeType: nodeType,
      cacheParameterGroupName: parameterGroup.ref,
      port: CACHE_PORT,
      authToken: authToken.secretValue.unsafeUnwrap(),
      snapshotRetentionLimit: t.retention,
      snapshotWindow: '01:00-02:00',
    });
    if (global?.role === 'primary') {
      globalGroup = new elasticache.CfnGlobalReplicationGroup(scope, 'GlobalReplicationGroup', {
        globalReplicationGroupIdSuffix: groupId,
        globalReplicationGroupDescription: `Global Datastore of ${groupId}`,
        members: [{ replicationGroupId: group.ref, replicationGroupRegion: p.region, role: 'PRIMARY' }],
      });
      // The global group's resource schema has no Tags.
      globalGroup.addPropertyDeletionOverride('Tags');
      globalGroup.applyRemovalPolicy(keep(t.removal));
    }
  }
  for (const log of logGroups) group.node.addDependency(log);
  group.applyRemovalPolicy(t.removal);

  const topic = regionTopic(stack, p);
  const secondary = global?.role === 'secondary';
  const lines = Array.from({ length: 1 + replicas }, (_, n): DashboardLine => {
    const node = `${groupId}-${String(n + 1).padStart(3, '0')}`;
    const role: CacheRole = secondary ? (n === 0 ? 'secondary-primary' : 'secondary-replica') : n === 0 ? 'primary' : 'replica';
    const facts = { role, store, ...CACHE_NODES[nodeType] };
    const metrics = new Set<string>();
    for (const row of CACHE_ALARMS) {
      const threshold = row.threshold(facts);
      if (threshold === undefined) continue;
      alarm(
        scope,
        `Alarm-${node}-${row.id}`,
        {
          name: `${node}-${row.id}`,
          description: `[${row.severity}] ${node}: ${row.says(threshold, facts)}. ${row.runbook}`,
          metric: new cloudwatch.Metric({
            namespace: CACHE_NAMESPACE,
            metricName: row.metric,
            dimensionsMap: { CacheClusterId: node },
            statistic: row.statistic,
            period: Duration.minutes(5),
          }),
          threshold,
          lessThan: row.lessThan,
          periods: 3,
          missingOk: row.missingOk,
        },
        topic,
      ).node.addDependency(group);
      metrics.add(`${CACHE_NAMESPACE}|${row.metric}`);
    }
    return { identifier: node, dimension: 'CacheClusterId', metrics };
  });
  return { globalId: globalGroup?.attrGlobalReplicationGroupId, lines };
}

/**
 * A graph per alarmed metric (in ALARMS then CACHE_ALARMS order, with its alarms' statistic), one line per instance,
 * cluster or cache node.
 */
function dashboard(scope: Construct, dashboardName: string, lines: readonly DashboardLine[]) {
  const graphs = new Map<string, { namespace: string; metric: string; statistic: string }>();
  const graphOf = (namespace: string, row: { metric: string; statistic: string }) => {
    if (!graphs.has(`${namespace}|${row.metric}`)) graphs.set(`${namespace}|${row.metric}`, { namespace, metric: row.metric, statistic: row.statistic });
  };
  for (const row of ALARMS) graphOf(namespaceOf(row), row);
  for (const row of CACHE_ALARMS) graphOf(CACHE_NAMESPACE, row);
  const widgets = [...graphs].flatMap(([key, row]) => {
    const using = lines.filter((l) => l.metrics.has(key));
    const namespace = row.namespace;
    return using.length === 0
      ? []
      : [
          new cloudwatch.GraphWidget({
            title: namespace === 'AWS/RDS' ? row.metric : `${row.metric} (${namespace})`,
            width: 12,
            left: using.map(
              (l) =>
                new cloudwatch.Metric({
                  namespace,
                  metricName: row.metric,
                  statistic: row.statistic,
                  period: Duration.minutes(5),
                  label: l.identifier,
                  dimensionsMap: { [l.dimension]: l.identifier },
                }),
            ),
          }),
        ];
  });
  const rows: cloudwatch.IWidget[][] = [];
  for (let i = 0; i < widgets.length; i += 2) rows.push(widgets.slice(i, i + 2));
  new cloudwatch.Dashboard(scope, 'Dashboard', { dashboardName, widgets: rows });
}

/** cfn-lint checks dashboards against a schema without Tags: ours leaves them untagged too. */
const UNTAGGED = ['AWS::CloudWatch::Dashboard'];

class EnvironmentStage extends Stage {
  constructor(scope: Construct, env: RawEnvironment) {
    super(scope, env.name);
    const aws = env.config.aws as {
      account: string;
      primaryRegion: string;
      regions: Record<string, { network: Network['network'] }>;
      notifications: { emails: string[] };
      backup?: { copyRegions?: Record<string, string> };
    };
    const tier = env.config.tier as Tier;
    const envName = env.name;
    const databases = env.config.databases as RawDatabase[];
    const regionNames = Object.keys(aws.regions);
    const protect = tier === 'production';
    const stack = (id: string, region: string, description: string, crossRegionReferences?: boolean) =>
      new Stack(this, id, {
        stackName: `${envName}-${id}`,
        env: { account: aws.account, region },
        terminationProtection: protect,
        description,
        crossRegionReferences,
      });
    const awsDatabases = databases.filter((db) => db.kind !== 'cloudsql-instance');
    const foundations = new Map<string, Foundation>();
    for (const region of regionNames) {
      const hasMembers = awsDatabases.some((db) => (db.region ?? aws.primaryRegion) === region);
      foundations.set(
        region,
        new Foundation(this, `foundation-${region}`, {
          stackName: `${envName}-foundation-${region}`,
          env: { account: aws.account, region },
          terminationProtection: protect,
          envName,
          tier,
          region: { region, network: aws.regions[region].network },
          emails: aws.notifications.emails,
          backupPlan:
            tier !== 'development' && hasMembers
              ? { copyTo: tier === 'production' ? (aws.backup?.copyRegions?.[region] ?? regionNames.find((r) => r !== region)) : undefined }
              : undefined,
          dynamodbAlarm: databases.some(
            (db) =>
              db.kind === 'dynamodb-table' &&
              ((db.region ?? aws.primaryRegion) === region || ((db.replicaRegions as string[] | undefined) ?? []).includes(region)),
          ),
        }),
      );
    }
    const placement = (region: string): Placement => ({ tier, envName, account: aws.account, region, foundation: foundations.get(region)! });
    // Dashboard lines by region: RDS instances first, then Aurora, then cache nodes (as ours orders them before splitting every 100).
    const rdsLines: Array<DashboardLine & { region: string }> = [];
    const auroraLines: Array<DashboardLine & { region: string }> = [];
    const cacheLines: Array<DashboardLine & { region: string }> = [];
    // The backup plan selects database stacks by tag; replicas and Aurora instances (backed up with their cluster) are left out.
    const backupTag = `${envName}-databases-${aws.primaryRegion}`;
    const inBackupPlan = (scope: Construct) => {
      if (tier !== 'development') Tags.of(scope).add('backup-plan', backupTag, { excludeResourceTypes: UNTAGGED });
    };

    for (const db of databases) {
      const region = (db.region as string | undefined) ?? aws.primaryRegion;
      const identifier = `${envName}-${db.name}`;
      if (db.kind === 'rds-instance') {
        const s = stack(`rds-${db.name}`, region, `RDS ${db.engine} ${db.version} instance ${identifier}`);
        s.addStackDependency(foundations.get(region)!);
        inBackupPlan(s);
        const database = new Construct(s, 'Database');
        const primary = rdsInstance(database, s, db, identifier, placement(region));
        rdsLines.push({ ...primary.line, region });
        const zones = aws.regions[region].network.availabilityZones;
        ((db.replicas as Array<{ region: string }> | undefined) ?? []).forEach((replica, index) => {
          const replicaId = `${identifier}-replica-${index + 1}`;
          if (replica.region === region) {
            const scope = new Construct(database, `Replica${index + 1}`);
            Tags.of(scope).remove('backup-plan');
            rdsLines.push({
              ...rdsInstance(scope, s, db, replicaId, placement(region), { source: primary.instance, availabilityZone: zones[(index + 1) % zones.length] })
                .line,
              region,
            });
            return;
          }
          // Its own stack in its region, after the source and the region's foundation (key alias).
          const r = stack(`rds-${db.name}-replica-${index + 1}`, replica.region, `Cross-region read replica ${replicaId} of ${identifier}`);
          r.addStackDependency(s);
          r.addStackDependency(foundations.get(replica.region)!);
          const scope = new Construct(r, 'Replica');
          rdsLines.push({
            ...rdsInstance(scope, r, db, replicaId, placement(replica.region), { source: `arn:aws:rds:${region}:${aws.account}:db:${identifier}` }).line,
            region: replica.region,
          });
        });
      } else if (db.kind === 'aurora-cluster') {
        const secondaryRegions = (db.secondaryRegions as string[] | undefined) ?? [];
        const globalId = secondaryRegions.length > 0 ? `${identifier}-global` : undefined;
        const s = stack(
          `aurora-${db.name}`,
          region,
          `Aurora ${db.engine} ${db.version} cluster ${identifier}${globalId ? ' (primary of a global database)' : ''}`,
        );
        s.addStackDependency(foundations.get(region)!);
        inBackupPlan(s);
        const readers = (db.readers as number | undefined) ?? (TIER[tier].multiAz ? 1 : 0);
        const ids = [`${identifier}-writer`, ...Array.from({ length: readers }, (_, i) => `${identifier}-reader-${i + 1}`)];
        const primary = auroraCluster(
          new Construct(s, 'Database'),
          s,
          db,
          identifier,
          ids,
          placement(region),
          globalId ? { role: 'primary', identifier: globalId } : undefined,
        );
        Tags.of(primary.cluster).remove('backup-plan', { includeResourceTypes: ['AWS::RDS::DBInstance'] });
        auroraLines.push(...primary.lines.map((l) => ({ ...l, region })));
        for (const secondaryRegion of secondaryRegions) {
          const secondaryId = `${identifier}-${secondaryRegion}`;
          const r = stack(`aurora-${db.name}-${secondaryRegion}`, secondaryRegion, `Aurora secondary cluster ${secondaryId} of global database ${globalId}`);
          r.addStackDependency(s);
          r.addStackDependency(foundations.get(secondaryRegion)!);
          const secondaryIds = Array.from({ length: (db.secondaryReaders as number | undefined) ?? 1 }, (_, i) => `${secondaryId}-reader-${i + 1}`);
          const secondary = auroraCluster(new Construct(r, 'Database'), r, db, secondaryId, secondaryIds, placement(secondaryRegion), {
            role: 'secondary',
            identifier: globalId!,
          });
          auroraLines.push(...secondary.lines.map((l) => ({ ...l, region: secondaryRegion })));
        }
      } else if (db.kind === 'dynamodb-table') {
        const replicaRegions = (db.replicaRegions as string[] | undefined) ?? [];
        const s = stack(
          `dynamodb-${db.name}`,
          region,
          `DynamoDB table ${identifier}${replicaRegions.length > 0 ? ` with replicas in ${replicaRegions.join(', ')}` : ''}`,
        );
        for (const r of [region, ...replicaRegions]) s.addStackDependency(foundations.get(r)!);
        inBackupPlan(s);
        dynamodbTable(s, db, placement(region));
      } else if (db.kind === 'elasticache-cluster') {
        // ElastiCache is not in AWS Backup: its snapshots are its backup, so no backup-plan tag.
        const secondaryRegions = (db.secondaryRegions as string[] | undefined) ?? [];
        const global = secondaryRegions.length > 0;
        const engine = `${CACHE_ENGINE.displayName} ${CACHE_ENGINE.version}`;
        // A secondary reads the global group's id (prefixed by ElastiCache per region) from the primary's stack.
        const s = stack(
          `elasticache-${db.name}`,
          region,
          `ElastiCache ${engine} replication group ${identifier}${global ? ' (primary of a Global Datastore)' : ''}`,
          global || undefined,
        );
        s.addStackDependency(foundations.get(region)!);
        const primary = elasticacheGroup(s, db, identifier, placement(region), global ? { role: 'primary' } : undefined);
        cacheLines.push(...primary.lines.map((l) => ({ ...l, region })));
        secondaryRegions.forEach((secondaryRegion, index) => {
          const secondaryId = `${identifier}-dr${index + 1}`;
          const r = stack(
            `elasticache-${db.name}-${secondaryRegion}`,
            secondaryRegion,
            `ElastiCache secondary replication group ${secondaryId} of the Global Datastore of ${identifier}`,
            true,
          );
          r.addStackDependency(s);
          r.addStackDependency(foundations.get(secondaryRegion)!);
          const secondary = elasticacheGroup(r, db, secondaryId, placement(secondaryRegion), { role: 'secondary', id: primary.globalId! });
          cacheLines.push(...secondary.lines.map((l) => ({ ...l, region: secondaryRegion })));
        });
      }
    }
    // A dashboard per region, split every 100 lines (CloudFormation and CloudWatch limits; ours does the same).
    const lines = [...rdsLines, ...auroraLines, ...cacheLines];
    for (const region of regionNames) {
      const all = lines.filter((l) => l.region === region);
      for (let part = 0; part * 100 < all.length; part++) {
        const suffix = part === 0 ? '' : `-${part + 1}`;
        const s = new Stack(this, `dashboard-${region}${suffix}`, {
          stackName: `${envName}-dashboard-${region}${suffix}`,
          env: { account: aws.account, region },
          description: `Database dashboard of ${envName} in ${region}`,
        });
        dashboard(s, `${envName}-databases-${region}${suffix}`, all.slice(part * 100, (part + 1) * 100));
      }
    }
    for (const [key, value] of Object.entries((env.config.tags as Record<string, string> | undefined) ?? {}))
      Tags.of(this).add(key, value, { excludeResourceTypes: UNTAGGED });
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
