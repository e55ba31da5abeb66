/** Bad RDS input in config: each problem names environment, database, field, value, what is allowed and the fix. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (config: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}
const orders = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[0], change);

describe('RDS engines, versions and classes', () => {
  test('an unknown engine', () => {
    expect(problemsOf(orders({ engine: 'db2-se' }))).toEqual([
      'test › orders › databases[0].engine = "db2-se": must be one of postgres, mysql, mariadb, sqlserver-ex, sqlserver-web, sqlserver-se, sqlserver-ee, oracle-se2, oracle-ee. Fix: change databases[0].engine in config/test.ts',
    ]);
  });

  test('a version of another engine', () => {
    expect(problemsOf(orders({ engine: 'mysql', version: '17.6' }))).toEqual([
      'test › orders › databases[0].version = "17.6": is not a supported MySQL version; supported full versions: 8.0.42, 8.0.43, 8.4.5, 8.4.6. Fix: pin one of the supported full versions (a bare major version is not accepted)',
    ]);
  });

  test('a class the engine does not run on', () => {
    expect(problemsOf(orders({ engine: 'sqlserver-ee', version: '16.00.4215.2.v1', instanceClass: 'db.m7g.xlarge' }))).toEqual([
      'test › orders › databases[0].instanceClass = "db.m7g.xlarge": is a Graviton (ARM) class, which SQL Server Enterprise Edition does not run on; allowed generations: t3, m5, m6i, m7i, r5, r6i, r7i. Fix: choose the same size in an x86 generation, such as db.m6i.xlarge',
    ]);
  });

  test('Multi-AZ on an edition without it', () => {
    expect(problemsOf(orders({ engine: 'sqlserver-web', version: '16.00.4215.2.v1', instanceClass: 'db.m6i.large' }))).toEqual([
      'test › orders › databases[0].highAvailability = true: SQL Server Web Edition does not support Multi-AZ. Fix: turn high availability off for this database, or choose Standard or Enterprise Edition',
    ]);
  });

  test('a license model the engine does not offer', () => {
    expect(problemsOf(orders({ licenseModel: 'license-included' }))).toEqual([
      'test › orders › databases[0].licenseModel = "license-included": is not offered for PostgreSQL; allowed: postgresql-license. Fix: use postgresql-license or remove the setting',
    ]);
  });
});

describe('RDS backups and windows', () => {
  test('windows that overlap', () => {
    expect(problemsOf(orders({ preferredBackupWindow: '04:30-05:30' }))).toEqual([
      'test › orders › databases[0].preferredMaintenanceWindow = "sun:04:00-sun:05:00": overlaps the daily backup window 04:30-05:30; RDS needs them apart. Fix: move one of the two windows so they do not meet',
    ]);
  });

  test('a malformed or too short window', () => {
    expect(problemsOf(orders({ preferredBackupWindow: '02:00-02:15', preferredMaintenanceWindow: 'sunday 04:00' }))).toEqual([
      'test › orders › databases[0].preferredBackupWindow = "02:00-02:15": must be a daily UTC window hh24:mi-hh24:mi of at least 30 minutes. Fix: write it like \'02:00-03:00\'',
      'test › orders › databases[0].preferredMaintenanceWindow = "sunday 04:00": must be a weekly UTC window ddd:hh24:mi-ddd:hh24:mi of at least 30 minutes. Fix: write it like \'sun:04:00-sun:05:00\'',
    ]);
  });

  test('backups replicated to a region without a key', () => {
    expect(problemsOf(orders({ backupReplicationRegion: 'us-east-1' }))).toEqual([
      'test › orders › databases[0].backupReplicationRegion = "us-east-1": is not one of aws.regions (eu-west-1, eu-central-1), so it has no customer-managed key to encrypt the replicated backups. Fix: add \'us-east-1\' to aws.regions or choose a declared region',
    ]);
  });

  test('backups replicated to their own region', () => {
    expect(problemsOf(orders({ backupReplicationRegion: 'eu-west-1' }))).toEqual([
      'test › orders › databases[0].backupReplicationRegion = "eu-west-1": equals the database\'s own region; automated backups are replicated to another region. Fix: name another region, or remove the setting',
    ]);
  });
});

describe('RDS read replicas', () => {
  test('a replica source without backups', () => {
    expect(problemsOf(orders({ backupRetentionDays: 0, pointInTimeRecovery: false, replicas: [{ region: 'eu-west-1' }] }))).toEqual([
      'test › orders › databases[0].backupRetentionDays = 0: must be greater than 0 on a database with read replicas (RDS needs backups on a replica source). Fix: set backupRetentionDays from 1 to 35',
    ]);
  });

  test('too many replicas', () => {
    expect(problemsOf(orders({ replicas: Array.from({ length: 16 }, () => ({ region: 'eu-west-1' })) }))).toEqual([
      'test › orders › databases[0].replicas = 16: lists 16 read replicas; PostgreSQL allows at most 15 per source. Fix: remove 1 of them',
    ]);
    expect(
      problemsOf(
        orders({
          engine: 'oracle-ee',
          version: '19.0.0.0.ru-2025-10.rur-2025-10.r1',
          instanceClass: 'db.r6i.xlarge',
          replicas: Array.from({ length: 6 }, () => ({ region: 'eu-west-1' })),
        }),
      ),
    ).toEqual(['test › orders › databases[0].replicas = 6: lists 6 read replicas; Oracle Enterprise allows at most 5 per source. Fix: remove 1 of them']);
  });

  test('a cross-region replica of SQL Server', () => {
    expect(
      problemsOf(
        orders({
          engine: 'sqlserver-ee',
          version: '16.00.4215.2.v1',
          instanceClass: 'db.r6i.xlarge',
          replicas: [{ region: 'eu-west-1' }, { region: 'eu-central-1' }],
        }),
      ),
    ).toEqual([
      'test › orders › databases[0].replicas[1].region = "eu-central-1": is another region than the source (eu-west-1); SQL Server Enterprise Edition has no cross-region read replicas. Fix: place the replica in eu-west-1, or remove it',
    ]);
  });

  test('a SQL Server replica source that is not Multi-AZ', () => {
    expect(
      problemsOf(
        orders({
          engine: 'sqlserver-ee',
          version: '16.00.4215.2.v1',
          instanceClass: 'db.r6i.xlarge',
          highAvailability: false,
          replicas: [{ region: 'eu-west-1' }],
        }),
      ),
    ).toEqual([
      'test › orders › databases[0].highAvailability = false: must be on for a SQL Server Enterprise Edition source of read replicas (replication runs through an Always On availability group). Fix: turn high availability on, or remove the replicas',
    ]);
  });

  test('a replica in a region without a key', () => {
    expect(problemsOf(orders({ replicas: [{ region: 'us-east-1' }] }))).toEqual([
      'test › orders › databases[0].replicas[0].region = "us-east-1": the replica region is not one of aws.regions (eu-west-1, eu-central-1), so it would have no customer-managed key or alarm topic. Fix: add \'us-east-1\' to aws.regions or choose a declared region',
    ]);
  });

  test('a replica class outside the catalog', () => {
    expect(problemsOf(orders({ replicas: [{ region: 'eu-west-1', instanceClass: 'db.r6g.3xlarge' }] }))).toEqual([
      'test › orders › databases[0].replicas[0].instanceClass = "db.r6g.3xlarge": is not an instance class in our catalog (db.<t3|t4g|m5|m6g|m6i|m7g|m7i|r5|r6g|r6i|r7g|r7i>.<size>). Fix: choose a class such as db.t4g.medium, db.m7g.large or db.r6g.xlarge',
    ]);
  });
});

describe('RDS parameters, alarms and proxy', () => {
  test('an override of a parameter the engine family does not have', () => {
    expect(problemsOf(orders({ parameters: { shared_bufers: '1GB', work_mem: 8192 } }))).toEqual([
      'test › orders › databases[0].parameters.shared_bufers = "1GB": \'shared_bufers\' is not a parameter of the postgres17 family. Fix: check the spelling against `aws rds describe-engine-default-parameters --db-parameter-group-family postgres17`; if RDS has it, add it to constructs/aws/rds/tables/rds-parameter-names.ts',
    ]);
  });

  test('a threshold override for an alarm that does not exist', () => {
    expect(problemsOf(orders({ alarmThresholds: { 'cpu-high': 95 } }))).toEqual([
      "test › orders › databases[0].alarmThresholds.cpu-high = 95: 'cpu-high' is not an RDS alarm; alarms: cpu-warning, cpu-critical, memory-warning, memory-critical, storage-warning, storage-critical, connections-warning, connections-critical, replica-lag-warning, replica-lag-critical, read-latency-warning, write-latency-warning, disk-queue-warning, cpu-credits-warning, deadlocks-warning. Fix: use one of the alarm ids",
    ]);
  });

  test('a proxy for an engine RDS Proxy does not support', () => {
    expect(problemsOf(orders({ engine: 'oracle-se2', version: '19.0.0.0.ru-2025-07.rur-2025-07.r1', instanceClass: 'db.m5.large', proxy: true }))).toEqual([
      'test › orders › databases[0].proxy = true: RDS Proxy does not support Oracle Standard Edition Two. Fix: turn the proxy off for this database',
    ]);
  });

  test('a malformed security group id', () => {
    expect(problemsOf(orders({ allowedSecurityGroupIds: ['default'] }))).toEqual([
      'test › orders › databases[0].allowedSecurityGroupIds[0] = "default": must be a security group id such as sg-0a1b2c3d. Fix: change databases[0].allowedSecurityGroupIds[0] in config/test.ts',
    ]);
  });
});

test('every engine of the table is accepted with a valid version and class', () => {
  for (const [engine, version, instanceClass, highAvailability] of [
    ['mysql', '8.0.43', 'db.r6g.large', true],
    ['mariadb', '11.8.3', 'db.m7g.large', true],
    ['sqlserver-ex', '15.00.4440.1.v1', 'db.t3.large', false],
    ['sqlserver-se', '16.00.4215.2.v1', 'db.m6i.xlarge', true],
    ['oracle-ee', '19.0.0.0.ru-2025-07.rur-2025-07.r1', 'db.r6i.xlarge', true],
  ] as const) {
    expect({ engine, problems: problemsOf(orders({ engine, version, instanceClass, highAvailability })) }).toEqual({ engine, problems: [] });
  }
});
