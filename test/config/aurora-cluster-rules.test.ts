/** Bad Aurora input in config: each problem names environment, database, field, value, what is allowed and the fix. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

const PAYMENTS = { kind: 'aurora-cluster', name: 'payments', engine: 'aurora-postgresql', version: '16.9', instanceClass: 'db.r7g.large' };

function problemsOf(change: Record<string, unknown>): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c) => c.databases.push({ ...PAYMENTS, ...change })),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}

describe('Aurora limits', () => {
  test('a valid provisioned cluster with a secondary region passes', () => {
    expect(problemsOf({ secondaryRegions: ['eu-central-1'] })).toEqual([]);
  });

  test('more than 15 readers', () => {
    expect(problemsOf({ readers: 16 })).toEqual([
      'test › payments › databases[2].readers = 16: must be an integer from 0 to 15 (an Aurora cluster has 1 writer and at most 15 readers). Fix: lower readers to 15 or less; for more read capacity, use a larger class or a secondary region',
    ]);
  });

  test('more than 10 secondary regions', () => {
    const regions = [
      'eu-central-1',
      'us-east-1',
      'us-east-2',
      'us-west-1',
      'us-west-2',
      'eu-west-2',
      'eu-west-3',
      'eu-north-1',
      'ap-south-1',
      'ap-northeast-1',
      'sa-east-1',
    ];
    // (The undeclared regions are reported too, one problem each.)
    expect(problemsOf({ secondaryRegions: regions })).toContain(
      'test › payments › databases[2].secondaryRegions = 11: lists 11 secondary regions; an Aurora global database has at most 10. Fix: remove 1 of them',
    );
  });

  test('an empty ACU range, and both capacity modes at once', () => {
    expect(problemsOf({ instanceClass: undefined, serverlessV2: { minCapacity: 8, maxCapacity: 4 } })).toEqual([
      'test › payments › databases[2].serverlessV2.maxCapacity = 4: is below minCapacity (8); the range is empty. Fix: raise maxCapacity to at least 8 or lower minCapacity',
    ]);
    expect(problemsOf({ serverlessV2: { minCapacity: 0.5, maxCapacity: 4 } })).toEqual([
      'test › payments › databases[2].instanceClass = "db.r7g.large": set exactly one of instanceClass (provisioned) and serverlessV2 (capacity range). Fix: set instanceClass such as \'db.r7g.large\', or serverlessV2: { minCapacity: 0.5, maxCapacity: 8 }',
    ]);
  });

  test('ACUs out of range or off the 0.5 steps', () => {
    expect(problemsOf({ instanceClass: undefined, serverlessV2: { minCapacity: 0.3, maxCapacity: 300 } })).toEqual([
      'test › payments › databases[2].serverlessV2.minCapacity = 0.3: must be from 0 to 256 ACUs in steps of 0.5. Fix: choose a value such as 0.5, 1 or 2',
      'test › payments › databases[2].serverlessV2.maxCapacity = 300: must be from 1 to 256 ACUs in steps of 0.5. Fix: choose a value such as 4, 16 or 64',
    ]);
  });

  test('auto-pause without scaling to 0', () => {
    expect(problemsOf({ instanceClass: undefined, serverlessV2: { minCapacity: 0.5, maxCapacity: 4, autoPauseMinutes: 10 } })).toEqual([
      'test › payments › databases[2].serverlessV2.autoPauseMinutes = 10: applies only when minCapacity is 0 (the cluster pauses at 0 ACUs). Fix: set minCapacity to 0, or remove autoPauseMinutes',
    ]);
  });

  test('a general-purpose class Aurora does not offer', () => {
    expect(problemsOf({ instanceClass: 'db.m7g.large' })).toEqual([
      'test › payments › databases[2].instanceClass = "db.m7g.large": is a general-purpose (db.m) class, which Aurora does not offer; Aurora runs db.r and db.t classes. Fix: choose the memory-optimized size, such as db.r7g.large',
    ]);
  });
});

describe('Aurora backups', () => {
  test('backtrack on PostgreSQL', () => {
    expect(problemsOf({ backtrackHours: 24 })).toEqual([
      'test › payments › databases[2].backtrackHours = 24: backtrack exists only for Aurora MySQL, not Aurora PostgreSQL. Fix: remove backtrackHours and rely on point-in-time recovery (backupRetentionDays)',
    ]);
  });

  test('backtrack over 72 hours on MySQL', () => {
    expect(problemsOf({ engine: 'aurora-mysql', version: '8.0.mysql_aurora.3.10.1', backtrackHours: 100 })).toEqual([
      'test › payments › databases[2].backtrackHours = 100: must be more than 0 and at most 72 hours. Fix: choose from 1 to 72',
    ]);
  });

  test('retention over 35 days', () => {
    expect(problemsOf({ backupRetentionDays: 40 })).toEqual([
      'test › payments › databases[2].backupRetentionDays = 40: must be from 1 to 35 days (Aurora limit). Fix: change databases[2].backupRetentionDays in config/test.ts',
    ]);
  });

  test('windows that overlap', () => {
    expect(problemsOf({ preferredBackupWindow: '04:30-05:30' })).toEqual([
      'test › payments › databases[2].preferredMaintenanceWindow = "sun:04:00-sun:05:00": overlaps the daily backup window 04:30-05:30; RDS needs them apart. Fix: move one of the two windows so they do not meet',
    ]);
  });

  test('point-in-time recovery off', () => {
    expect(problemsOf({ pointInTimeRecovery: false })).toEqual([
      'test › payments › databases[2].pointInTimeRecovery = false: cannot be turned off on Aurora (every cluster keeps at least 1 day of continuous backup). Fix: remove pointInTimeRecovery: false; lower backupRetentionDays to 1 for the shortest window',
    ]);
  });
});

describe('Aurora global databases', () => {
  test("a secondary in the primary's region", () => {
    expect(problemsOf({ secondaryRegions: ['eu-west-1'] })).toEqual([
      "test › payments › databases[2].secondaryRegions[0] = \"eu-west-1\": equals the primary's region; replicas of a aurora-cluster must be in other regions. Fix: remove 'eu-west-1' from secondaryRegions or move the primary",
    ]);
  });

  test('a secondary in a region without a key', () => {
    expect(problemsOf({ secondaryRegions: ['us-east-1'] })).toEqual([
      'test › payments › databases[2].secondaryRegions[0] = "us-east-1": the replica region is not one of aws.regions (eu-west-1, eu-central-1), so it would have no customer-managed key or alarm topic. Fix: add \'us-east-1\' to aws.regions or choose a declared region',
    ]);
  });

  test('a global database that scales to 0', () => {
    expect(problemsOf({ instanceClass: undefined, serverlessV2: { minCapacity: 0, maxCapacity: 4 }, secondaryRegions: ['eu-central-1'] })).toEqual([
      'test › payments › databases[2].serverlessV2.minCapacity = 0: a cluster in a global database cannot scale to 0 ACUs (auto-pause). Fix: set minCapacity to 0.5 or more, or remove secondaryRegions',
    ]);
  });

  test('an unsupported version', () => {
    expect(problemsOf({ version: '16' })).toEqual([
      'test › payments › databases[2].version = "16": is not a supported Aurora PostgreSQL version; supported full versions: 14.20, 15.15, 16.9, 16.11, 17.6, 17.7. Fix: pin one of the supported full versions (a bare major version is not accepted)',
    ]);
  });

  test('an unknown parameter and alarm id', () => {
    expect(problemsOf({ parameters: { shared_bufers: 1 }, alarmThresholds: { 'cpu-hot': 50 } })).toEqual([
      "test › payments › databases[2].parameters.shared_bufers = 1: 'shared_bufers' is not a parameter of the aurora-postgresql16 family. Fix: check the spelling against `aws rds describe-engine-default-cluster-parameters --db-parameter-group-family aurora-postgresql16`; if RDS has it, add it to constructs/aws/rds/tables/rds-parameter-names.ts",
      expect.stringContaining("databases[2].alarmThresholds.cpu-hot = 50: 'cpu-hot' is not an Aurora alarm; alarms: cpu-warning, cpu-critical"),
    ]);
  });
});
