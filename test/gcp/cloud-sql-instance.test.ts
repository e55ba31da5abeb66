import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance';
import { CloudSqlAlert, CloudSqlInstance, CloudSqlInstanceProps } from '../../constructs/gcp/cloud-sql-instance';
import type { CloudSqlEdition } from '../../constructs/gcp/cloud-sql-engine-table';
import { instanceProps, onlyResource, resources, synth, synthJson, TEST_KEY, testStack } from './support';

const CPU_ALERT: CloudSqlAlert = {
  id: 'cpu-high',
  displayName: 'test-ledger: CPU above 90% [critical]',
  severity: 'critical',
  metricType: 'cloudsql.googleapis.com/database/cpu/utilization',
  comparison: 'COMPARISON_GT',
  threshold: 0.9,
  durationSeconds: 900,
  documentation: 'Look for long-running queries before resizing.',
};
const CHANNEL = 'projects/acme-test/notificationChannels/123';

function givenInstance(overrides: Partial<CloudSqlInstanceProps> = {}) {
  const stack = testStack();
  const database = new CloudSqlInstance(stack, 'Database', instanceProps(overrides));
  return { stack, database };
}

function instanceJson(overrides: Partial<CloudSqlInstanceProps> = {}) {
  return onlyResource(synthJson(givenInstance(overrides).stack), 'google_sql_database_instance');
}

