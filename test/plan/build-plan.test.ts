import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { toGcpLabels } from '../../lib/naming/gcp-labels';
import { fixturePlan, withChange } from '../support/fixtures';

describe('AWS plan', () => {
  const plan = fixturePlan('production', 'prod');
  const aws = plan.aws!;

  test('a foundation per declared region with deterministic key alias and topic', () => {
    expect(aws.regions.map((r) => [r.region, r.stackName, r.keyAliasArn, r.alarmTopicArn])).toEqual([
      [
        'eu-west-1',
        'prod-foundation-eu-west-1',
        'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases',
        'arn:aws:sns:eu-west-1:123456789012:prod-database-alarms',
      ],
      [
        'eu-central-1',
        'prod-foundation-eu-central-1',
        'arn:aws:kms:eu-central-1:123456789012:alias/prod-databases',
        'arn:aws:sns:eu-central-1:123456789012:prod-database-alarms',
      ],
    ]);
    expect(aws.regions.every((r) => r.removalPolicy === 'retain')).toBe(true);
  });

  test('an RDS instance with every decision made', () => {
    const orders = plan.databases['rds-instance'][0];
    expect(orders).toMatchObject({
      identifier: 'prod-orders',
      stackName: 'prod-rds-orders',
      arn: 'arn:aws:rds:eu-west-1:123456789012:db:prod-orders',
      region: 'eu-west-1',
      engineVersion: '17.6',
      majorVersion: '17',
      parameterGroupFamily: 'postgres17',
      licenseModel: 'postgresql-license',
      size: { vcpus: 2, memoryGiB: 16 },
      multiAz: true,
      port: 5432,
      clientPort: 5432,
      deletionProtection: true,
      removalPolicy: 'retain',
      keyAliasArn: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases',
      credentials: { mode: 'rds-managed', rotationDays: 30 },
      iamAuthentication: true,
      allowMajorVersionUpgrade: true,
      preferredMaintenanceWindow: 'sun:04:00-sun:05:00',
      recovery: {
        backupRetentionDays: 35,
        pointInTimeRecovery: true,
        restorableWindowDays: 35,
        rpoMinutes: 5,
        preferredBackupWindow: '02:00-03:00',
        copyTagsToSnapshot: true,
        backupReplication: undefined,
      },
      // 16 GiB / 9531392 bytes per connection (RDS's PostgreSQL default)
      maxConnections: 1802,
      observability: {
        performanceInsights: true,
        databaseInsightsMode: 'advanced',
        performanceInsightsRetentionDays: 465,
        monitoringIntervalSeconds: 15,
        logExports: ['postgresql', 'upgrade'],
        logRetentionDays: 365,
      },
      proxy: false,
      replicas: [],
    });
    expect(orders.parameters['rds.force_ssl']).toBe('1');
    expect(orders.parameters.log_min_duration_statement).toBe('1000');
    expect(orders.alarms.find((a) => a.id === 'storage-critical')!.threshold).toBe(Math.floor(100 * 1024 ** 3 * 0.15));
    expect(orders.alarms.find((a) => a.id === 'connections-critical')!.threshold).toBe(Math.floor(1802 * 0.9));
  });

  test('the slow-query threshold and observability follow the tier', () => {
    const dev = fixturePlan('development').databases['rds-instance'][0];
    expect(dev.parameters.log_min_duration_statement).toBe('200');
    expect(dev.observability).toMatchObject({
      databaseInsightsMode: 'standard',
      performanceInsightsRetentionDays: 7,
      monitoringIntervalSeconds: 60,
      logRetentionDays: 7,
    });
    expect(fixturePlan('staging').databases['rds-instance'][0].parameters.log_min_duration_statement).toBe('500');
  });

  test('a development key may be destroyed; staging and production keys are retained', () => {
    expect(fixturePlan('development').aws!.regions[0].removalPolicy).toBe('destroy');
    expect(fixturePlan('staging').aws!.regions[0].removalPolicy).toBe('retain');
  });

  test('without backups there is no restore point to promise', () => {
    const env = validateEnvironment(
      'test',
      withChange((c) => Object.assign(c.databases[0], { backupRetentionDays: 0, pointInTimeRecovery: false })),
    );
    expect(buildPlan(env).databases['rds-instance'][0].recovery).toMatchObject({
      backupRetentionDays: 0,
      pointInTimeRecovery: false,
      restorableWindowDays: 0,
      rpoMinutes: undefined,
    });
  });

  test("automated backups replicated to another region use that region's key", () => {
    const env = validateEnvironment(
      'prod',
      withChange((c) => (c.databases[0].backupReplicationRegion = 'eu-central-1')),
    );
    expect(buildPlan(env).databases['rds-instance'][0].recovery.backupReplication).toEqual({
      region: 'eu-central-1',
      keyAliasArn: 'arn:aws:kms:eu-central-1:123456789012:alias/prod-databases',
      retentionDays: 35,
    });
  });
});

