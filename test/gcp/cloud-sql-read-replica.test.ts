import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance';
import { CloudSqlInstance, CloudSqlInstanceProps } from '../../constructs/gcp/cloud-sql-instance';
import { CloudSqlReadReplica, CloudSqlReadReplicaProps } from '../../constructs/gcp/cloud-sql-read-replica';
import { instanceProps, resources, synth, synthJson, TEST_KEY, testStack } from './support';

const WEST4_KEY = TEST_KEY.replace('europe-west1', 'europe-west4');

function givenReplica(replica: Partial<CloudSqlReadReplicaProps> = {}, primary: Partial<CloudSqlInstanceProps> = {}) {
  const stack = testStack();
  const database = new CloudSqlInstance(stack, 'Database', instanceProps(primary));
  const readReplica = new CloudSqlReadReplica(stack, 'Replica', {
    primary: database,
    region: 'europe-west4',
    instanceName: 'test-ledger-replica-europe-west4',
    tier: 'db-custom-2-7680',
    encryptionKeyName: WEST4_KEY,
    ...replica,
  });
  return { stack, database, readReplica };
}

/** [primary, replica] as synthesized. */
function instances(replica: Partial<CloudSqlReadReplicaProps> = {}, primary: Partial<CloudSqlInstanceProps> = {}) {
  return resources(synthJson(givenReplica(replica, primary).stack), 'google_sql_database_instance');
}

