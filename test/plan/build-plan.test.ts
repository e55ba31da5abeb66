import { validateEnvironment } from '../../lib/config/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { toGcpLabels } from '../../lib/plan/gcp-labels';
import { fixturePlan, withChange } from '../support/fixtures';

describe('AWS plan', () => {
  const plan = fixturePlan('production', 'prod');
  const aws = plan.aws!;

  test('a foundation per declared region with deterministic key alias and topic', () => {
    expect(aws.regions.map((r) => [r.region, r.stackName, r.keyAliasArn, r.alarmTopicArn])).toEqual([
      ['eu-west-1', 'prod-foundation-eu-west-1', 'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases', 'arn:aws:sns:eu-west-1:123456789012:prod-database-alarms'],
      ['eu-central-1', 'prod-foundation-eu-central-1', 'arn:aws:kms:eu-central-1:123456789012:alias/prod-databases', 'arn:aws:sns:eu-central-1:123456789012:prod-database-alarms'],
    ]);
    expect(aws.regions.every((r) => r.removalPolicy === 'retain')).toBe(true);
  });

  test('an RDS instance with every decision made', () => {
    const orders = aws.rdsInstances[0];
    expect(orders).toMatchObject({
      identifier: 'prod-orders',
      stackName: 'prod-rds-orders',
      region: 'eu-west-1',
      engineVersion: '17.6',
      majorVersion: '17',
      parameterGroupFamily: 'postgres17',
      size: { vcpus: 2, memoryGiB: 16 },
      multiAz: true,
      port: 5432,
      deletionProtection: true,
      removalPolicy: 'retain',
      keyAliasArn: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases',
      recovery: { backupRetentionDays: 35, pointInTimeRecovery: true, restorableWindowDays: 35, rpoMinutes: 5 },
    });
    expect(orders.parameters['rds.force_ssl']).toBe('1');
    expect(orders.parameters.log_min_duration_statement).toBe('1000');
    expect(orders.alarms.map((a) => [a.alarmName, a.threshold])).toEqual([
      ['prod-orders-cpu-high', 90],
      ['prod-orders-storage-low', Math.floor(100 * 1024 ** 3 * 0.15)],
    ]);
  });

  test('the slow-query threshold follows the tier', () => {
    expect(fixturePlan('development').aws!.rdsInstances[0].parameters.log_min_duration_statement).toBe('200');
    expect(fixturePlan('staging').aws!.rdsInstances[0].parameters.log_min_duration_statement).toBe('500');
  });

  test('a development key may be destroyed; staging and production keys are retained', () => {
    expect(fixturePlan('development').aws!.regions[0].removalPolicy).toBe('destroy');
    expect(fixturePlan('staging').aws!.regions[0].removalPolicy).toBe('retain');
  });

  test('without backups there is no restore point to promise', () => {
    const env = validateEnvironment('test', withChange((c) => Object.assign(c.databases[0], { backupRetentionDays: 0, pointInTimeRecovery: false })));
    expect(buildPlan(env).aws!.rdsInstances[0].recovery).toEqual({
      backupRetentionDays: 0,
      pointInTimeRecovery: false,
      restorableWindowDays: 0,
      rpoMinutes: undefined,
    });
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
    const ledger = gcp.cloudSqlInstances[0];
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
      recovery: { backupRetentionDays: 35, pointInTimeRecovery: true, restorableWindowDays: 7, rpoMinutes: 5, transactionLogRetentionDays: 7 },
    });
    // Absolute values from the tier's 7.5 GB: Cloud SQL flags cannot be formulas.
    expect(ledger.flags).toMatchObject({
      effective_cache_size: String(Math.floor((7.5 * 1024 ** 3 * 0.7) / 8192)),
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
    expect(fixturePlan('development').gcp!.cloudSqlInstances[0]).toMatchObject({
      availabilityType: 'ZONAL',
      deletionProtection: false,
      preventDestroy: false,
      retainBackupsOnDelete: false,
      // Cloud SQL keeps more backups than days of logs, so the tier's 1 backup becomes 2.
      recovery: { backupRetentionDays: 2, transactionLogRetentionDays: 1, restorableWindowDays: 1 },
    });
  });

  test('staging keeps its 7 backups over 6 days of logs', () => {
    expect(fixturePlan('staging').gcp!.cloudSqlInstances[0].recovery).toMatchObject({ backupRetentionDays: 7, transactionLogRetentionDays: 6 });
  });

  test('tags become valid labels', () => {
    expect(toGcpLabels({ 'Cost Center': 'Platform/DB', '1st': 'x' })).toEqual({ cost_center: 'platform_db', t_1st: 'x' });
  });
});

test('the plan is pure: same config, same plan', () => {
  expect(fixturePlan()).toEqual(fixturePlan());
});