describe('AWS plan of read replicas', () => {
  const env = validateEnvironment(
    'prod',
    withChange((c) => (c.databases[0].replicas = [{ region: 'eu-west-1', instanceClass: 'db.r6g.xlarge' }, { region: 'eu-central-1' }])),
  );
  const aws = buildPlan(env).aws!;
  const [same, cross] = buildPlan(env).databases['rds-instance'][0].replicas;

  test("a same-region replica: in the primary's stack, in another zone, its own class and tuning", () => {
    expect(same).toMatchObject({
      identifier: 'prod-orders-replica-1',
      region: 'eu-west-1',
      crossRegion: false,
      stack: undefined,
      availabilityZone: 'eu-west-1b',
      instanceClass: 'db.r6g.xlarge',
      size: { memoryGiB: 32 },
      parameterGroupFamily: 'postgres17',
      sourceArn: 'arn:aws:rds:eu-west-1:123456789012:db:prod-orders',
      keyAliasArn: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases',
      removalPolicy: 'retain',
    });
    expect(same.alarms.map((a) => a.id)).toEqual(expect.arrayContaining(['replica-lag-warning', 'replica-lag-critical']));
    expect(same.alarms.find((a) => a.id === 'memory-critical')!.threshold).toBe(Math.floor(32 * 1024 ** 3 * 0.1));
  });

  test("a cross-region replica: its own stack in its region, the source by ARN, that region's key and topic", () => {
    expect(cross).toMatchObject({
      identifier: 'prod-orders-replica-2',
      region: 'eu-central-1',
      crossRegion: true,
      stack: { stackId: 'rds-orders-replica-2', stackName: 'prod-rds-orders-replica-2', region: 'eu-central-1' },
      availabilityZone: undefined,
      instanceClass: 'db.r6g.large',
      sourceArn: 'arn:aws:rds:eu-west-1:123456789012:db:prod-orders',
      keyAliasArn: 'arn:aws:kms:eu-central-1:123456789012:alias/prod-databases',
      alarmTopicArn: 'arn:aws:sns:eu-central-1:123456789012:prod-database-alarms',
      // Security groups are regional: only CIDRs carry over to another region.
      allowedCidrs: ['10.0.0.0/16'],
      allowedSecurityGroupIds: [],
    });
  });

  test('a dashboard per region lists the instances there, with the metrics their alarms watch', () => {
    expect(aws.dashboards.map((d) => [d.stackName, d.dashboardName, d.instances.map((i) => i.identifier)])).toEqual([
      ['prod-dashboard-eu-west-1', 'prod-databases-eu-west-1', ['prod-orders', 'prod-orders-replica-1']],
      ['prod-dashboard-eu-central-1', 'prod-databases-eu-central-1', ['prod-orders-replica-2']],
    ]);
    expect(aws.dashboards[1].instances[0].metrics).toContainEqual({ namespace: 'AWS/RDS', metricName: 'ReplicaLag' });
    expect(aws.dashboards[0].instances[0].metrics).not.toContainEqual({ namespace: 'AWS/RDS', metricName: 'ReplicaLag' });
  });

  test('a region with more than 100 instances gets further dashboards (-2, …), 100 instances each at most', () => {
    const config = withChange((c) => {
      const orders = c.databases.find((db: any) => db.name === 'orders');
      for (let i = 1; i <= 150; i++) c.databases.push({ ...orders, name: `db-${i}`, replicas: [] });
    });
    const dashboards = buildPlan(validateEnvironment('prod', config)).aws!.dashboards;
    expect(dashboards.map((d) => [d.stackName, d.dashboardName, d.instances.length])).toEqual([
      ['prod-dashboard-eu-west-1', 'prod-databases-eu-west-1', 100],
      ['prod-dashboard-eu-west-1-2', 'prod-databases-eu-west-1-2', 51],
    ]);
  });
});

