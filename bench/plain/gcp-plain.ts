#!/usr/bin/env node
/**
 * The benchmark's Google Cloud baseline: the same Terraform resources as our CDKTF app declares for a fleet, written
 * by hand against cdktf and the @cdktf/provider-google classes (deep imports, like ours), with no schema, validation,
 * plan, policy rules or constructs of ours. Reads the raw environment files of DB_CONFIG_DIR (bench/fleet.ts).
 *
 * Stacks and resources per type match ours (test/bench/plain-apps.integration.test.ts), and so do the property values: the
 * tier's flags, retention and alert thresholds, the alerts' severity and runbook text (a hand-written app carries
 * the same text; a shorter one would make the comparison unfair to ours).
 */
import { App, GcsBackend, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import { RedisInstance } from '@cdktf/provider-google/lib/redis-instance';
import { SqlDatabaseInstance, SqlDatabaseInstanceSettingsDatabaseFlags } from '@cdktf/provider-google/lib/sql-database-instance';
import { readRawEnvironments, RawDatabase, RawEnvironment } from './raw-environments';

type Tier = 'development' | 'staging' | 'production';
interface Gcp {
  projectId: string;
  projectNumber: string;
  primaryRegion: string;
  regions: string[];
  privateNetwork: string;
  notifications: { emails: string[] };
  stateBackend?: { type: 'gcs'; bucket: string; prefix: string };
}
const TIER = {
  development: { retained: 2, logDays: 1, regional: false, protect: false, slowMs: 200 },
  staging: { retained: 7, logDays: 6, regional: true, protect: true, slowMs: 500 },
  production: { retained: 35, logDays: 7, regional: true, protect: true, slowMs: 1000 },
} as const;

function backend(stack: TerraformStack, name: string, gcp: Gcp) {
  if (gcp.stateBackend?.type === 'gcs') new GcsBackend(stack, { bucket: gcp.stateBackend.bucket, prefix: `${gcp.stateBackend.prefix}/${name}` });
  else new LocalBackend(stack, { path: `../../../terraform.${name}.tfstate` });
}

class Foundation extends TerraformStack {
  readonly channels: string[];
  constructor(scope: Construct, envName: string, tier: Tier, gcp: Gcp, labels: Record<string, string>, redis: boolean) {
    super(scope, `${envName}-foundation`);
    new GoogleProvider(this, 'google', { project: gcp.projectId, region: gcp.primaryRegion });
    backend(this, `${envName}-foundation`, gcp);
    const keys = new Construct(this, 'CloudSqlKeys');
    for (const region of gcp.regions) {
      // Grouped per region under one scope, like ours: same construct paths, so the same ids and metadata.
      const scope = new Construct(keys, region);
      const ring = new KmsKeyRing(scope, 'KeyRing', { project: gcp.projectId, location: region, name: `${envName}-databases` });
      const key = new KmsCryptoKey(scope, 'Key', {
        keyRing: ring.id,
        name: 'cloud-sql',
        purpose: 'ENCRYPT_DECRYPT',
        rotationPeriod: `${90 * 24 * 3600}s`,
        labels,
        lifecycle: tier === 'development' ? undefined : { preventDestroy: true },
      });
      new KmsCryptoKeyIamMember(scope, 'CloudSqlServiceAgent', {
        cryptoKeyId: key.id,
        role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
        member: `serviceAccount:service-${gcp.projectNumber}@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
      });
      if (redis) {
        new KmsCryptoKeyIamMember(scope, 'MemorystoreServiceAgent', {
          cryptoKeyId: key.id,
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: `serviceAccount:service-${gcp.projectNumber}@cloud-redis.iam.gserviceaccount.com`,
        });
      }
    }
    this.channels = gcp.notifications.emails.map(
      (email) =>
        new MonitoringNotificationChannel(this, `Email-${email.replace(/[^a-zA-Z0-9-]/g, '_')}`, {
          project: gcp.projectId,
          type: 'email',
          displayName: `${envName} databases: ${email}`,
          labels: { email_address: email },
          userLabels: labels,
        }).name,
    );
  }
}

/** What the on-call engineer checks first, per alert: the text a hand-written app would carry too. */
const RUNBOOK: Record<string, string> = {
  'cpu-warning': 'Open Query Insights for the queries using the most CPU; check for a new release or a missing index before resizing the tier.',
  'cpu-high': 'Look for long-running or new queries (Performance Insights / Query Insights) before resizing.',
  memory:
    'Check the number of connections and the memory-hungry queries in Query Insights (sorts and hashes; work_mem on PostgreSQL); move to a tier with more memory if the working set has grown.',
  'storage-warning':
    'Check what grows (tables, indexes, temporary files, transaction or binary logs). The disk grows automatically up to its limit: raise the limit or clean up before it is reached.',
  'storage-low': 'Check table and WAL growth; raise the storage (or its autoscaling limit) before it runs out.',
  'server-down':
    "Check the instance's operations and logs in the console (maintenance, failover, out-of-memory restart). A REGIONAL instance fails over to its standby on its own within minutes.",
  'instance-failed':
    "Check the instance's operations log for the operation that failed. A disabled or revoked key version stops a CMEK instance: check the key and the Cloud SQL service agent's grant on it first.",
  'backends-high':
    'Look for connection leaks and sessions idle in transaction (pg_stat_activity); put a connection pooler in front before raising max_connections.',
  'replica-lag':
    "Check the primary's write rate and long transactions on the replica (PostgreSQL: queries that conflict with recovery); a replica with a smaller tier or a slower disk than its primary may not keep up.",
  'transaction-ids':
    'Autovacuum is not freezing old rows fast enough: look for long-running transactions, abandoned replication slots and prepared transactions first, then VACUUM (FREEZE) the oldest tables. PostgreSQL stops writes near 100%.',
};
const runbook = (id: string) => RUNBOOK[id] ?? RUNBOOK[id.replace(/-(warning|critical)$/, '')];

/** One alert policy on a Cloud SQL metric of one instance. */
function alert(
  scope: Construct,
  id: string,
  project: string,
  instance: string,
  metric: string,
  comparison: 'COMPARISON_GT' | 'COMPARISON_LT',
  threshold: number,
  duration: number,
  aligner: string,
  text: string,
  channels: string[],
  labels: Record<string, string>,
  extraFilter = '',
) {
  // PostgreSQL reports backends per database: summed per instance to compare with max_connections.
  const perInstance = metric === 'postgresql/num_backends' ? { crossSeriesReducer: 'REDUCE_SUM', groupByFields: ['resource.label.database_id'] } : {};
  new MonitoringAlertPolicy(scope, id, {
    project,
    displayName: `${instance}: ${text}`,
    combiner: 'OR',
    notificationChannels: channels,
    userLabels: labels,
    severity: text.endsWith('[warning]') ? 'WARNING' : 'CRITICAL',
    documentation: { content: runbook(id.replace(/^Alert-/, '')), mimeType: 'text/markdown' },
    conditions: [
      {
        displayName: `${instance}: ${text}`,
        conditionThreshold: {
          filter: `resource.type="cloudsql_database" AND resource.labels.database_id="${project}:${instance}" AND metric.type="cloudsql.googleapis.com/database/${metric}"${extraFilter}`,
          comparison,
          thresholdValue: threshold,
          duration: `${duration}s`,
          aggregations: [
            {
              alignmentPeriod: aligner === 'ALIGN_MIN' || aligner === 'ALIGN_FRACTION_TRUE' || metric.startsWith('replication/') ? '60s' : '300s',
              perSeriesAligner: aligner,
              ...perInstance,
            },
          ],
        },
      },
    ],
  });
}

function alerts(
  scope: Construct,
  project: string,
  instance: string,
  postgres: boolean,
  replica: boolean,
  maxConnections: number,
  channels: string[],
  labels: Record<string, string>,
) {
  const a = (id: string, ...rest: [string, 'COMPARISON_GT' | 'COMPARISON_LT', number, number, string, string, string?]) =>
    alert(scope, `Alert-${id}`, project, instance, rest[0], rest[1], rest[2], rest[3], rest[4], rest[5], channels, labels, rest[6]);
  a('cpu-warning', 'cpu/utilization', 'COMPARISON_GT', 0.75, 900, 'ALIGN_MEAN', 'CPU above 75% [warning]');
  a('cpu-high', 'cpu/utilization', 'COMPARISON_GT', 0.9, 900, 'ALIGN_MEAN', 'CPU above 90% [critical]');
  a('memory-warning', 'memory/utilization', 'COMPARISON_GT', 0.8, 900, 'ALIGN_MEAN', 'memory above 80% [warning]');
  a('memory-critical', 'memory/utilization', 'COMPARISON_GT', 0.9, 900, 'ALIGN_MEAN', 'memory above 90% [critical]');
  a('storage-warning', 'disk/utilization', 'COMPARISON_GT', 0.7, 300, 'ALIGN_MEAN', 'disk more than 70% full [warning]');
  a('storage-low', 'disk/utilization', 'COMPARISON_GT', 0.85, 300, 'ALIGN_MEAN', 'disk more than 85% full [critical]');
  a('server-down', 'up', 'COMPARISON_LT', 1, 300, 'ALIGN_MIN', 'database server down [critical]');
  a(
    'instance-failed',
    'instance_state',
    'COMPARISON_GT',
    0,
    60,
    'ALIGN_FRACTION_TRUE',
    'instance in state FAILED [critical]',
    ' AND metric.labels.state="FAILED"',
  );
  const backends = Math.floor(maxConnections * 0.9);
  if (postgres) a('backends-high', 'postgresql/num_backends', 'COMPARISON_GT', backends, 300, 'ALIGN_MEAN', `more than ${backends} backends [critical]`);
  if (replica) {
    a('replica-lag-warning', 'replication/replica_lag', 'COMPARISON_GT', 30, 300, 'ALIGN_MAX', 'replica more than 30 s behind [warning]');
    a('replica-lag-critical', 'replication/replica_lag', 'COMPARISON_GT', 300, 300, 'ALIGN_MAX', 'replica more than 300 s behind [critical]');
  } else if (postgres) {
    a('transaction-ids-warning', 'postgresql/transaction_id_utilization', 'COMPARISON_GT', 0.5, 900, 'ALIGN_MAX', '50% of transaction ids used [warning]');
    a('transaction-ids-critical', 'postgresql/transaction_id_utilization', 'COMPARISON_GT', 0.75, 900, 'ALIGN_MAX', '75% of transaction ids used [critical]');
  }
}

const flag = (name: string, value: string | number): SqlDatabaseInstanceSettingsDatabaseFlags => ({ name, value: String(value) });

class CloudSqlStack extends TerraformStack {
  constructor(scope: Construct, envName: string, tier: Tier, gcp: Gcp, db: RawDatabase, foundation: Foundation, labels: Record<string, string>) {
    const stackName = `${envName}-cloudsql-${db.name}`;
    super(scope, stackName);
    new GoogleProvider(this, 'google', { project: gcp.projectId, region: gcp.primaryRegion });
    backend(this, stackName, gcp);
    this.addDependency(foundation);
    const t = TIER[tier];
    const postgres = db.engine === 'postgres';
    const name = `${envName}-${db.name}`;
    const keyId = (region: string) => `projects/${gcp.projectId}/locations/${region}/keyRings/${envName}-databases/cryptoKeys/cloud-sql`;
    const [, , vcpus, memoryMb] = String(db.tier).split('-').map(Number);
    // Cloud SQL's max_connections default for the tier's memory (3.75 GB: 100, 7.5 GB: 400).
    const maxConnections = memoryMb < 7680 ? 100 : 400;
    const flags = postgres
      ? [
          flag('autovacuum_analyze_scale_factor', '0.02'),
          flag('autovacuum_vacuum_insert_scale_factor', '0.05'),
          flag('autovacuum_vacuum_scale_factor', '0.05'),
          flag('cloudsql.iam_authentication', 'on'),
          flag('effective_cache_size', Math.floor((memoryMb * 0.7 * 1024) / 8)),
          flag('effective_io_concurrency', 200),
          flag('idle_in_transaction_session_timeout', 600000),
          flag('log_autovacuum_min_duration', 10000),
          flag('log_lock_waits', 'on'),
          flag('log_min_duration_statement', t.slowMs),
          flag('log_temp_files', 65536),
          flag('maintenance_work_mem', Math.floor(memoryMb * 64)),
          flag('max_connections', maxConnections),
          flag('max_parallel_workers', vcpus),
          flag('max_parallel_workers_per_gather', Math.floor(vcpus / 2)),
          flag('random_page_cost', '1.1'),
        ]
      : [flag('cloudsql_iam_authentication', 'on'), flag('log_output', 'FILE'), flag('long_query_time', t.slowMs / 1000), flag('slow_query_log', 'on')];
    const common = {
      databaseVersion: postgres ? 'POSTGRES_16' : 'MYSQL_8_4',
      project: gcp.projectId,
      deletionProtection: t.protect,
    };
    const settingsCommon = {
      tier: db.tier as string,
      edition: 'ENTERPRISE',
      diskType: 'PD_SSD',
      diskSize: db.diskSizeGb as number,
      diskAutoresize: true,
      diskAutoresizeLimit: (db.diskAutoresizeLimitGb as number | undefined) ?? 0,
      databaseFlags: flags,
      deletionProtectionEnabled: t.protect,
      userLabels: labels,
      ipConfiguration: { ipv4Enabled: false, privateNetwork: gcp.privateNetwork, sslMode: 'ENCRYPTED_ONLY' },
      insightsConfig: { queryInsightsEnabled: true, queryPlansPerMinute: 5, queryStringLength: 1024, recordApplicationTags: false, recordClientAddress: false },
    };
    const database = new Construct(this, 'Database');
    const primary = new SqlDatabaseInstance(database, 'Instance', {
      ...common,
      name,
      region: gcp.primaryRegion,
      encryptionKeyName: keyId(gcp.primaryRegion),
      lifecycle: tier === 'production' ? { preventDestroy: true } : undefined,
      settings: {
        ...settingsCommon,
        availabilityType: t.regional ? 'REGIONAL' : 'ZONAL',
        retainBackupsOnDelete: tier !== 'development',
        backupConfiguration: {
          enabled: true,
          startTime: '02:00',
          location: gcp.primaryRegion,
          pointInTimeRecoveryEnabled: postgres || undefined,
          binaryLogEnabled: postgres ? undefined : true,
          transactionLogRetentionDays: t.logDays,
          backupRetentionSettings: { retainedBackups: t.retained, retentionUnit: 'COUNT' },
        },
        maintenanceWindow: { day: 7, hour: 6, updateTrack: tier === 'production' ? 'stable' : 'canary' },
        passwordValidationPolicy: {
          enablePasswordPolicy: true,
          minLength: 12,
          complexity: 'COMPLEXITY_DEFAULT',
          reuseInterval: 5,
          disallowUsernameSubstring: true,
        },
      },
    });
    alerts(database, gcp.projectId, name, postgres, false, maxConnections, foundation.channels, labels);
    for (const replica of (db.replicas as Array<{ region: string }> | undefined) ?? []) {
      const replicaName = `${name}-replica-${replica.region}`;
      const replicaScope = new Construct(this, `Replica-${replica.region}`);
      new SqlDatabaseInstance(replicaScope, 'Instance', {
        ...common,
        name: replicaName,
        region: replica.region,
        encryptionKeyName: keyId(replica.region),
        masterInstanceName: primary.name,
        settings: { ...settingsCommon, availabilityType: 'ZONAL' },
      });
      alerts(replicaScope, gcp.projectId, replicaName, postgres, true, maxConnections, foundation.channels, labels);
    }
  }
}

const REDIS_SNAPSHOTS = { development: 'TWENTY_FOUR_HOURS', staging: 'SIX_HOURS', production: 'ONE_HOUR' } as const;

/** A Memorystore for Redis cache with its alert policies, as ours declares it (STANDARD_HA outside development). */
class MemorystoreStack extends TerraformStack {
  constructor(scope: Construct, envName: string, tier: Tier, gcp: Gcp, db: RawDatabase, foundation: Foundation, labels: Record<string, string>) {
    const stackName = `${envName}-memorystore-${db.name}`;
    super(scope, stackName);
    new GoogleProvider(this, 'google', { project: gcp.projectId, region: gcp.primaryRegion });
    backend(this, stackName, gcp);
    this.addDependency(foundation);
    const ha = TIER[tier].regional;
    const replicas = (db.readReplicas as number | undefined) ?? 0;
    const name = `${envName}-${db.name}`;
    const region = gcp.primaryRegion;
    const cache = new Construct(this, 'Cache');
    new RedisInstance(cache, 'Instance', {
      project: gcp.projectId,
      region,
      name,
      redisVersion: 'REDIS_7_2',
      tier: ha ? 'STANDARD_HA' : 'BASIC',
      memorySizeGb: db.memorySizeGb as number,
      replicaCount: ha ? Math.max(replicas, 1) : undefined,
      readReplicasMode: ha ? (replicas > 0 ? 'READ_REPLICAS_ENABLED' : 'READ_REPLICAS_DISABLED') : undefined,
      secondaryIpRange: ha && replicas > 0 ? 'auto' : undefined,
      connectMode: 'PRIVATE_SERVICE_ACCESS',
      authorizedNetwork: gcp.privateNetwork,
      customerManagedKey: `projects/${gcp.projectId}/locations/${region}/keyRings/${envName}-databases/cryptoKeys/cloud-sql`,
      authEnabled: true,
      transitEncryptionMode: 'SERVER_AUTHENTICATION',
      persistenceConfig: { persistenceMode: 'RDB', rdbSnapshotPeriod: REDIS_SNAPSHOTS[tier] },
      maintenancePolicy: { weeklyMaintenanceWindow: [{ day: 'SUNDAY', startTime: { hours: 6, minutes: 0 } }] },
      redisConfigs: { 'maxmemory-policy': 'allkeys-lru' },
      labels,
      lifecycle: TIER[tier].protect ? { preventDestroy: true } : undefined,
    });
    const filter = `resource.type="redis_instance" AND resource.labels.instance_id="projects/${gcp.projectId}/locations/${region}/instances/${name}"`;
    const policy = (id: string, metric: string, threshold: number, aligner: string, text: string, doc: string, alignment = 300) =>
      new MonitoringAlertPolicy(cache, `Alert-${id}`, {
        project: gcp.projectId,
        displayName: `${name}: ${text} [warning]`,
        severity: 'WARNING',
        combiner: 'OR',
        notificationChannels: foundation.channels,
        documentation: { content: doc, mimeType: 'text/markdown' },
        userLabels: labels,
        conditions: [
          {
            displayName: `${name}: ${text} [warning]`,
            conditionThreshold: {
              filter: `${filter} AND metric.type="redis.googleapis.com/${metric}"`,
              comparison: 'COMPARISON_GT',
              thresholdValue: threshold,
              duration: '300s',
              aggregations: [{ alignmentPeriod: `${alignment}s`, perSeriesAligner: aligner }],
            },
          },
        ],
      });
    policy(
      'MemoryUsage',
      'stats/memory/usage_ratio',
      0.8,
      'ALIGN_MAX',
      'memory above 80%',
      'The cache is evicting soon. Raise memorySizeGb (a resize is in place) or shorten TTLs; check for keys written without a TTL.',
    );
    policy(
      'Evictions',
      'stats/evicted_keys',
      100,
      'ALIGN_RATE',
      'more than 100 keys evicted per second',
      'The cache is too small for its working set: raise memorySizeGb or check for a new, large key pattern.',
    );
    policy(
      'ConnectedClients',
      'clients/connected',
      800,
      'ALIGN_MAX',
      'more than 800 connected clients',
      'Check for connection leaks (clients that open a connection per request) before raising the limit; use a pool.',
    );
    if (ha)
      policy(
        'ReplicationLag',
        'replication/master/slaves/lag',
        30,
        'ALIGN_MAX',
        'replica more than 30 s behind',
        'A failover now would lose the writes the replica has not received. Check write volume and the primary CPU.',
        60,
      );
  }
}

/** Adds the stacks of every environment with a `gcp` section (like our app). */
export function addPlainGcpEnvironments(app: App, environments: readonly RawEnvironment[]): void {
  for (const env of environments) addEnvironment(app, env);
}

function addEnvironment(app: App, env: RawEnvironment): void {
  const gcp = env.config.gcp as Gcp | undefined;
  if (!gcp) return;
  const tier = env.config.tier as Tier;
  const labels = (env.config.tags as Record<string, string> | undefined) ?? {};
  const databases = env.config.databases as RawDatabase[];
  const foundation = new Foundation(
    app,
    env.name,
    tier,
    gcp,
    labels,
    databases.some((db) => db.kind === 'memorystore-instance'),
  );
  for (const db of databases) {
    if (db.kind === 'cloudsql-instance') new CloudSqlStack(app, env.name, tier, gcp, db, foundation, labels);
    if (db.kind === 'memorystore-instance') new MemorystoreStack(app, env.name, tier, gcp, db, foundation, labels);
  }
}

if (require.main === module) {
  const app = new App();
  addPlainGcpEnvironments(app, readRawEnvironments());
  app.synth();
}
