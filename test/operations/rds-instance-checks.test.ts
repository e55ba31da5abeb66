import type { DBInstance } from '@aws-sdk/client-rds';
import { rdsInstanceChecks, RdsInstanceFacts } from '../../lib/operations/verify/rds-instance-checks';
import type { RdsInstanceLive } from '../../lib/operations/verify/rds-instance-live';
import { fixturePlan } from '../support/fixtures';

const envPlan = fixturePlan('production');
const plan = envPlan.databases['rds-instance'][0];
const network = envPlan.aws!.regions.find((r) => r.region === 'eu-west-1')!.network;
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const OTHER_KEY = 'arn:aws:kms:eu-west-1:123456789012:key/99999999-8888-7777-6666-555555555555';
const NOW = new Date('2026-03-14T12:00:00Z');
const DAY = 24 * 3600 * 1000;

function healthyInstance(): DBInstance {
  return {
    DBInstanceIdentifier: 'test-orders',
    DBInstanceArn: 'arn:aws:rds:eu-west-1:123456789012:db:test-orders',
    DBInstanceStatus: 'available',
    Engine: 'postgres',
    EngineVersion: '17.6',
    DBInstanceClass: 'db.r6g.large',
    StorageEncrypted: true,
    KmsKeyId: KEY,
    BackupRetentionPeriod: 35,
    LatestRestorableTime: new Date(NOW.getTime() - 2 * 60_000),
    InstanceCreateTime: new Date(NOW.getTime() - 100 * DAY),
    DeletionProtection: true,
    MultiAZ: true,
    DBSubnetGroup: {
      VpcId: 'vpc-0123456789abcdef0',
      Subnets: [{ SubnetIdentifier: 'subnet-0123456789abcdef0' }, { SubnetIdentifier: 'subnet-0123456789abcdef1' }],
    },
  };
}

type MutableLive = { -readonly [K in keyof RdsInstanceLive]: RdsInstanceLive[K] };

function facts(change: (live: MutableLive) => void = () => undefined, extra: Partial<RdsInstanceFacts> = {}): RdsInstanceFacts {
  const live: MutableLive = {
    instance: healthyInstance(),
    keyArn: KEY,
    automatedBackup: { Status: 'active', RestoreWindow: { EarliestTime: new Date(NOW.getTime() - 35 * DAY + 3600_000), LatestTime: NOW } },
  };
  change(live);
  return { plan, network, plannedKeyArn: KEY, live, now: NOW, ...extra };
}

const row = (f: RdsInstanceFacts, check: string) => {
  const found = rdsInstanceChecks(f).find((c) => c.check === check);
  if (!found) throw new Error(`no ${check} row`);
  return { status: found.status, planned: found.planned, live: found.live };
};
const failures = (f: RdsInstanceFacts) =>
  rdsInstanceChecks(f)
    .filter((c) => c.status !== 'pass')
    .map((c) => c.check);

