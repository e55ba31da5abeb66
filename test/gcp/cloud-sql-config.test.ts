/**
 * Bad Cloud SQL input in config: every problem names the environment, the database, the field, the value, what is
 * allowed and the fix. GIVEN the fixture with one change, WHEN it is checked, THEN exactly these lines come back.
 */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { CLOUD_SQL_FLAGS } from '../../constructs/gcp/tables/cloud-sql-flag-table';
import { withChange } from '../support/fixtures';

type Config = any;

function problemsOf(change: (config: Config) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}

/** The fixture's PostgreSQL instance is databases[1] ('ledger', db-custom-2-7680, 50 GB, production tier). */
const ledger = (change: Record<string, unknown>) => (c: Config) => Object.assign(c.databases[1], change);
/** A MySQL or SQL Server instance added as databases[2]. */
const MYSQL = { kind: 'cloudsql-instance', name: 'inventory', engine: 'mysql', version: '8.4', tier: 'db-custom-2-7680', diskSizeGb: 50 };
const SQL_SERVER = {
  kind: 'cloudsql-instance',
  name: 'billing',
  engine: 'sqlserver',
  version: '2022-standard',
  tier: 'db-custom-2-7680',
  diskSizeGb: 50,
  rootPasswordSecret: 'billing-root',
};
const add =
  (database: Record<string, unknown>, change: Record<string, unknown> = {}) =>
  (c: Config) =>
    c.databases.push({ ...database, ...change });

describe('valid Cloud SQL input', () => {
  test.each([
    ['a MySQL instance with binary logs (the tier default)', add(MYSQL)],
    ['a SQL Server instance with its root password secret', add(SQL_SERVER)],
    ['a same-region and a cross-region replica', ledger({ replicas: [{ region: 'europe-west1' }, { region: 'europe-west4', tier: 'db-custom-4-16384' }] })],
    [
      'a disaster-recovery replica on ENTERPRISE_PLUS',
      ledger({ edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', replicas: [{ region: 'europe-west4', disasterRecovery: true }] }),
    ],
    ['flags within range', ledger({ flags: { work_mem: 8192, log_statement: 'ddl', 'pgaudit.log': 'ddl,write' } })],
    ['a yearly deny period over New Year', ledger({ denyMaintenancePeriod: { startDate: '12-15', endDate: '01-05' } })],
  ])('%s', (_, change) => {
    expect(problemsOf(change)).toEqual([]);
  });
});

describe('names', () => {
  test('a database name Cloud SQL does not accept', () => {
    expect(problemsOf(ledger({ name: 'Ledger_1' }))).toEqual([
      'test › Ledger_1 › databases[1].name = "Ledger_1": a database name must start with a lowercase letter and contain only lowercase letters, digits and hyphens. Fix: change databases[1].name in config/test.ts',
    ]);
  });

  test('a replica whose name, with its suffix, is longer than 98 characters', () => {
    const region = `europe-${'a'.repeat(80)}1`;
    const problems = problemsOf((c) => {
      c.gcp.regions.push(region);
      c.databases[1].replicas = [{ region }];
    });
    // No region Cloud SQL offers has so long a name (the longest, northamerica-northeast1, leaves the name at 83 at most),
    // so the region is refused as well.
    expect(problems).toEqual([
      `test › gcp.regions[2] = "${region}": is not a Google Cloud region Cloud SQL offers; regions like it: europe-central2, europe-north1, europe-north2, europe-southwest1, europe-west1, europe-west2, europe-west3, europe-west4, europe-west6, europe-west8, europe-west9, europe-west10, europe-west12. Fix: use the name of a Google Cloud region, such as europe-west1 or us-central1`,
      `test › ledger › databases[1].replicas[0].region = "${region}": gives the replica instance name 'test-ledger-replica-${region}' (<instance>-replica-<region>), which must be 1–98 characters long (it has 108). Fix: shorten the database name, or place the replica in a region with a shorter name`,
    ]);
  });
});

describe('versions, editions and tiers', () => {
  test('a MySQL version Cloud SQL does not offer', () => {
    expect(problemsOf(add(MYSQL, { version: '5.7' }))).toEqual([
      'test › inventory › databases[2].version = "5.7": is not a supported Cloud SQL MySQL version; supported: 8.0, 8.4. Fix: choose a supported version',
    ]);
  });

  test('ENTERPRISE_PLUS for a SQL Server edition that does not have it', () => {
    expect(problemsOf(add(SQL_SERVER, { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2' }))).toEqual([
      'test › billing › databases[2].edition = "ENTERPRISE_PLUS": is not offered for SQL Server 2022-standard; ENTERPRISE_PLUS takes 2019-enterprise, 2022-enterprise. Fix: set edition: \'ENTERPRISE\' or choose version 2019-enterprise or 2022-enterprise',
    ]);
  });

  test('a shared-core tier for SQL Server', () => {
    expect(problemsOf(add(SQL_SERVER, { tier: 'db-g1-small' }))).toEqual([
      'test › billing › databases[2].tier = "db-g1-small": is a shared-core tier, which Cloud SQL does not offer for SQL Server. Fix: choose a db-custom tier such as db-custom-2-7680',
    ]);
  });

  test('a replica tier that does not match the edition', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', tier: 'db-perf-optimized-N-4' }] }))).toEqual([
      'test › ledger › databases[1].replicas[0].tier = "db-perf-optimized-N-4": is a performance-optimized tier, which only ENTERPRISE_PLUS offers. Fix: set edition: \'ENTERPRISE_PLUS\' or choose a db-custom tier',
    ]);
  });

  test('a replica tier that does not exist', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', tier: 'db-custom-3-7680' }] }))).toEqual([
      'test › ledger › databases[1].replicas[0].tier = "db-custom-3-7680": has 3 vCPUs; custom tiers take 1 or an even number from 2 to 96. Fix: choose a valid tier such as db-custom-2-7680',
    ]);
  });

  test('Query Insights on SQL Server Express', () => {
    expect(problemsOf(add(SQL_SERVER, { version: '2022-express', queryInsights: true }))).toEqual([
      'test › billing › databases[2].queryInsights = true: is not available for SQL Server 2022-express. Fix: remove queryInsights',
    ]);
  });
});

