/** The Cloud SQL part of the plan: recovery objectives, replicas, keys per region, defaults by tier. */
import type { Tier } from '../../config/schema';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { cloudSqlReplicaNames } from '../../lib/kinds/cloudsql-instance/cloud-sql-names';
import type { CloudSqlInstancePlan } from '../../lib/plan/plan-types';
import { withChange } from '../support/fixtures';

const MYSQL = { kind: 'cloudsql-instance', name: 'inventory', engine: 'mysql', version: '8.4', tier: 'db-custom-2-7680', diskSizeGb: 50 };

/** The plan of every Cloud SQL instance of the fixture after `change`. */
function planOf(change: (config: any) => void, tier: Tier = 'production'): readonly CloudSqlInstancePlan[] {
  return buildPlan(validateEnvironment('test', withChange(change, tier))).databases['cloudsql-instance'];
}

describe('recovery objectives in the plan', () => {
  test('PostgreSQL with PITR: restorable over the days of transaction logs, within minutes', () => {
    const [ledger] = planOf(() => undefined);
    expect(ledger.recovery).toEqual({
      backups: true,
      retainedBackups: 35,
      pointInTimeRecovery: true,
      restorableWindowDays: 7,
      rpoMinutes: 5,
      transactionLogRetentionDays: 7,
      backupStartTime: '02:00',
      backupLocation: 'europe-west1',
    });
    expect(ledger.pointInTimeRecoveryMode).toBe('pitr');
  });

  test('MySQL with binary logs: the same objectives, by binary log', () => {
    const [, inventory] = planOf((c) => c.databases.push(MYSQL));
    expect(inventory.pointInTimeRecoveryMode).toBe('binary-log');
    expect(inventory.recovery).toMatchObject({ pointInTimeRecovery: true, restorableWindowDays: 7, rpoMinutes: 5 });
  });

  test('daily backups only: restorable over the retained backups, losing up to a day', () => {
    const [ledger] = planOf((c) => Object.assign(c.databases[1], { pointInTimeRecovery: false, highAvailability: false, retainedBackups: 14 }));
    expect(ledger.recovery).toMatchObject({ pointInTimeRecovery: false, retainedBackups: 14, restorableWindowDays: 14, rpoMinutes: 24 * 60 });
  });

  test('no backups: nothing to restore, no recovery point promised', () => {
    const [ledger] = planOf((c) => Object.assign(c.databases[1], { backups: false, pointInTimeRecovery: false, highAvailability: false }));
    expect(ledger.recovery).toMatchObject({ backups: false, retainedBackups: 0, pointInTimeRecovery: false, restorableWindowDays: 0, rpoMinutes: undefined });
  });

  test('ENTERPRISE_PLUS PostgreSQL may keep 35 days of logs', () => {
    const [ledger] = planOf((c) =>
      Object.assign(c.databases[1], { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', retainedBackups: 60, transactionLogRetentionDays: 35 }),
    );
    expect(ledger.recovery).toMatchObject({ restorableWindowDays: 35, transactionLogRetentionDays: 35 });
    expect(ledger.dataCache).toBe(true);
  });
});

describe('replicas in the plan', () => {
  test('each replica is named after its region, gets its own region key, and inherits deletion protection and labels', () => {
    const [ledger] = planOf(
      (c) => (c.databases[1].replicas = [{ region: 'europe-west4' }, { region: 'europe-west1' }, { region: 'europe-west4', tier: 'db-custom-4-16384' }]),
    );
    expect(ledger.replicas.map((r) => [r.instanceName, r.keyId, r.machineTier.name])).toEqual([
      ['test-ledger-replica-europe-west4', 'projects/fixture-project/locations/europe-west4/keyRings/test-databases/cryptoKeys/cloud-sql', 'db-custom-2-7680'],
      ['test-ledger-replica-europe-west1', 'projects/fixture-project/locations/europe-west1/keyRings/test-databases/cryptoKeys/cloud-sql', 'db-custom-2-7680'],
      [
        'test-ledger-replica-europe-west4-2',
        'projects/fixture-project/locations/europe-west4/keyRings/test-databases/cryptoKeys/cloud-sql',
        'db-custom-4-16384',
      ],
    ]);
    for (const replica of ledger.replicas)
      expect(replica).toMatchObject({ deletionProtection: true, availabilityType: 'ZONAL', disasterRecovery: false, labels: ledger.labels });
    expect(ledger.disasterRecoveryReplicaName).toBeUndefined();
  });

  test('a larger replica is tuned for its own memory; its alerts are its own', () => {
    const [ledger] = planOf((c) => (c.databases[1].replicas = [{ region: 'europe-west4', tier: 'db-custom-4-16384' }]));
    const [replica] = ledger.replicas;
    expect(replica.flags.max_connections).toBe('500');
    expect(ledger.flags.max_connections).toBe('400');
    expect(replica.alerts.every((alert) => alert.displayName.startsWith('test-ledger-replica-europe-west4: '))).toBe(true);
    expect(replica.alerts.find((alert) => alert.id === 'backends-high')?.threshold).toBe(450);
  });

  test('the disaster-recovery replica is designated by the primary', () => {
    const [ledger] = planOf((c) =>
      Object.assign(c.databases[1], {
        edition: 'ENTERPRISE_PLUS',
        tier: 'db-perf-optimized-N-2',
        replicas: [{ region: 'europe-west1' }, { region: 'europe-west4', disasterRecovery: true }],
      }),
    );
    expect(ledger.disasterRecoveryReplicaName).toBe('test-ledger-replica-europe-west4');
  });

  test('replica names are deterministic: a second replica in a region gets an ordinal', () => {
    expect(cloudSqlReplicaNames('prod-ledger', ['europe-west4', 'europe-west4', 'europe-west1', 'europe-west4'])).toEqual([
      'prod-ledger-replica-europe-west4',
      'prod-ledger-replica-europe-west4-2',
      'prod-ledger-replica-europe-west1',
      'prod-ledger-replica-europe-west4-3',
    ]);
  });
});

describe('defaults by tier and engine', () => {
  test.each([
    ['development', { day: 7, hour: 6, updateTrack: 'canary' }],
    ['staging', { day: 7, hour: 6, updateTrack: 'canary' }],
    ['production', { day: 7, hour: 6, updateTrack: 'stable' }],
  ] as const)('%s: maintenance on Sunday morning after the backups, on the %j track', (tier, window) => {
    expect(planOf(() => undefined, tier)[0].maintenanceWindow).toEqual(window);
  });

  test('a configured window keeps the tier track unless it names one', () => {
    expect(planOf((c) => (c.databases[1].maintenanceWindow = { day: 2, hour: 1 }))[0].maintenanceWindow).toEqual({ day: 2, hour: 1, updateTrack: 'stable' });
  });

  test('PostgreSQL and MySQL get IAM authentication and a password policy; SQL Server neither', () => {
    const [ledger, inventory, billing] = planOf((c) =>
      c.databases.push(MYSQL, { ...MYSQL, name: 'billing', engine: 'sqlserver', version: '2019-enterprise', rootPasswordSecret: 'billing-root' }),
    );
    expect([ledger, inventory, billing].map((p) => [p.engine, p.databaseVersion, p.iamAuthentication, p.passwordPolicy])).toEqual([
      ['postgres', 'POSTGRES_16', true, {}],
      ['mysql', 'MYSQL_8_4', true, {}],
      ['sqlserver', 'SQLSERVER_2019_ENTERPRISE', false, undefined],
    ]);
    expect(billing.rootPasswordSecret).toBe('billing-root');
    expect(billing.flags).toEqual({ 'max degree of parallelism': '2', 'cost threshold for parallelism': '50' });
  });

  test('slow queries are logged from the tier threshold on MySQL too', () => {
    const inventory = planOf((c) => c.databases.push(MYSQL), 'staging')[1];
    expect(inventory.flags).toEqual({ slow_query_log: 'on', long_query_time: '0.5', log_output: 'FILE' });
  });
});
