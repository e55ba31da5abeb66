import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance';
import { CloudSqlAlert, CloudSqlInstance, CloudSqlInstanceProps } from '../../constructs/gcp/cloud-sql-instance';
import type { CloudSqlEdition } from '../../constructs/gcp/tables/cloud-sql-choices';
import { DatabaseValidationError } from '../../constructs/common/database-validation-error';
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

  test('THEN Query Insights is on with its documented defaults, and there are no labels', () => {
    expect(instance.settings.insights_config).toEqual({
      query_insights_enabled: true,
      query_string_length: 1024,
      query_plans_per_minute: 5,
      record_application_tags: false,
      record_client_address: false,
    });
    expect(instance.settings.user_labels).toBeUndefined();
  });

  test("THEN it gets the alert table's alerts for a PostgreSQL primary, the backends threshold from the tier", () => {
    const policies = resources(synthJson(givenInstance().stack), 'google_monitoring_alert_policy');
    expect(policies.map((policy: any) => policy.display_name).sort()).toEqual(
      [
        'test-ledger: CPU above 75% [warning]',
        'test-ledger: CPU above 90% [critical]',
        'test-ledger: database server down [critical]',
        'test-ledger: disk more than 70% full [warning]',
        'test-ledger: disk more than 85% full [critical]',
        'test-ledger: instance in state FAILED [critical]',
        'test-ledger: memory above 80% [warning]',
        'test-ledger: memory above 90% [critical]',
        // 90% of 400, Cloud SQL's default max_connections for the 7.5 GB of db-custom-2-7680
        'test-ledger: more than 360 backends [critical]',
        'test-ledger: 50% of transaction ids used [warning]',
        'test-ledger: 75% of transaction ids used [critical]',
      ].sort(),
    );
  });

  test('GIVEN alerts: [] WHEN synthesized THEN there are no alert policies (an explicit opt-out)', () => {
    expect(resources(synthJson(givenInstance({ alerts: [] }).stack), 'google_monitoring_alert_policy')).toHaveLength(0);
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
  const warning: CloudSqlAlert = {
    ...CPU_ALERT,
    id: 'disk',
    severity: 'warning',
    metricType: 'cloudsql.googleapis.com/database/disk/utilization',
    threshold: 0.7,
    durationSeconds: 300,
    comparison: 'COMPARISON_GT',
    displayName: 'disk',
  };
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
  const validationError = (overrides: Partial<CloudSqlInstanceProps>) => () => givenInstance(overrides);

  test.each<[string, Partial<CloudSqlInstanceProps>, string]>([
    [
      'as many days of logs as retained backups',
      { retainedBackups: 7, transactionLogRetentionDays: 7 },
      'transactionLogRetentionDays = 7: must be less than retainedBackups (7); Cloud SQL keeps more backups than days of transaction logs. Fix: lower it below 7 or raise retainedBackups above 7',
    ],
    [
      'no edition',
      { edition: undefined as unknown as CloudSqlEdition },
      "edition = undefined: must be set explicitly to ENTERPRISE or ENTERPRISE_PLUS; PostgreSQL 16+ otherwise defaults to ENTERPRISE_PLUS, which rejects most tiers. Fix: set edition: 'ENTERPRISE' (or 'ENTERPRISE_PLUS' with a db-perf-optimized tier)",
    ],
    [
      'PITR on MySQL',
      { databaseVersion: 'MYSQL_8_0', pointInTimeRecoveryMode: 'pitr' },
      "pointInTimeRecoveryMode = \"pitr\": is rejected for MYSQL_8_0; MySQL uses 'binary-log'. Fix: set pointInTimeRecoveryMode: 'binary-log', or leave it out",
    ],
    [
      'binary logs on PostgreSQL',
      { pointInTimeRecoveryMode: 'binary-log' },
      "pointInTimeRecoveryMode = \"binary-log\": is MySQL-only; POSTGRES_16 uses 'pitr'. Fix: set pointInTimeRecoveryMode: 'pitr', or leave it out",
    ],
    [
      'a key in another region',
      { encryptionKeyName: TEST_KEY.replace('europe-west1', 'europe-west4') },
      `encryptionKeyName = ${JSON.stringify(TEST_KEY.replace('europe-west1', 'europe-west4'))}: ` +
        "must be a key in the instance's region europe-west1 (projects/…/locations/europe-west1/keyRings/…/cryptoKeys/…). Fix: use the key of europe-west1",
    ],
    ['no retained backups', { retainedBackups: 0 }, 'retainedBackups = 0: must be an integer from 1 to 365. Fix: choose from 1 to 365'],
    [
      '8 days of logs on ENTERPRISE',
      { transactionLogRetentionDays: 8, retainedBackups: 10 },
      'transactionLogRetentionDays = 8: must be from 1 to 7 days for ENTERPRISE postgres (35 only on ENTERPRISE_PLUS for PostgreSQL and SQL Server). Fix: lower it to 7 or less',
    ],
    [
      'an invalid instance name',
      { instanceName: 'Ledger_1' },
      'instanceName = "Ledger_1": must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: rename the instance',
    ],
    ['a tiny disk', { diskSizeGb: 5 }, 'diskSizeGb = 5: must be an integer from 10 to 65536. Fix: choose from 10 to 65536 GB'],
    ['a backup time that is no time', { backupStartTime: '25:00' }, 'backupStartTime = "25:00": must be HH:MM in UTC. Fix: write it as e.g. \'02:00\''],
  ])('GIVEN %s WHEN constructed THEN it fails with the exact message', (_, overrides, message) => {
    expect(validationError(overrides)).toThrow(`Invalid CloudSqlInstance test/Database:\n  - ${message}`);
  });

  test('GIVEN ENTERPRISE_PLUS PostgreSQL WHEN 35 days of logs are kept THEN it synthesizes', () => {
    const backup = instanceJson({ edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', transactionLogRetentionDays: 35, retainedBackups: 36 }).settings
      .backup_configuration;
    expect(backup.transaction_log_retention_days).toBe(35);
  });

  test('GIVEN several mistakes WHEN constructed THEN every one is reported at once', () => {
    const run = validationError({ retainedBackups: 0, diskSizeGb: 5 });
    expect(run).toThrow('retainedBackups = 0: must be an integer from 1 to 365. Fix: choose from 1 to 365');
    expect(run).toThrow('diskSizeGb = 5: must be an integer from 10 to 65536. Fix: choose from 10 to 65536 GB');
  });

  test('GIVEN a mistake WHEN constructed THEN a DatabaseValidationError carries the construct path and the problem as data', () => {
    const caught = (() => {
      try {
        givenInstance({ backupStartTime: '25:00' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(caught).toBeInstanceOf(DatabaseValidationError);
    expect(caught).toMatchObject({
      construct: 'CloudSqlInstance',
      constructPath: 'test/Database',
      problems: [{ path: ['backupStartTime'], value: '25:00', message: 'must be HH:MM in UTC', fix: "write it as e.g. '02:00'" }],
    });
  });

  test('GIVEN alerts without a notification channel WHEN constructed THEN it warns that nobody is notified', () => {
    const { database } = givenInstance({ alerts: [CPU_ALERT] });
    const warnings = database.node.metadata.filter((entry) => entry.type === '@cdktf/warn').map((entry) => entry.data);
    expect(warnings).toEqual(['test-ledger: 1 alert policies notify nobody; pass notificationChannels so someone is told']);
  });

  test('GIVEN the defaults and a notification channel WHEN constructed THEN there is no warning', () => {
    const { database } = givenInstance({ notificationChannels: ['projects/acme-test/notificationChannels/1'] });
    expect(database.node.metadata.filter((entry) => entry.type === '@cdktf/warn')).toEqual([]);
  });
});

describe('CloudSqlInstance per engine', () => {
  test('GIVEN MySQL WHEN synthesized THEN IAM authentication uses the MySQL flag and local users get a password policy', () => {
    const instance = instanceJson({ databaseVersion: 'MYSQL_8_4' });
    expect(instance.settings.database_flags).toEqual([{ name: 'cloudsql_iam_authentication', value: 'on' }]);
    expect(instance.settings.password_validation_policy.enable_password_policy).toBe(true);
  });

  test('GIVEN SQL Server WHEN synthesized THEN there is no IAM flag and no password policy, and the root password is set', () => {
    const instance = instanceJson({
      databaseVersion: 'SQLSERVER_2022_STANDARD',
      rootPassword: '${data.google_secret_manager_secret_version.root.secret_data}',
    });
    expect(instance.settings).not.toHaveProperty('database_flags');
    expect(instance.settings).not.toHaveProperty('password_validation_policy');
    expect(instance.root_password).toBe('${data.google_secret_manager_secret_version.root.secret_data}');
    expect(instance.settings.backup_configuration.point_in_time_recovery_enabled).toBe(true);
  });

  test('GIVEN SQL Server Express WHEN synthesized THEN Query Insights is left off (it has none)', () => {
    expect(instanceJson({ databaseVersion: 'SQLSERVER_2022_EXPRESS', rootPassword: 'x' }).settings).not.toHaveProperty('insights_config');
  });
});

describe('CloudSqlInstance optional settings', () => {
  test('GIVEN audit logging WHEN synthesized THEN pgaudit is loaded (PostgreSQL), the audit plugin (MySQL), audit files go to the bucket (SQL Server)', () => {
    expect(instanceJson({ auditLogging: true }).settings.database_flags).toEqual(
      expect.arrayContaining([
        { name: 'cloudsql.enable_pgaudit', value: 'on' },
        { name: 'pgaudit.log', value: 'ddl,role' },
      ]),
    );
    expect(instanceJson({ auditLogging: true, databaseVersion: 'MYSQL_8_0' }).settings.database_flags).toEqual(
      expect.arrayContaining([{ name: 'cloudsql_mysql_audit', value: 'ON' }]),
    );
    const sqlServer = instanceJson({ auditLogging: true, auditBucket: 'gs://acme-audit', databaseVersion: 'SQLSERVER_2022_STANDARD', rootPassword: 'x' });
    expect(sqlServer.settings.sql_server_audit_config).toEqual({ bucket: 'gs://acme-audit' });
  });

  test('GIVEN a user pgaudit.log WHEN synthesized THEN it wins over the default classes', () => {
    expect(instanceJson({ auditLogging: true, databaseFlags: { 'pgaudit.log': 'all' } }).settings.database_flags).toEqual(
      expect.arrayContaining([{ name: 'pgaudit.log', value: 'all' }]),
    );
  });

  test('GIVEN IAM authentication and the password policy off WHEN synthesized THEN neither is rendered', () => {
    const instance = instanceJson({ iamAuthentication: false, passwordPolicy: false });
    expect(instance.settings).not.toHaveProperty('database_flags');
    expect(instance.settings).not.toHaveProperty('password_validation_policy');
  });

  test('GIVEN a stricter password policy WHEN synthesized THEN it is rendered with the PostgreSQL change interval', () => {
    const instance = instanceJson({ passwordPolicy: { minLength: 16, reuseInterval: 10, passwordChangeInterval: '86400s', complexity: false } });
    expect(instance.settings.password_validation_policy).toEqual({
      enable_password_policy: true,
      min_length: 16,
      reuse_interval: 10,
      disallow_username_substring: true,
      password_change_interval: '86400s',
    });
  });

  test('GIVEN Query Insights settings or none WHEN synthesized THEN they are rendered, or the block is left out', () => {
    expect(instanceJson({ queryInsights: { queryStringLength: 4500, queryPlansPerMinute: 20, recordApplicationTags: true } }).settings.insights_config).toEqual(
      {
        query_insights_enabled: true,
        query_string_length: 4500,
        query_plans_per_minute: 20,
        record_application_tags: true,
        record_client_address: false,
      },
    );
    expect(instanceJson({ queryInsights: false }).settings).not.toHaveProperty('insights_config');
  });

  test('GIVEN a maintenance window and a deny period WHEN synthesized THEN both are rendered (stable track, midnight by default)', () => {
    const settings = instanceJson({
      maintenanceWindow: { day: 7, hour: 3 },
      denyMaintenancePeriod: { startDate: '2026-11-20', endDate: '2027-01-05' },
    }).settings;
    expect(settings.maintenance_window).toEqual({ day: 7, hour: 3, update_track: 'stable' });
    expect(settings.deny_maintenance_period).toEqual({ start_date: '2026-11-20', end_date: '2027-01-05', time: '00:00:00' });
  });

  test('GIVEN no backups on a zonal instance WHEN synthesized THEN backups are explicitly off', () => {
    expect(instanceJson({ backups: false, pointInTimeRecovery: false, availabilityType: 'ZONAL' }).settings.backup_configuration).toEqual({ enabled: false });
  });

  test('GIVEN a multi-region backup location, HDD and a growth limit WHEN synthesized THEN they are rendered', () => {
    const settings = instanceJson({ backupLocation: 'eu', diskType: 'PD_HDD', diskSizeGb: 100, diskAutoresizeLimitGb: 500 }).settings;
    expect(settings).toMatchObject({ backup_configuration: { location: 'eu' }, disk_type: 'PD_HDD', disk_size: 100, disk_autoresize_limit: 500 });
  });

  test('GIVEN autoresize off WHEN synthesized THEN no limit is rendered', () => {
    expect(instanceJson({ diskAutoresize: false }).settings).not.toHaveProperty('disk_autoresize_limit');
  });

  test('GIVEN ENTERPRISE_PLUS WHEN synthesized THEN the data cache is on unless turned off', () => {
    const plus = { edition: 'ENTERPRISE_PLUS' as const, tier: 'db-perf-optimized-N-4' };
    expect(instanceJson(plus).settings.data_cache_config).toEqual({ data_cache_enabled: true });
    expect(instanceJson({ ...plus, dataCache: false }).settings).not.toHaveProperty('data_cache_config');
  });
});

describe('CloudSqlInstance validations of the optional settings', () => {
  const validationError = (overrides: Partial<CloudSqlInstanceProps>) => () => givenInstance(overrides);
  const SQL_SERVER: Partial<CloudSqlInstanceProps> = { databaseVersion: 'SQLSERVER_2022_STANDARD', rootPassword: 'x' };

  test.each<[string, Partial<CloudSqlInstanceProps>, string]>([
    [
      'REGIONAL without point-in-time recovery',
      { pointInTimeRecovery: false },
      'availabilityType = "REGIONAL": needs backups with point-in-time recovery: Cloud SQL refuses REGIONAL availability without them. Fix: set backups: true and pointInTimeRecovery: true, or availabilityType: \'ZONAL\'',
    ],
    [
      'point-in-time recovery without backups',
      { backups: false, availabilityType: 'ZONAL' },
      'pointInTimeRecovery = true: needs backups: Cloud SQL keeps transaction logs only with automated backups on. Fix: set backups: true, or pointInTimeRecovery: false',
    ],
    [
      'HDD on ENTERPRISE_PLUS',
      { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', diskType: 'PD_HDD' },
      'diskType = "PD_HDD": is not offered on ENTERPRISE_PLUS. Fix: use diskType: \'PD_SSD\'',
    ],
    [
      'the data cache on ENTERPRISE',
      { dataCache: true },
      "dataCache = true: is an ENTERPRISE_PLUS feature. Fix: remove dataCache or set edition: 'ENTERPRISE_PLUS'",
    ],
    [
      'a growth limit below the disk size',
      { diskSizeGb: 100, diskAutoresizeLimitGb: 50 },
      'diskAutoresizeLimitGb = 50: must be above diskSizeGb (100) and at most 65536 GB, so the disk can grow. Fix: raise it above 100, or remove it for no limit',
    ],
    [
      'a growth limit without growth',
      { diskAutoresize: false, diskAutoresizeLimitGb: 50 },
      'diskAutoresizeLimitGb = 50: has no effect with diskAutoresize: false. Fix: remove diskAutoresizeLimitGb or turn diskAutoresize on',
    ],
    [
      'SQL Server without a root password',
      { databaseVersion: 'SQLSERVER_2022_STANDARD' },
      'rootPassword = undefined: is required for SQL Server (SQLSERVER_2022_STANDARD): Cloud SQL creates the instance with it. Fix: pass a secret reference',
    ],
    [
      'IAM authentication on SQL Server',
      { ...SQL_SERVER, iamAuthentication: true },
      'iamAuthentication = true: is not available for SQL Server on Cloud SQL. Fix: remove iamAuthentication',
    ],
    [
      'SQL Server audit without a bucket',
      { ...SQL_SERVER, auditLogging: true },
      'auditBucket = undefined: is required for auditLogging on SQL Server: Cloud SQL uploads the audit files to a bucket. Fix: set auditBucket to gs://<bucket>',
    ],
    [
      'an audit bucket for PostgreSQL',
      { auditBucket: 'gs://acme-audit' },
      'auditBucket = "gs://acme-audit": is for SQL Server only; PostgreSQL audits to Cloud Logging. Fix: remove auditBucket',
    ],
    [
      'ENTERPRISE_PLUS on SQL Server Standard',
      { ...SQL_SERVER, edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2' },
      'edition = "ENTERPRISE_PLUS": is not offered for SQL Server 2022-standard; ENTERPRISE_PLUS takes 2019-enterprise, 2022-enterprise. Fix: set edition: \'ENTERPRISE\' or choose version 2019-enterprise or 2022-enterprise',
    ],
    [
      'Query Insights on SQL Server Express',
      { databaseVersion: 'SQLSERVER_2022_EXPRESS', rootPassword: 'x', queryInsights: true },
      'queryInsights = true: is not available for SQL Server 2022-express. Fix: remove queryInsights',
    ],
    [
      'a DR replica name on ENTERPRISE',
      { disasterRecoveryReplicaName: 'test-ledger-replica-europe-west4' },
      'disasterRecoveryReplicaName = "test-ledger-replica-europe-west4": needs ENTERPRISE_PLUS PostgreSQL or MySQL (PostgreSQL (POSTGRES_16), ENTERPRISE). Fix: remove disasterRecoveryReplicaName, or use ENTERPRISE_PLUS PostgreSQL or MySQL',
    ],
    [
      'a shared-core tier for SQL Server',
      { ...SQL_SERVER, tier: 'db-g1-small' },
      'tier = "db-g1-small": is a shared-core tier, which Cloud SQL does not offer for SQL Server. Fix: choose a db-custom tier such as db-custom-2-7680',
    ],
    [
      'a tier ENTERPRISE_PLUS does not offer',
      { edition: 'ENTERPRISE_PLUS' },
      'tier = "db-custom-2-7680": is not a performance-optimized tier; ENTERPRISE_PLUS offers only db-perf-optimized-N-<vCPU>. Fix: choose a tier such as db-perf-optimized-N-4, or set edition: \'ENTERPRISE\'',
    ],
    [
      'a query string too long',
      { queryInsights: { queryStringLength: 5000 } },
      'queryInsights.queryStringLength = 5000: must be an integer from 256 to 4500 bytes. Fix: choose a length in that range (1024 is the default)',
    ],
    [
      '200 plans a minute on ENTERPRISE',
      { queryInsights: { queryPlansPerMinute: 200 } },
      'queryInsights.queryPlansPerMinute = 200: must be an integer from 0 to 20 on ENTERPRISE. Fix: choose from 0 to 20 (5 is the default)',
    ],
    [
      'a short minimum password length',
      { passwordPolicy: { minLength: 4 } },
      'passwordPolicy.minLength = 4: must be an integer of at least 8. Fix: raise it to 8 or more (12 is the default)',
    ],
    [
      'a maintenance day outside the week',
      { maintenanceWindow: { day: 0, hour: 3 } },
      'maintenanceWindow.day = 0: must be a day of the week from 1 (Monday) to 7 (Sunday). Fix: choose a day from 1 to 7',
    ],
    [
      'a deny period ending before it starts',
      { denyMaintenancePeriod: { startDate: '2026-03-01', endDate: '2026-02-01' } },
      'denyMaintenancePeriod.endDate = "2026-02-01": must be after startDate (2026-03-01) and at most 90 days later (it is -28 days). Fix: give YYYY-MM-DD dates (or MM-DD for a yearly period) at most 90 days apart',
    ],
    [
      'a flag the engine does not have',
      { databaseFlags: { innodb_buffer_pool_size: '1G' } },
      'databaseFlags.innodb_buffer_pool_size = "1G": is not a Cloud SQL PostgreSQL flag we accept',
    ],
    [
      'a flag a setting manages',
      { databaseFlags: { 'cloudsql.iam_authentication': 'off' } },
      'databaseFlags.cloudsql.iam_authentication = "off": is set by the iamAuthentication setting. Fix: remove the flag and set iamAuthentication instead',
    ],
  ])('GIVEN %s WHEN constructed THEN it fails with the exact message', (_, overrides, message) => {
    expect(validationError(overrides)).toThrow(`Invalid CloudSqlInstance test/Database:\n  - ${message}`);
  });
});