describe('backups, point-in-time recovery and binary logs', () => {
  test('PITR requested for MySQL', () => {
    expect(problemsOf(add(MYSQL, { pointInTimeRecovery: true }))).toEqual([
      'test › inventory › databases[2].pointInTimeRecovery = true: is not available for MySQL on Cloud SQL, which restores MySQL to a point in time from binary logs. Fix: remove pointInTimeRecovery and set binaryLog: true',
    ]);
  });

  test('binary logs requested for PostgreSQL', () => {
    expect(problemsOf(ledger({ binaryLog: true }))).toEqual([
      'test › ledger › databases[1].binaryLog = true: is MySQL-only; PostgreSQL restores to a point in time with pointInTimeRecovery. Fix: remove binaryLog and set pointInTimeRecovery: true',
    ]);
  });

  test('binary logs without backups', () => {
    expect(problemsOf(add(MYSQL, { backups: false, binaryLog: true, highAvailability: false }))).toEqual([
      'test › inventory › databases[2].binaryLog = true: needs backups: Cloud SQL keeps binary logs only with automated backups on. Fix: set backups: true, or binaryLog: false',
    ]);
  });

  test('point-in-time recovery without backups', () => {
    expect(problemsOf(ledger({ backups: false, highAvailability: false }))).toEqual([
      'test › ledger › databases[1].pointInTimeRecovery = true: needs backups: Cloud SQL keeps transaction logs only with automated backups on. Fix: set backups: true, or pointInTimeRecovery: false',
    ]);
  });

  test('REGIONAL availability without point-in-time recovery', () => {
    expect(problemsOf(ledger({ pointInTimeRecovery: false }))).toEqual([
      'test › ledger › databases[1].highAvailability = true: needs backups with point-in-time recovery: Cloud SQL refuses REGIONAL availability without them. Fix: set backups: true and pointInTimeRecovery: true, or highAvailability: false',
    ]);
  });

  test('REGIONAL MySQL without binary logs', () => {
    expect(problemsOf(add(MYSQL, { binaryLog: false }))).toEqual([
      'test › inventory › databases[2].highAvailability = true: needs backups with binary logs: Cloud SQL refuses REGIONAL availability without them. Fix: set backups: true and binaryLog: true, or highAvailability: false',
    ]);
  });

  test('a replica of a primary without backups', () => {
    expect(problemsOf(ledger({ backups: false, pointInTimeRecovery: false, highAvailability: false, replicas: [{ region: 'europe-west4' }] }))).toEqual([
      'test › ledger › databases[1].backups = false: must be on for a primary with read replicas: Cloud SQL creates replicas only of a primary with automated backups. Fix: set backups: true or remove the replicas',
    ]);
  });

  test('a replica of a MySQL primary without binary logs', () => {
    expect(problemsOf(add(MYSQL, { binaryLog: false, highAvailability: false, replicas: [{ region: 'europe-west1' }] }))).toEqual([
      'test › inventory › databases[2].binaryLog = false: must be on for a MySQL primary with read replicas: they replicate from the binary log. Fix: set binaryLog: true or remove the replicas',
    ]);
  });

  test('retained backups out of range', () => {
    expect(problemsOf(ledger({ retainedBackups: 400 }))).toEqual([
      'test › ledger › databases[1].retainedBackups = 400: must be from 1 to 365. Fix: change databases[1].retainedBackups in config/test.ts',
    ]);
  });

  test('transaction log retention out of range', () => {
    expect(problemsOf(ledger({ transactionLogRetentionDays: 40 }))).toEqual([
      'test › ledger › databases[1].transactionLogRetentionDays = 40: must be from 1 to 35 days. Fix: change databases[1].transactionLogRetentionDays in config/test.ts',
    ]);
  });

  test('more than 7 days of binary logs on ENTERPRISE_PLUS MySQL', () => {
    expect(problemsOf(add(MYSQL, { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', transactionLogRetentionDays: 14 }))).toEqual([
      'test › inventory › databases[2].transactionLogRetentionDays = 14: must be from 1 to 7 days for ENTERPRISE_PLUS mysql (35 only on ENTERPRISE_PLUS for PostgreSQL and SQL Server). Fix: lower it to 7 or less',
    ]);
  });
});

describe('replicas', () => {
  test('a replica in a region without a key', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'asia-east1' }] }))).toEqual([
      'test › ledger › databases[1].replicas[0].region = "asia-east1": the replica region is not one of gcp.regions (europe-west1, europe-west4), so it would have no customer-managed key. Fix: add \'asia-east1\' to gcp.regions or choose a declared region',
    ]);
  });

  test('a replica disk smaller than the primary', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', diskSizeGb: 20 }] }))).toEqual([
      "test › ledger › databases[1].replicas[0].diskSizeGb = 20: must be at least the primary's diskSizeGb (50) to hold its data. Fix: raise it to 50 or more, or remove it",
    ]);
  });

  test('a replica disk at the growth limit it shares with its primary', () => {
    expect(problemsOf(ledger({ diskAutoresizeLimitGb: 100, replicas: [{ region: 'europe-west4', diskSizeGb: 100 }] }))).toEqual([
      'test › ledger › databases[1].replicas[0].diskSizeGb = 100: must be below diskAutoresizeLimitGb (100), which replicas share with their primary. Fix: lower it below 100 or raise diskAutoresizeLimitGb',
    ]);
  });

  test('replicas of a SQL Server edition that has none', () => {
    expect(problemsOf(add(SQL_SERVER, { replicas: [{ region: 'europe-west1' }] }))).toEqual([
      'test › billing › databases[2].replicas = [{"region":"europe-west1","highAvailability":false,"disasterRecovery":false,"flags":{}}]: cannot be created for SQL Server 2022-standard; read replicas need 2019-enterprise or 2022-enterprise. Fix: remove the replicas or choose a version that has them',
    ]);
  });

  test('a disaster-recovery replica on ENTERPRISE', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', disasterRecovery: true }] }))).toEqual([
      "test › ledger › databases[1].replicas[0].disasterRecovery = true: needs edition ENTERPRISE_PLUS (advanced disaster recovery); this PostgreSQL instance is ENTERPRISE. Fix: set edition: 'ENTERPRISE_PLUS' with a db-perf-optimized tier, or disasterRecovery: false",
    ]);
  });

  const enterprisePlus = { edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2' };

  test('a disaster-recovery replica in the primary region', () => {
    expect(problemsOf(ledger({ ...enterprisePlus, replicas: [{ region: 'europe-west1', disasterRecovery: true }] }))).toEqual([
      "test › ledger › databases[1].replicas[0].disasterRecovery = true: needs a replica in another region than the primary's (europe-west1). Fix: move the replica to another declared region",
    ]);
  });

  test('two disaster-recovery replicas', () => {
    const dr = { region: 'europe-west4', disasterRecovery: true };
    expect(problemsOf(ledger({ ...enterprisePlus, replicas: [dr, dr] }))).toEqual([
      'test › ledger › databases[1].replicas[1].disasterRecovery = true: is already set on another replica; a primary has one disaster-recovery replica. Fix: keep disasterRecovery on one replica',
    ]);
  });

  test('a disaster-recovery replica of a primary without point-in-time recovery', () => {
    expect(
      problemsOf(
        ledger({ ...enterprisePlus, pointInTimeRecovery: false, highAvailability: false, replicas: [{ region: 'europe-west4', disasterRecovery: true }] }),
      ),
    ).toEqual([
      'test › ledger › databases[1].replicas[0].disasterRecovery = true: needs point-in-time recovery on the primary. Fix: turn pointInTimeRecovery on',
    ]);
  });
});

