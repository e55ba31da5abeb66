/**
 * The defaults table (constructs/gcp/tables/cloud-sql-defaults.ts) is what an instance left with only its required
 * props renders, and what the construct documents with `@default` (the documented literals are asserted in
 * cloud-sql-instance.test.ts, "CloudSqlInstance defaults").
 */
import { CloudSqlInstance } from '../../constructs/gcp/cloud-sql-instance';
import { CloudSqlReadReplica } from '../../constructs/gcp/cloud-sql-read-replica';
import { CLOUD_SQL_DEFAULTS, defaultTransactionLogRetentionDays } from '../../constructs/gcp/tables/cloud-sql-defaults';
import { instanceProps, resources, synthJson, TEST_KEY, testStack } from './support';

describe('Cloud SQL defaults', () => {
  // GIVEN a primary and a replica with only their required props (the replica of another region, with its key)
  const stack = testStack();
  const required = instanceProps();
  const primary = new CloudSqlInstance(stack, 'Database', {
    project: required.project,
    region: required.region,
    instanceName: required.instanceName,
    tier: required.tier,
    encryptionKeyName: required.encryptionKeyName,
    databaseVersion: required.databaseVersion,
    edition: required.edition,
    privateNetwork: required.privateNetwork,
  });
  new CloudSqlReadReplica(stack, 'Replica', {
    primary,
    region: 'europe-west4',
    instanceName: 'test-ledger-replica',
    tier: required.tier,
    encryptionKeyName: TEST_KEY.replace('europe-west1', 'europe-west4'),
  });
  // WHEN synthesized
  const [instance, replica] = resources(synthJson(stack), 'google_sql_database_instance');

  test('THEN the primary renders the table', () => {
    const defaults = CLOUD_SQL_DEFAULTS;
    expect(instance.settings).toMatchObject({
      availability_type: defaults.availabilityType,
      disk_type: defaults.diskType,
      disk_size: defaults.diskSizeGb,
      disk_autoresize: defaults.diskAutoresize,
      disk_autoresize_limit: defaults.diskAutoresizeLimitGb,
      deletion_protection_enabled: defaults.deletionProtection,
      retain_backups_on_delete: defaults.retainBackupsOnDelete,
      ip_configuration: { ssl_mode: defaults.sslMode },
      backup_configuration: {
        enabled: defaults.backups,
        start_time: defaults.backupStartTime,
        point_in_time_recovery_enabled: defaults.pointInTimeRecovery,
        backup_retention_settings: { retained_backups: defaults.retainedBackups },
        transaction_log_retention_days: defaultTransactionLogRetentionDays(defaults.retainedBackups),
      },
      insights_config: { query_string_length: defaults.queryInsights.queryStringLength, query_plans_per_minute: defaults.queryInsights.queryPlansPerMinute },
      password_validation_policy: { min_length: defaults.passwordPolicy.minLength, reuse_interval: defaults.passwordPolicy.reuseInterval },
    });
    expect(instance.deletion_protection).toBe(defaults.deletionProtection);
    expect(instance.lifecycle).toEqual({ prevent_destroy: defaults.preventDestroy });
  });

  test('THEN the replica renders the replica defaults', () => {
    expect(replica.settings).toMatchObject({
      availability_type: CLOUD_SQL_DEFAULTS.replicaAvailabilityType,
      disk_autoresize: CLOUD_SQL_DEFAULTS.diskAutoresize,
    });
  });

  test('THEN the transaction-log default is the smaller of 7 days and one fewer than the backups, at least 1', () => {
    expect([1, 2, 7, 8, 9, 365].map(defaultTransactionLogRetentionDays)).toEqual([1, 1, 6, 7, 7, 7]);
  });
});