describe('CloudSqlReadReplica in another region', () => {
  // GIVEN a PostgreSQL primary with audit logging and a cross-region replica WHEN synthesized
  const [primary, replica] = instances({ databaseFlags: { work_mem: '8192' } }, { auditLogging: true, queryInsights: { queryStringLength: 2048 } });

  test('THEN it names its primary by reference, so Terraform creates it after the primary', () => {
    expect(replica.master_instance_name).toMatch(/^\$\{google_sql_database_instance\.Database_Instance_[0-9A-F]+\.name\}$/);
  });

  test("THEN it is encrypted with its own region's key", () => {
    expect(replica).toMatchObject({ region: 'europe-west4', encryption_key_name: WEST4_KEY });
    expect(primary.encryption_key_name).toBe(TEST_KEY);
  });

  test('THEN it has its own tier and flags, plus the IAM and audit flags of its primary', () => {
    expect(replica.settings.tier).toBe('db-custom-2-7680');
    expect(replica.settings.database_flags).toEqual([
      { name: 'cloudsql.enable_pgaudit', value: 'on' },
      { name: 'cloudsql.iam_authentication', value: 'on' },
      { name: 'pgaudit.log', value: 'ddl,role' },
      { name: 'work_mem', value: '8192' },
    ]);
  });

  test("THEN it inherits the primary's version, edition, private network, TLS mode, disk and Query Insights", () => {
    expect(replica.database_version).toBe(primary.database_version);
    expect(replica.settings).toMatchObject({
      edition: primary.settings.edition,
      ip_configuration: primary.settings.ip_configuration,
      disk_type: 'PD_SSD',
      disk_size: primary.settings.disk_size,
      insights_config: primary.settings.insights_config,
    });
    expect(replica.settings.insights_config.query_string_length).toBe(2048);
  });

  test('THEN it carries no backup, maintenance or password settings (Cloud SQL takes them from the primary)', () => {
    for (const setting of ['backup_configuration', 'maintenance_window', 'deny_maintenance_period', 'password_validation_policy', 'retain_backups_on_delete']) {
      expect(replica.settings).not.toHaveProperty(setting);
    }
    expect(replica).not.toHaveProperty('replica_configuration');
  });

  test('THEN it is zonal, deletion-protected on both sides, and protected from a destroying plan like its primary', () => {
    expect(replica.settings.availability_type).toBe('ZONAL');
    expect(replica.deletion_protection).toBe(true);
    expect(replica.settings.deletion_protection_enabled).toBe(true);
    expect(replica.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('GIVEN preventDestroy: false on the replica THEN it may be destroyed once its deletion protection is lifted', () => {
    const [, unprotected] = instances({ preventDestroy: false });
    expect(unprotected).not.toHaveProperty('lifecycle');
  });

  test('THEN the cdktf matcher finds it', () => {
    expect(synth(givenReplica().stack)).toHaveResourceWithProperties(SqlDatabaseInstance, {
      name: 'test-ledger-replica-europe-west4',
      region: 'europe-west4',
      encryption_key_name: WEST4_KEY,
    });
  });
});

test("GIVEN no alerts WHEN a replica is synthesized THEN it gets the alert table's replica alerts (replica lag) and not the primary-only ones", () => {
  const replicaPolicies = resources(synthJson(givenReplica({}, { alerts: [] }).stack), 'google_monitoring_alert_policy').map(
    (policy: any) => policy.display_name,
  );
  expect(replicaPolicies).toEqual(
    expect.arrayContaining([
      'test-ledger-replica-europe-west4: replica more than 30 s behind [warning]',
      'test-ledger-replica-europe-west4: replica more than 300 s behind [critical]',
    ]),
  );
  expect(replicaPolicies.filter((name: string) => name.includes('transaction ids'))).toEqual([]);
});

describe('CloudSqlReadReplica options', () => {
  const enterprisePlus: Partial<CloudSqlInstanceProps> = { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2' };

  test('GIVEN a disaster-recovery replica of ENTERPRISE_PLUS PostgreSQL WHEN synthesized THEN the primary designates it by name', () => {
    const [primary, replica] = instances(
      { disasterRecovery: true, tier: 'db-perf-optimized-N-2' },
      { ...enterprisePlus, disasterRecoveryReplicaName: 'test-ledger-replica-europe-west4' },
    );
    expect(primary.replication_cluster).toEqual({ failover_dr_replica_name: 'test-ledger-replica-europe-west4' });
    expect(replica).not.toHaveProperty('replica_configuration');
    expect(replica.settings).not.toHaveProperty('backup_configuration');
    expect(replica.settings.data_cache_config).toEqual({ data_cache_enabled: true });
  });

  test('GIVEN a MySQL disaster-recovery replica WHEN synthesized THEN it keeps binary logs to take over as a primary', () => {
    const [, replica] = instances(
      { disasterRecovery: true, tier: 'db-perf-optimized-N-2' },
      { ...enterprisePlus, databaseVersion: 'MYSQL_8_4', disasterRecoveryReplicaName: 'test-ledger-replica-europe-west4' },
    );
    expect(replica.settings.backup_configuration).toEqual({ binary_log_enabled: true });
  });

  test('GIVEN a SQL Server disaster-recovery replica WHEN synthesized THEN it is a cascadable replica', () => {
    const [primary, replica] = instances(
      { disasterRecovery: true, tier: 'db-perf-optimized-N-2' },
      { ...enterprisePlus, databaseVersion: 'SQLSERVER_2022_ENTERPRISE', rootPassword: 'from-a-secret' },
    );
    expect(replica.replica_configuration).toEqual({ cascadable_replica: true });
    expect(primary).not.toHaveProperty('replication_cluster');
  });

  test('GIVEN a regional replica with a larger disk and a limit WHEN synthesized THEN all are rendered', () => {
    const [, replica] = instances({ availabilityType: 'REGIONAL', diskSizeGb: 20, diskAutoresizeLimitGb: 100, labels: { role: 'replica' } });
    expect(replica.settings).toMatchObject({ availability_type: 'REGIONAL', disk_size: 20, disk_autoresize_limit: 100, user_labels: { role: 'replica' } });
  });
});

describe('CloudSqlReadReplica validations', () => {
  test.each<[string, Partial<CloudSqlReadReplicaProps>, Partial<CloudSqlInstanceProps>, string]>([
    [
      "a key of the primary's region",
      { encryptionKeyName: TEST_KEY },
      {},
      `encryptionKeyName = ${JSON.stringify(TEST_KEY)}: must be a key in the instance's region europe-west4 (projects/…/locations/europe-west4/keyRings/…/cryptoKeys/…). Fix: use the key of europe-west4`,
    ],
    [
      'a disk smaller than the primary',
      { diskSizeGb: 10 },
      { diskSizeGb: 50 },
      "diskSizeGb = 10: must be at least the primary's diskSizeGb (50) to hold its data. Fix: raise it to 50 or more, or remove it",
    ],
    [
      'a primary without backups',
      {},
      { backups: false, pointInTimeRecovery: false, availabilityType: 'ZONAL' },
      'primary = "test-ledger": has no backups; Cloud SQL creates replicas only of a primary with automated backups. Fix: turn backups on for the primary',
    ],
    [
      'a MySQL primary without binary logs',
      {},
      { databaseVersion: 'MYSQL_8_0', pointInTimeRecovery: false, availabilityType: 'ZONAL' },
      'primary = "test-ledger": has no binary logs; MySQL replicas replicate from them. Fix: turn pointInTimeRecovery on for the primary',
    ],
    [
      'a SQL Server edition without replicas',
      {},
      { databaseVersion: 'SQLSERVER_2022_STANDARD', rootPassword: 'x' },
      'primary = "test-ledger": is SQLSERVER_2022_STANDARD, which cannot have read replicas (SQL Server needs an Enterprise version). Fix: use an Enterprise version for the primary',
    ],
    [
      'disaster recovery on ENTERPRISE',
      { disasterRecovery: true },
      {},
      "disasterRecovery = true: needs ENTERPRISE_PLUS (advanced disaster recovery). Fix: set edition: 'ENTERPRISE_PLUS' on the primary, or disasterRecovery: false",
    ],
    [
      "disaster recovery in the primary's region",
      { disasterRecovery: true, region: 'europe-west1', encryptionKeyName: TEST_KEY, tier: 'db-perf-optimized-N-2' },
      { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2' },
      "disasterRecovery = true: needs a replica in another region than the primary's (europe-west1). Fix: place the replica in another region",
    ],
    [
      'an invalid name',
      { instanceName: 'Replica_1' },
      {},
      'instanceName = "Replica_1": must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: rename the instance',
    ],
    [
      'a tier the edition does not offer',
      { tier: 'db-perf-optimized-N-2' },
      {},
      'tier = "db-perf-optimized-N-2": is a performance-optimized tier, which only ENTERPRISE_PLUS offers. Fix: set edition: \'ENTERPRISE_PLUS\' or choose a db-custom tier',
    ],
    [
      'a flag the engine does not have',
      { databaseFlags: { log_lock_waits: 'yes' } },
      {},
      "databaseFlags.log_lock_waits = \"yes\": must be 'on' or 'off'. Fix: choose a value that is 'on' or 'off'",
    ],
  ])('GIVEN %s WHEN constructed THEN it fails with the exact message', (_, replica, primary, message) => {
    expect(() => givenReplica(replica, primary)).toThrow(`Invalid CloudSqlReadReplica test/Replica:\n  - ${message}`);
  });
});