describe('database flags', () => {
  test('a flag unknown to the engine', () => {
    expect(problemsOf(ledger({ flags: { shared_buffers: '4GB' } }))).toEqual([
      `test › ledger › databases[1].flags.shared_buffers = "4GB": is not a Cloud SQL PostgreSQL flag we accept; accepted flags: ${Object.keys(CLOUD_SQL_FLAGS.postgres).join(', ')}. Fix: check the spelling, or remove the flag (docs/cloud-sql.md lists the flags and their ranges)`,
    ]);
  });

  test('a PostgreSQL flag on MySQL', () => {
    expect(problemsOf(add(MYSQL, { flags: { work_mem: 8192 } }))).toEqual([
      `test › inventory › databases[2].flags.work_mem = 8192: is not a Cloud SQL MySQL flag we accept; accepted flags: ${Object.keys(CLOUD_SQL_FLAGS.mysql).join(', ')}. Fix: check the spelling, or remove the flag (docs/cloud-sql.md lists the flags and their ranges)`,
    ]);
  });

  test.each([
    [
      'an integer below its range',
      { max_connections: 5 },
      'max_connections = 5: must be an integer from 14 to 262143. Fix: choose a value that is an integer from 14 to 262143',
    ],
    [
      'a fraction for an integer',
      { work_mem: '64.5' },
      'work_mem = "64.5": must be an integer from 64 to 2147483647. Fix: choose a value that is an integer from 64 to 2147483647',
    ],
    [
      'a boolean that is neither on nor off',
      { log_lock_waits: 'yes' },
      "log_lock_waits = \"yes\": must be 'on' or 'off'. Fix: choose a value that is 'on' or 'off'",
    ],
    [
      'a value outside an enum',
      { log_statement: 'everything' },
      'log_statement = "everything": must be one of none, ddl, mod, all. Fix: choose a value that is one of none, ddl, mod, all',
    ],
    [
      'a list item that does not exist',
      { 'pgaudit.log': 'ddl,everything' },
      'pgaudit.log = "ddl,everything": must be a comma-separated list of read, write, function, role, ddl, misc, misc_set, all, none. Fix: choose a value that is a comma-separated list of read, write, function, role, ddl, misc, misc_set, all, none',
    ],
    [
      'a flag a setting manages',
      { 'cloudsql.iam_authentication': 'off' },
      'cloudsql.iam_authentication = "off": is set by the iamAuthentication setting. Fix: remove the flag and set iamAuthentication instead',
    ],
  ])('%s', (_, flags, line) => {
    expect(problemsOf(ledger({ flags }))).toEqual([`test › ledger › databases[1].flags.${line}`]);
  });

  test('a MySQL flag out of range', () => {
    expect(problemsOf(add(MYSQL, { flags: { long_query_time: -1 } }))).toEqual([
      'test › inventory › databases[2].flags.long_query_time = -1: must be a number from 0 to 30000000. Fix: choose a value that is a number from 0 to 30000000',
    ]);
  });

  test('a replica flag below what a PostgreSQL standby needs', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', flags: { max_connections: 100 } }] }))).toEqual([
      "test › ledger › databases[1].replicas[0].flags.max_connections = 100: must be at least the primary's value (400): a PostgreSQL standby refuses to start with less. Fix: raise it to 400 or remove it",
    ]);
  });

  test('an unknown replica flag', () => {
    expect(problemsOf(ledger({ replicas: [{ region: 'europe-west4', flags: { hot_standby_feedback_typo: 'on' } }] }))).toEqual([
      `test › ledger › databases[1].replicas[0].flags.hot_standby_feedback_typo = "on": is not a Cloud SQL PostgreSQL flag we accept; accepted flags: ${Object.keys(CLOUD_SQL_FLAGS.postgres).join(', ')}. Fix: check the spelling, or remove the flag (docs/cloud-sql.md lists the flags and their ranges)`,
    ]);
  });
});