describe('CloudSqlInstance defaults', () => {
  // GIVEN only the required props
  // WHEN synthesized
  const instance = instanceJson();

  test('THEN the edition and the database version are explicit', () => {
    expect(instance.settings.edition).toBe('ENTERPRISE');
    expect(instance.database_version).toBe('POSTGRES_16');
    expect(instance.settings.tier).toBe('db-custom-2-7680');
  });

  test('THEN it has a private IP only, with TLS enforced', () => {
    expect(instance.settings.ip_configuration).toEqual({
      ipv4_enabled: false,
      private_network: 'projects/acme-network/global/networks/shared-vpc',
      ssl_mode: 'ENCRYPTED_ONLY',
    });
  });

  test('THEN it is encrypted with the customer-managed key', () => {
    expect(instance.encryption_key_name).toBe(TEST_KEY);
  });

  test('THEN it is regional on an SSD that grows', () => {
    expect(instance.settings).toMatchObject({
      availability_type: 'REGIONAL',
      disk_type: 'PD_SSD',
      disk_size: 10,
      disk_autoresize: true,
    });
  });

  test('THEN it keeps 7 daily backups in its region with point-in-time recovery over 6 days of logs', () => {
    expect(instance.settings.backup_configuration).toEqual({
      enabled: true,
      start_time: '02:00',
      location: 'europe-west1',
      backup_retention_settings: { retained_backups: 7, retention_unit: 'COUNT' },
      point_in_time_recovery_enabled: true,
      // Cloud SQL keeps more backups than days of logs.
      transaction_log_retention_days: 6,
    });
    expect(instance.settings.retain_backups_on_delete).toBe(true);
  });

  test('THEN deletion protection is on in Terraform and in the API, and destroy is prevented', () => {
    expect(instance.deletion_protection).toBe(true);
    expect(instance.settings.deletion_protection_enabled).toBe(true);
    expect(instance.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('THEN Query Insights is on with its documented defaults, and there are no labels or alerts', () => {
    expect(instance.settings.insights_config).toEqual({
      query_insights_enabled: true,
      query_string_length: 1024,
      query_plans_per_minute: 5,
      record_application_tags: false,
      record_client_address: false,
    });
    expect(instance.settings.user_labels).toBeUndefined();
    expect(resources(synthJson(givenInstance().stack), 'google_monitoring_alert_policy')).toHaveLength(0);
  });

  test('THEN IAM database authentication is the only flag', () => {
    expect(instance.settings.database_flags).toEqual([{ name: 'cloudsql.iam_authentication', value: 'on' }]);
  });

  test('THEN local users get a password policy', () => {
    expect(instance.settings.password_validation_policy).toEqual({
      enable_password_policy: true,
      min_length: 12,
      complexity: 'COMPLEXITY_DEFAULT',
      reuse_interval: 5,
      disallow_username_substring: true,
    });
  });

  test('THEN the disk grows without a limit, and there is no maintenance window, data cache or DR designation', () => {
    expect(instance.settings.disk_autoresize_limit).toBe(0);
    expect(instance.settings).not.toHaveProperty('maintenance_window');
    expect(instance.settings).not.toHaveProperty('deny_maintenance_period');
    expect(instance.settings).not.toHaveProperty('data_cache_config');
    expect(instance).not.toHaveProperty('replication_cluster');
    expect(instance).not.toHaveProperty('root_password');
  });

  test('THEN the cdktf matcher finds the same instance', () => {
    expect(synth(givenInstance().stack)).toHaveResourceWithProperties(SqlDatabaseInstance, {
      name: 'test-ledger',
      project: 'acme-test',
      region: 'europe-west1',
      settings: expect.objectContaining({ edition: 'ENTERPRISE', disk_type: 'PD_SSD' }),
    });
  });
});

describe('CloudSqlInstance settings', () => {
  test('GIVEN a MySQL version WHEN synthesized THEN binary logs are on and PITR is left unset', () => {
    const backup = instanceJson({ databaseVersion: 'MYSQL_8_0' }).settings.backup_configuration;
    expect(backup.binary_log_enabled).toBe(true);
    expect(backup).not.toHaveProperty('point_in_time_recovery_enabled');
    expect(backup.transaction_log_retention_days).toBe(6);
  });

  test('GIVEN a zonal instance without point-in-time recovery WHEN synthesized THEN PITR is explicitly off and no log retention is set', () => {
    const backup = instanceJson({ availabilityType: 'ZONAL', pointInTimeRecovery: false }).settings.backup_configuration;
    expect(backup.point_in_time_recovery_enabled).toBe(false);
    expect(backup).not.toHaveProperty('transaction_log_retention_days');
    expect(backup.enabled).toBe(true);
  });

  test('GIVEN 35 retained backups WHEN synthesized THEN the retention setting says 35', () => {
    const backup = instanceJson({ retainedBackups: 35 }).settings.backup_configuration;
    expect(backup.backup_retention_settings).toEqual({ retained_backups: 35, retention_unit: 'COUNT' });
  });

  test('GIVEN deletion protection off and destroy allowed WHEN synthesized THEN both flags are off and no lifecycle is set', () => {
    const instance = instanceJson({ deletionProtection: false, preventDestroy: false });
    expect(instance.deletion_protection).toBe(false);
    expect(instance.settings.deletion_protection_enabled).toBe(false);
    expect(instance).not.toHaveProperty('lifecycle');
  });

  test('GIVEN flags WHEN synthesized THEN they are rendered as name/value pairs in name order', () => {
    const instance = instanceJson({ databaseFlags: { random_page_cost: '1.1', log_lock_waits: 'on' } });
    expect(instance.settings.database_flags).toEqual([
      { name: 'cloudsql.iam_authentication', value: 'on' },
      { name: 'log_lock_waits', value: 'on' },
      { name: 'random_page_cost', value: '1.1' },
    ]);
  });

  test('GIVEN labels, a zonal instance, client certificates and a later backup WHEN synthesized THEN all are rendered', () => {
    const instance = instanceJson({
      labels: { environment: 'test' },
      availabilityType: 'ZONAL',
      sslMode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
      backupStartTime: '23:30',
      diskSizeGb: 250,
    });
    expect(instance.settings).toMatchObject({
      user_labels: { environment: 'test' },
      availability_type: 'ZONAL',
      ip_configuration: { ssl_mode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED' },
      backup_configuration: { start_time: '23:30' },
      disk_size: 250,
    });
  });
});

describe('CloudSqlInstance alert policies', () => {
  // GIVEN two alerts and a channel
  const warning: CloudSqlAlert = { ...CPU_ALERT, id: 'disk', severity: 'warning', metricType: 'cloudsql.googleapis.com/database/disk/utilization', threshold: 0.7, durationSeconds: 300, comparison: 'COMPARISON_GT', displayName: 'disk' };
  const { stack, database } = givenInstance({ alerts: [CPU_ALERT, warning], notificationChannels: [CHANNEL], labels: { team: 'db' } });
  // WHEN synthesized
  const synthesized = synth(stack);

  test('THEN there is one policy per alert', () => {
    expect(database.alertPolicies).toHaveLength(2);
    expect(resources(JSON.parse(synthesized), 'google_monitoring_alert_policy')).toHaveLength(2);
  });

  test('THEN the condition watches the metric of this instance only, averaged over 5 minutes', () => {
    expect(synthesized).toHaveResourceWithProperties(MonitoringAlertPolicy, {
      display_name: CPU_ALERT.displayName,
      combiner: 'OR',
      conditions: [
        {
          display_name: CPU_ALERT.displayName,
          condition_threshold: {
            filter:
              'resource.type="cloudsql_database" AND resource.labels.database_id="acme-test:test-ledger" ' +
              'AND metric.type="cloudsql.googleapis.com/database/cpu/utilization"',
            comparison: 'COMPARISON_GT',
            threshold_value: 0.9,
            duration: '900s',
            aggregations: [{ alignment_period: '300s', per_series_aligner: 'ALIGN_MEAN' }],
          },
        },
      ],
    });
  });

  test('THEN it notifies the channels, carries the runbook, the severity and the labels', () => {
    expect(synthesized).toHaveResourceWithProperties(MonitoringAlertPolicy, {
      display_name: CPU_ALERT.displayName,
      project: 'acme-test',
      notification_channels: [CHANNEL],
      documentation: { content: CPU_ALERT.documentation, mime_type: 'text/markdown' },
      severity: 'CRITICAL',
      user_labels: { team: 'db' },
    });
    expect(synthesized).toHaveResourceWithProperties(MonitoringAlertPolicy, { display_name: 'disk', severity: 'WARNING' });
  });
});

describe('CloudSqlInstance validations', () => {
  const validationError = (overrides: Partial<CloudSqlInstanceProps>) => () => synth(givenInstance(overrides).stack);

  test.each<[string, Partial<CloudSqlInstanceProps>, string]>([
    [
      'as many days of logs as retained backups',
      { retainedBackups: 7, transactionLogRetentionDays: 7 },
      'transactionLogRetentionDays (7) must be less than retainedBackups (7); Cloud SQL rejects it otherwise ("backup retention should be > transaction log retention")',
    ],
    [
      'no edition',
      { edition: undefined as unknown as CloudSqlEdition },
      'edition must be set explicitly to ENTERPRISE or ENTERPRISE_PLUS (got undefined); PostgreSQL 16+ otherwise defaults to ENTERPRISE_PLUS, which rejects most tiers',
    ],
    [
      'PITR on MySQL',
      { databaseVersion: 'MYSQL_8_0', pointInTimeRecoveryMode: 'pitr' },
      "pointInTimeRecoveryMode 'pitr' is rejected for MYSQL_8_0; MySQL uses 'binary-log'",
    ],
    [
      'binary logs on PostgreSQL',
      { pointInTimeRecoveryMode: 'binary-log' },
      "pointInTimeRecoveryMode 'binary-log' is MySQL-only; POSTGRES_16 uses 'pitr'",
    ],
    [
      'a key in another region',
      { encryptionKeyName: TEST_KEY.replace('europe-west1', 'europe-west4') },
      "encryptionKeyName must be a key in the instance's region europe-west1 (projects/…/locations/europe-west1/keyRings/…/cryptoKeys/…); " +
        `got '${TEST_KEY.replace('europe-west1', 'europe-west4')}'`,
    ],
    ['no retained backups', { retainedBackups: 0 }, 'retainedBackups must be an integer from 1 to 365 (got 0)'],
    [
      '8 days of logs on ENTERPRISE',
      { transactionLogRetentionDays: 8, retainedBackups: 10 },
      'transactionLogRetentionDays must be an integer from 1 to 7 for ENTERPRISE POSTGRES_16 (got 8)',
    ],
    [
      'an invalid instance name',
      { instanceName: 'Ledger_1' },
      "instanceName 'Ledger_1' must start with a lowercase letter and contain only lowercase letters, digits and hyphens",
    ],
    ['a tiny disk', { diskSizeGb: 5 }, 'diskSizeGb must be an integer from 10 to 65536 (got 5)'],
    ['a backup time that is no time', { backupStartTime: '25:00' }, "backupStartTime must be HH:MM in UTC (got '25:00')"],
  ])('GIVEN %s WHEN synthesized THEN it fails with the exact message', (_, overrides, message) => {
    expect(validationError(overrides)).toThrow(`[test/Database] ${message}`);
  });

  test('GIVEN ENTERPRISE_PLUS PostgreSQL WHEN 35 days of logs are kept THEN it synthesizes', () => {
    const backup = instanceJson({ edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', transactionLogRetentionDays: 35, retainedBackups: 36 }).settings
      .backup_configuration;
    expect(backup.transaction_log_retention_days).toBe(35);
  });

  test('GIVEN several mistakes WHEN synthesized THEN every one is reported at once', () => {
    const run = validationError({ retainedBackups: 0, diskSizeGb: 5 });
    expect(run).toThrow('retainedBackups must be an integer from 1 to 365 (got 0)');
    expect(run).toThrow('diskSizeGb must be an integer from 10 to 65536 (got 5)');
  });

  test('GIVEN alerts without a notification channel WHEN constructed THEN it warns that nobody is notified', () => {
    const { database } = givenInstance({ alerts: [CPU_ALERT] });
    const warnings = database.node.metadata.filter((entry) => entry.type === '@cdktf/warn').map((entry) => entry.data);
    expect(warnings).toEqual(['test-ledger: 1 alert policies notify nobody; pass notificationChannels so someone is told']);
  });

  test('GIVEN the defaults WHEN constructed THEN there is no warning', () => {
    expect(givenInstance().database.node.metadata.filter((entry) => entry.type === '@cdktf/warn')).toEqual([]);
  });
});