describe('RDS instance checks', () => {
  test('GIVEN a live instance as planned THEN every row passes, in report order', () => {
    const checks = rdsInstanceChecks(facts());
    expect(checks.map((c) => [c.check, c.status])).toEqual([
      ['status', 'pass'],
      ['account', 'pass'],
      ['engine', 'pass'],
      ['engine version', 'pass'],
      ['instance class', 'pass'],
      ['encryption', 'pass'],
      ['backup retention', 'pass'],
      ['point-in-time recovery', 'pass'],
      ['restore window', 'pass'],
      ['deletion protection', 'pass'],
      ['multi-az', 'pass'],
      ['vpc', 'pass'],
      ['subnets', 'pass'],
    ]);
    expect(checks.every((c) => c.database === 'orders' && c.kind === 'rds-instance' && c.resource === 'test-orders')).toBe(true);
  });

  test('GIVEN no live instance THEN one failing exists row names the region', () => {
    expect(rdsInstanceChecks(facts(() => undefined, { live: undefined }))).toEqual([
      {
        database: 'orders',
        kind: 'rds-instance',
        resource: 'test-orders',
        check: 'exists',
        status: 'fail',
        planned: 'DB instance in eu-west-1',
        live: 'not found in eu-west-1',
      },
    ]);
  });

  test.each([
    ['available', 'pass'],
    ['backing-up', 'pass'],
    ['stopped', 'fail'],
    ['storage-full', 'fail'],
    ['modifying', 'fail'],
  ])('GIVEN status %s THEN the status row is %s', (status, result) => {
    expect(
      row(
        facts((l) => (l.instance.DBInstanceStatus = status)),
        'status',
      ),
    ).toEqual({ status: result, planned: 'available', live: status });
  });

  test('GIVEN an instance of another account THEN the account row fails', () => {
    const f = facts((l) => (l.instance.DBInstanceArn = 'arn:aws:rds:eu-west-1:999999999999:db:test-orders'));
    expect(row(f, 'account')).toEqual({ status: 'fail', planned: '123456789012', live: '999999999999' });
  });

  test('GIVEN an auto-upgraded minor version THEN the version row fails: the config must follow', () => {
    expect(
      row(
        facts((l) => (l.instance.EngineVersion = '17.7')),
        'engine version',
      ),
    ).toEqual({ status: 'fail', planned: '17.6', live: '17.7' });
  });

  describe('encryption', () => {
    test('GIVEN the planned key THEN it passes and shows the key behind the alias', () => {
      expect(row(facts(), 'encryption')).toEqual({
        status: 'pass',
        planned: 'alias/test-databases',
        live: 'key/11111111-2222-3333-4444-555555555555 (alias/test-databases)',
      });
    });
    test('GIVEN no encryption THEN it fails', () => {
      expect(
        row(
          facts((l) => ((l.instance.StorageEncrypted = false), (l.keyArn = undefined))),
          'encryption',
        ),
      ).toEqual({
        status: 'fail',
        planned: 'alias/test-databases (key/11111111-2222-3333-4444-555555555555)',
        live: 'not encrypted',
      });
    });
    test('GIVEN another key THEN it fails showing both keys', () => {
      expect(
        row(
          facts((l) => ((l.instance.KmsKeyId = OTHER_KEY), (l.keyArn = OTHER_KEY))),
          'encryption',
        ),
      ).toEqual({
        status: 'fail',
        planned: 'alias/test-databases (key/11111111-2222-3333-4444-555555555555)',
        live: 'key/99999999-8888-7777-6666-555555555555',
      });
    });
    test('GIVEN the planned alias does not exist in KMS THEN it fails and says so', () => {
      expect(
        row(
          facts(() => undefined, { plannedKeyArn: undefined }),
          'encryption',
        ),
      ).toEqual({
        status: 'fail',
        planned: 'alias/test-databases (alias not found in KMS)',
        live: 'key/11111111-2222-3333-4444-555555555555',
      });
    });
    test('GIVEN an encrypted instance whose key KMS cannot describe THEN it fails with the raw key id', () => {
      expect(
        row(
          facts((l) => (l.keyArn = undefined)),
          'encryption',
        ).status,
      ).toBe('fail');
    });
  });

  describe('point-in-time recovery', () => {
    const lagged = (ms: number) => facts((l) => (l.instance.LatestRestorableTime = new Date(NOW.getTime() - ms)));
    test('GIVEN a latest restorable time exactly at the RPO THEN it passes', () => {
      expect(row(lagged(5 * 60_000), 'point-in-time recovery')).toEqual({
        status: 'pass',
        planned: 'latest restorable time within 5 min',
        live: '5m00s ago (2026-03-14T11:55:00Z)',
      });
    });
    test('GIVEN a latest restorable time one second past the RPO THEN it fails', () => {
      expect(row(lagged(5 * 60_000 + 1000), 'point-in-time recovery').status).toBe('fail');
    });
    test('GIVEN a latest restorable time ahead of our clock (skew) THEN it passes as 0s', () => {
      expect(row(lagged(-30_000), 'point-in-time recovery')).toMatchObject({ status: 'pass', live: '0s ago (2026-03-14T12:00:30Z)' });
    });
    test('GIVEN no latest restorable time THEN it fails', () => {
      expect(
        row(
          facts((l) => (l.instance.LatestRestorableTime = undefined)),
          'point-in-time recovery',
        ),
      ).toMatchObject({
        status: 'fail',
        live: 'no latest restorable time',
      });
    });
    test('GIVEN a plan without backups THEN PITR is planned off and a live instance without backups passes', () => {
      const noBackups = {
        ...plan,
        recovery: { ...plan.recovery, backupRetentionDays: 0, pointInTimeRecovery: false, restorableWindowDays: 0, rpoMinutes: undefined },
      };
      const f = facts((l) => ((l.instance.BackupRetentionPeriod = 0), (l.automatedBackup = undefined)), { plan: noBackups });
      expect(row(f, 'point-in-time recovery')).toEqual({ status: 'pass', planned: 'off', live: 'off' });
      expect(row(f, 'restore window')).toEqual({ status: 'pass', planned: 'none', live: 'none' });
      expect(row(f, 'backup retention')).toEqual({ status: 'pass', planned: '0 days', live: '0 days' });
    });
  });

  describe('restore window', () => {
    test('GIVEN a window that reaches back the planned days THEN it passes', () => {
      expect(row(facts(), 'restore window')).toEqual({ status: 'pass', planned: '35 days', live: 'since 2026-02-07T13:00:00Z (35.0 days)' });
    });
    test('GIVEN a window two days shorter than planned on an old instance THEN it fails', () => {
      const f = facts((l) => (l.automatedBackup = { Status: 'active', RestoreWindow: { EarliestTime: new Date(NOW.getTime() - 33 * DAY) } }));
      expect(row(f, 'restore window')).toMatchObject({ status: 'fail', live: 'since 2026-02-09T12:00:00Z (33.0 days)' });
    });
    test('GIVEN an instance younger than the window THEN a window back to its creation passes', () => {
      const f = facts((l) => {
        l.instance.InstanceCreateTime = new Date(NOW.getTime() - 3 * DAY);
        l.automatedBackup = { Status: 'active', RestoreWindow: { EarliestTime: new Date(NOW.getTime() - 3 * DAY + 600_000) } };
      });
      expect(row(f, 'restore window').status).toBe('pass');
    });
    test('GIVEN no automated backups THEN it fails', () => {
      expect(
        row(
          facts((l) => (l.automatedBackup = undefined)),
          'restore window',
        ),
      ).toEqual({ status: 'fail', planned: '35 days', live: 'no automated backups' });
    });
    test('GIVEN automated backups without a reported window (moto) THEN it is skipped and says why', () => {
      expect(
        row(
          facts((l) => (l.automatedBackup = { Status: 'active' })),
          'restore window',
        ),
      ).toEqual({
        status: 'skip',
        planned: '35 days',
        live: 'not reported by the service',
      });
    });
  });

  describe('network', () => {
    test('GIVEN a subnet group in another VPC with one subnet swapped THEN both rows fail and name the subnets', () => {
      const f = facts((l) => {
        l.instance.DBSubnetGroup = {
          VpcId: 'vpc-0fffffffffffffff0',
          Subnets: [{ SubnetIdentifier: 'subnet-0123456789abcdef0' }, { SubnetIdentifier: 'subnet-0ffffffffffffff00' }],
        };
      });
      expect(row(f, 'vpc')).toEqual({ status: 'fail', planned: 'vpc-0123456789abcdef0', live: 'vpc-0fffffffffffffff0' });
      expect(row(f, 'subnets')).toEqual({
        status: 'fail',
        planned: '2 private subnets',
        live: 'unplanned subnet-0ffffffffffffff00, missing subnet-0123456789abcdef1',
      });
    });
    test('GIVEN an isolated network (VPC created by the foundation stack) THEN the ids are not in the plan: skipped', () => {
      const isolated = envPlan.aws!.regions.find((r) => r.region === 'eu-central-1')!.network;
      const f = facts(() => undefined, { network: isolated });
      expect(row(f, 'vpc')).toEqual({ status: 'skip', planned: 'isolated VPC of the foundation stack', live: 'vpc-0123456789abcdef0 (id not in the plan)' });
      expect(row(f, 'subnets')).toEqual({ status: 'skip', planned: 'isolated subnets of the foundation stack', live: '2 subnets (ids not in the plan)' });
    });
  });

  test('GIVEN deletion protection and Multi-AZ off THEN exactly those rows fail', () => {
    expect(failures(facts((l) => ((l.instance.DeletionProtection = false), (l.instance.MultiAZ = false))))).toEqual(['deletion protection', 'multi-az']);
  });
});