describe('engine features', () => {
  test('SQL Server without a root password', () => {
    expect(problemsOf(add(SQL_SERVER, { rootPasswordSecret: undefined }))).toEqual([
      'test › billing › databases[2].rootPasswordSecret = (missing): is required for SQL Server: Cloud SQL creates the instance with a root password. Fix: name the Secret Manager secret that holds it (projects/<project>/secrets/<name>)',
    ]);
  });

  test('IAM database authentication on SQL Server', () => {
    expect(problemsOf(add(SQL_SERVER, { iamAuthentication: true }))).toEqual([
      'test › billing › databases[2].iamAuthentication = true: is not available for SQL Server on Cloud SQL. Fix: remove iamAuthentication',
    ]);
  });

  test('SQL Server audit logging without a bucket', () => {
    expect(problemsOf(add(SQL_SERVER, { auditLogging: true }))).toEqual([
      'test › billing › databases[2].auditBucket = (missing): is required for auditLogging on SQL Server: Cloud SQL uploads the audit files to a bucket. Fix: set auditBucket to gs://<bucket>',
    ]);
  });

  test('an audit bucket for PostgreSQL', () => {
    expect(problemsOf(ledger({ auditBucket: 'gs://audit-bucket' }))).toEqual([
      'test › ledger › databases[1].auditBucket = "gs://audit-bucket": is for SQL Server only; PostgreSQL audits to Cloud Logging. Fix: remove auditBucket',
    ]);
  });

  test('a password policy for SQL Server', () => {
    expect(problemsOf(add(SQL_SERVER, { passwordPolicy: { minLength: 12 } }))).toEqual([
      'test › billing › databases[2].passwordPolicy = {"minLength":12}: Cloud SQL has no instance password policy for SQL Server. Fix: remove passwordPolicy',
    ]);
  });

  test('a short minimum password length', () => {
    expect(problemsOf(ledger({ passwordPolicy: { minLength: 6 } }))).toEqual([
      'test › ledger › databases[1].passwordPolicy.minLength = 6: must be an integer of at least 8. Fix: raise it to 8 or more (12 is the default)',
    ]);
  });

  test('a password change interval on MySQL', () => {
    expect(problemsOf(add(MYSQL, { passwordPolicy: { passwordChangeInterval: '3600s' } }))).toEqual([
      'test › inventory › databases[2].passwordPolicy.passwordChangeInterval = "3600s": is offered for PostgreSQL only, not for MySQL. Fix: remove passwordChangeInterval',
    ]);
  });

  test('a password change interval that is not in seconds', () => {
    expect(problemsOf(ledger({ passwordPolicy: { passwordChangeInterval: '1 day' } }))).toEqual([
      "test › ledger › databases[1].passwordPolicy.passwordChangeInterval = \"1 day\": must be whole seconds with an 's' suffix, such as '3600s'. Fix: write it in seconds, e.g. '86400s' for a day",
    ]);
  });

  test('Query Insights limits', () => {
    expect(problemsOf(ledger({ queryInsights: { queryStringLength: 100, queryPlansPerMinute: 30 } }))).toEqual([
      'test › ledger › databases[1].queryInsights.queryStringLength = 100: must be an integer from 256 to 4500 bytes. Fix: choose a length in that range (1024 is the default)',
      'test › ledger › databases[1].queryInsights.queryPlansPerMinute = 30: must be an integer from 0 to 20 on ENTERPRISE. Fix: choose from 0 to 20 (5 is the default)',
    ]);
  });

  test('the data cache on ENTERPRISE', () => {
    expect(problemsOf(ledger({ dataCache: true }))).toEqual([
      "test › ledger › databases[1].dataCache = true: is an ENTERPRISE_PLUS feature. Fix: remove dataCache or set edition: 'ENTERPRISE_PLUS'",
    ]);
  });
});

