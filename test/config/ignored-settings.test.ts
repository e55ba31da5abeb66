/** A setting with no effect under the options chosen next to it is refused; with the option that uses it, it passes. */
import { formatProblem } from '../../lib/config/config-error';
import { IGNORED_SETTINGS } from '../../lib/config/rules/ignored-settings';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (config: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}
const orders = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[0], change);
const ledger = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[1], change);
const PAYMENTS = { kind: 'aurora-cluster', name: 'payments', engine: 'aurora-postgresql', version: '16.9', instanceClass: 'db.r7g.large' };
const payments = (change: Record<string, unknown>) => (c: any) => c.databases.push({ ...PAYMENTS, ...change });
const SQL_SERVER = {
  kind: 'cloudsql-instance',
  name: 'billing',
  engine: 'sqlserver',
  version: '2022-standard',
  tier: 'db-custom-2-7680',
  diskSizeGb: 50,
  rootPasswordSecret: 'billing-root',
};
const billing = (change: Record<string, unknown>) => (c: any) => c.databases.push({ ...SQL_SERVER, ...change });
const CACHE = { kind: 'memorystore-instance', name: 'cache', memorySizeGb: 5 };
const cache = (change: Record<string, unknown>) => (c: any) => c.databases.push({ ...CACHE, ...change });

/** Each row of the table: the change that uses the setting, the change that ignores it, and the problem then. */
const CASES: Record<string, { used: (c: any) => void; ignored: (c: any) => void; problem: string }> = {
  'rds-instance.passwordRotationDays': {
    used: orders({ credentials: 'secrets-manager', passwordRotationDays: 14 }),
    ignored: orders({ credentials: 'rds-managed', passwordRotationDays: 14 }),
    problem:
      "test › orders › databases[0].passwordRotationDays = 14: has no effect with credentials 'rds-managed': RDS rotates the managed password every 7 days on its own. Fix: remove passwordRotationDays, or set credentials: 'secrets-manager' to rotate on your own period",
  },
  'aurora-cluster.passwordRotationDays': {
    used: payments({ credentials: 'secrets-manager', passwordRotationDays: 14 }),
    ignored: payments({ passwordRotationDays: 14 }),
    problem:
      "test › payments › databases[2].passwordRotationDays = 14: has no effect with credentials 'rds-managed': RDS rotates the managed password every 7 days on its own. Fix: remove passwordRotationDays, or set credentials: 'secrets-manager' to rotate on your own period",
  },
  'aurora-cluster.secondaryReaders': {
    used: payments({ secondaryRegions: ['eu-central-1'], secondaryReaders: 2 }),
    ignored: payments({ secondaryReaders: 2 }),
    problem:
      'test › payments › databases[2].secondaryReaders = 2: has no effect with no secondaryRegions (there is no secondary cluster to size). Fix: remove secondaryReaders, or add secondaryRegions',
  },
  'rds-instance.backupReplicationRegion': {
    used: orders({ backupRetentionDays: 1, backupReplicationRegion: 'eu-central-1' }),
    ignored: orders({ backupRetentionDays: 0, pointInTimeRecovery: false, backupReplicationRegion: 'eu-central-1' }),
    problem:
      'test › orders › databases[0].backupReplicationRegion = "eu-central-1": has no effect with backupRetentionDays 0 (there are no automated backups to replicate). Fix: set backupRetentionDays from 1 to 35, or remove backupReplicationRegion',
  },
  'cloudsql-instance.backupLocation': {
    used: ledger({ backupLocation: 'eu' }),
    ignored: ledger({ backups: false, pointInTimeRecovery: false, highAvailability: false, backupLocation: 'eu' }),
    problem:
      'test › ledger › databases[1].backupLocation = "eu": has no effect with backups: false (no automated backups are taken). Fix: remove backupLocation, or turn backups on',
  },
  'cloudsql-instance.backupStartTime': {
    used: ledger({ backupStartTime: '03:00' }),
    ignored: ledger({ backups: false, pointInTimeRecovery: false, highAvailability: false, backupStartTime: '03:00' }),
    problem:
      'test › ledger › databases[1].backupStartTime = "03:00": has no effect with backups: false (no automated backups are taken). Fix: remove backupStartTime, or turn backups on',
  },
  'cloudsql-instance.retainedBackups': {
    used: ledger({ retainedBackups: 14 }),
    ignored: ledger({ backups: false, pointInTimeRecovery: false, highAvailability: false, retainedBackups: 14 }),
    problem:
      'test › ledger › databases[1].retainedBackups = 14: has no effect with backups: false (no automated backups are taken). Fix: remove retainedBackups, or turn backups on',
  },
  'cloudsql-instance.transactionLogRetentionDays': {
    used: ledger({ transactionLogRetentionDays: 3 }),
    ignored: ledger({ pointInTimeRecovery: false, highAvailability: false, transactionLogRetentionDays: 3 }),
    problem:
      'test › ledger › databases[1].transactionLogRetentionDays = 3: has no effect with pointInTimeRecovery off (no transaction logs are kept). Fix: remove transactionLogRetentionDays, or turn point-in-time recovery on',
  },
  'cloudsql-instance.auditBucket': {
    used: billing({ auditLogging: true, auditBucket: 'gs://billing-audit' }),
    ignored: billing({ auditBucket: 'gs://billing-audit' }),
    problem:
      'test › billing › databases[2].auditBucket = "gs://billing-audit": has no effect with auditLogging off (no audit files are written). Fix: remove auditBucket, or set auditLogging: true',
  },
  // Never takes effect: "used" is the cache without it.
  'memorystore-instance.pointInTimeRecovery': {
    used: cache({}),
    ignored: cache({ pointInTimeRecovery: true }),
    problem:
      'test › cache › databases[2].pointInTimeRecovery = true: has no effect with Memorystore for Redis, which has no point-in-time recovery (its RDB snapshots, every snapshotPeriod, are the restore points). Fix: remove pointInTimeRecovery; set snapshotPeriod to choose how much a restore may lose',
  },
};

test('every row of the table has a case here', () => {
  expect(IGNORED_SETTINGS.map((r) => `${r.kind}.${r.field}`).sort()).toEqual(Object.keys(CASES).sort());
});

describe.each(Object.entries(CASES))('%s', (_, { used, ignored, problem }) => {
  test('passes where it takes effect', () => expect(problemsOf(used)).toEqual([]));
  test('is refused where it has no effect', () => expect(problemsOf(ignored)).toEqual([problem]));
});

test('MySQL: transactionLogRetentionDays with binary logs off', () => {
  const MYSQL = { kind: 'cloudsql-instance', name: 'inventory', engine: 'mysql', version: '8.4', tier: 'db-custom-2-7680', diskSizeGb: 50 };
  expect(problemsOf((c) => c.databases.push({ ...MYSQL, transactionLogRetentionDays: 3 }))).toEqual([]);
  expect(problemsOf((c) => c.databases.push({ ...MYSQL, binaryLog: false, highAvailability: false, transactionLogRetentionDays: 3 }))).toEqual([
    'test › inventory › databases[2].transactionLogRetentionDays = 3: has no effect with binaryLog off (no binary logs are kept). Fix: remove transactionLogRetentionDays, or turn point-in-time recovery on',
  ]);
});

test('a defaulted setting is never reported: rds-managed without passwordRotationDays, no backups without a start time', () => {
  expect(problemsOf(orders({ credentials: 'rds-managed' }))).toEqual([]);
  expect(problemsOf(ledger({ backups: false, pointInTimeRecovery: false, highAvailability: false }))).toEqual([]);
});