describe('Google Cloud plan', () => {
  const gcp = fixturePlan('production', 'prod').gcp!;

  test('a key per region with a deterministic id, and the Cloud SQL service agent', () => {
    expect(gcp.foundation.keys.map((k) => k.keyId)).toEqual([
      'projects/fixture-project/locations/europe-west1/keyRings/prod-databases/cryptoKeys/cloud-sql',
      'projects/fixture-project/locations/europe-west4/keyRings/prod-databases/cryptoKeys/cloud-sql',
    ]);
    expect(gcp.foundation.cloudSqlServiceAgent).toBe('service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com');
    expect(gcp.foundation.preventDestroy).toBe(true);
  });

  test('a Cloud SQL instance with every decision made', () => {
    const ledger = fixturePlan('production', 'prod').databases['cloudsql-instance'][0];
    expect(ledger).toMatchObject({
      instanceName: 'prod-ledger',
      stackName: 'prod-cloudsql-ledger',
      databaseVersion: 'POSTGRES_16',
      edition: 'ENTERPRISE',
      availabilityType: 'REGIONAL',
      deletionProtection: true,
      preventDestroy: true,
      sslMode: 'ENCRYPTED_ONLY',
      pointInTimeRecoveryMode: 'pitr',
      keyId: gcp.foundation.keys[0].keyId,
      recovery: { retainedBackups: 35, pointInTimeRecovery: true, restorableWindowDays: 7, rpoMinutes: 5, transactionLogRetentionDays: 7 },
    });
    // Absolute values from the tier's 7.5 GB: Cloud SQL flags cannot be formulas.
    expect(ledger.flags).toMatchObject({
      effective_cache_size: String(Math.floor((7.5 * 1024 ** 3 * 0.65) / 8192)),
      log_lock_waits: 'on',
      log_min_duration_statement: '1000',
    });
    expect(ledger.flags.shared_buffers).toBeUndefined();
    expect(ledger.retainBackupsOnDelete).toBe(true);
    // The common catalog's rows first (Cloud SQL-only rows: test/gcp/cloud-sql-alerts.test.ts).
    expect(ledger.alerts.slice(0, 2).map((a) => [a.metricType, a.threshold])).toEqual([
      ['cloudsql.googleapis.com/database/cpu/utilization', 0.9],
      ['cloudsql.googleapis.com/database/disk/utilization', 0.85],
    ]);
  });

  test('development instances are ZONAL, not protected from destroy, and keep 2 backups over 1 day of logs', () => {
    expect(fixturePlan('development').databases['cloudsql-instance'][0]).toMatchObject({
      availabilityType: 'ZONAL',
      deletionProtection: false,
      preventDestroy: false,
      retainBackupsOnDelete: false,
      // Cloud SQL keeps more backups than days of logs, so the tier's 1 backup becomes 2.
      recovery: { retainedBackups: 2, transactionLogRetentionDays: 1, restorableWindowDays: 1 },
    });
  });

  test('staging keeps its 7 backups over 6 days of logs', () => {
    expect(fixturePlan('staging').databases['cloudsql-instance'][0].recovery).toMatchObject({ retainedBackups: 7, transactionLogRetentionDays: 6 });
  });

  test('tags become valid labels', () => {
    expect(toGcpLabels({ 'Cost Center': 'Platform/DB', '1st': 'x' })).toEqual({ cost_center: 'platform_db', t_1st: 'x' });
  });
});

test('the plan is pure: same config, same plan', () => {
  expect(fixturePlan()).toEqual(fixturePlan());
});

describe('planning once', () => {
  test('the same environment object gets the same plan object (the policy check and the app share it)', () => {
    const env = validateEnvironment(
      'prod',
      withChange(() => undefined),
    );
    expect(buildPlan(env)).toBe(buildPlan(env));
    expect(
      buildPlan(
        validateEnvironment(
          'prod',
          withChange(() => undefined),
        ),
      ),
    ).toEqual(buildPlan(env));
  });
});