describe('disks', () => {
  test('an autoresize limit below the disk size', () => {
    expect(problemsOf(ledger({ diskAutoresizeLimitGb: 40 }))).toEqual([
      'test › ledger › databases[1].diskAutoresizeLimitGb = 40: must be above diskSizeGb (50) and at most 65536 GB, so the disk can grow. Fix: raise it above 50, or remove it for no limit',
    ]);
  });

  test('an autoresize limit without autoresize', () => {
    expect(problemsOf(ledger({ diskAutoresize: false, diskAutoresizeLimitGb: 100 }))).toEqual([
      'test › ledger › databases[1].diskAutoresizeLimitGb = 100: has no effect with diskAutoresize: false. Fix: remove diskAutoresizeLimitGb or turn diskAutoresize on',
    ]);
  });

  test('HDD on ENTERPRISE_PLUS', () => {
    expect(problemsOf(ledger({ edition: 'ENTERPRISE_PLUS', tier: 'db-perf-optimized-N-2', diskType: 'PD_HDD' }))).toEqual([
      'test › ledger › databases[1].diskType = "PD_HDD": is not offered on ENTERPRISE_PLUS. Fix: use diskType: \'PD_SSD\'',
    ]);
  });

  test('a disk type Cloud SQL does not have', () => {
    expect(problemsOf(ledger({ diskType: 'PD_BALANCED' }))).toEqual([
      'test › ledger › databases[1].diskType = "PD_BALANCED": must be one of PD_SSD, PD_HDD. Fix: change databases[1].diskType in config/test.ts',
    ]);
  });
});

describe('maintenance', () => {
  test('a maintenance window outside the week and the day', () => {
    expect(problemsOf(ledger({ maintenanceWindow: { day: 8, hour: 24 } }))).toEqual([
      'test › ledger › databases[1].maintenanceWindow.day = 8: must be a day of the week from 1 (Monday) to 7 (Sunday). Fix: choose a day from 1 to 7',
      'test › ledger › databases[1].maintenanceWindow.hour = 24: must be an hour from 0 to 23 (UTC). Fix: choose an hour from 0 to 23',
    ]);
  });

  test('a deny period longer than 90 days', () => {
    expect(problemsOf(ledger({ denyMaintenancePeriod: { startDate: '2026-01-01', endDate: '2026-06-01' } }))).toEqual([
      'test › ledger › databases[1].denyMaintenancePeriod.endDate = "2026-06-01": must be after startDate (2026-01-01) and at most 90 days later (it is 151 days). Fix: give YYYY-MM-DD dates (or MM-DD for a yearly period) at most 90 days apart',
    ]);
  });

  test('a deny period mixing a yearly start and a dated end', () => {
    expect(problemsOf(ledger({ denyMaintenancePeriod: { startDate: '12-15', endDate: '2027-01-05' } }))).toEqual([
      'test › ledger › databases[1].denyMaintenancePeriod.endDate = "2027-01-05": must be a date in the same format as startDate (MM-DD). Fix: give YYYY-MM-DD dates (or MM-DD for a yearly period) at most 90 days apart',
    ]);
  });

  test('a deny period starting on a day that does not exist, and a time that is no time', () => {
    expect(problemsOf(ledger({ denyMaintenancePeriod: { startDate: '02-30', endDate: '03-15' } }))).toEqual([
      'test › ledger › databases[1].denyMaintenancePeriod.startDate = "02-30": must be a date YYYY-MM-DD or MM-DD. Fix: give YYYY-MM-DD dates (or MM-DD for a yearly period) at most 90 days apart',
    ]);
    expect(problemsOf(ledger({ denyMaintenancePeriod: { startDate: '11-01', endDate: '11-30', time: '25:00:00' } }))).toEqual([
      'test › ledger › databases[1].denyMaintenancePeriod.time = "25:00:00": must be a time HH:MM:SS (UTC). Fix: write it as e.g. \'00:00:00\'',
    ]);
  });
});
