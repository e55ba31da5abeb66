import type { Tier } from '../../config/schema';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { planBackupMembership, planBackupMembershipOf } from '../../lib/plan/backup-plan';
import { buildPlan } from '../../lib/plan/build-plan';
import { withChange } from '../support/fixtures';

/** GIVEN the fixture (RDS orders in eu-west-1, eu-central-1 declared) plus a DynamoDB table, WHEN planned as `prod`. */
function awsPlan(tier: Tier = 'production', change: (c: any) => void = () => undefined) {
  const config = withChange((c) => {
    c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' }, replicaRegions: ['eu-central-1'] });
    change(c);
  }, tier);
  return buildPlan(validateEnvironment('prod', config)).aws!;
}
const region = (plan: ReturnType<typeof awsPlan>, name: string) => plan.regions.find((r) => r.region === name)!;

describe('backup vaults', () => {
  test('one per region, named and addressed deterministically, locked in production', () => {
    expect(awsPlan().regions.map((r) => r.backupVault)).toEqual([
      {
        name: 'prod-databases',
        arn: 'arn:aws:backup:eu-west-1:123456789012:backup-vault:prod-databases',
        lock: { minRetentionDays: 35, maxRetentionDays: 365 },
        removalPolicy: 'retain',
      },
      {
        name: 'prod-databases',
        arn: 'arn:aws:backup:eu-central-1:123456789012:backup-vault:prod-databases',
        lock: { minRetentionDays: 35, maxRetentionDays: 365 },
        removalPolicy: 'retain',
      },
    ]);
  });

  test('no lock below production unless configured; a development vault may be destroyed', () => {
    expect(region(awsPlan('staging'), 'eu-west-1').backupVault.lock).toBeUndefined();
    expect(region(awsPlan('development'), 'eu-west-1').backupVault).toMatchObject({ lock: undefined, removalPolicy: 'destroy' });
    expect(
      region(
        awsPlan('staging', (c) => (c.aws.backup = { vaultLock: { minRetentionDays: 7 } })),
        'eu-west-1',
      ).backupVault.lock,
    ).toEqual({ minRetentionDays: 7 });
  });
});

describe('backup plans by tier', () => {
  test('development: none', () => {
    expect(awsPlan('development').regions.flatMap((r) => r.backupPlans)).toEqual([]);
  });

  test("staging: daily, the tier's 7 days, no copy", () => {
    expect(region(awsPlan('staging'), 'eu-west-1').backupPlans.map((p) => [p.name, p.rules])).toEqual([
      ['prod-databases-eu-west-1', [{ name: 'daily', scheduleExpression: 'cron(0 3 * * ? *)', retentionDays: 7, continuous: false, copyTo: undefined }]],
    ]);
  });

  test('production: daily 35 days and monthly 1 year, each copied to the DR region vault by ARN', () => {
    const copyTo = (retentionDays: number) => ({
      region: 'eu-central-1',
      vaultArn: 'arn:aws:backup:eu-central-1:123456789012:backup-vault:prod-databases',
      retentionDays,
    });
    expect(region(awsPlan(), 'eu-west-1').backupPlans[0].rules).toEqual([
      { name: 'daily', scheduleExpression: 'cron(0 3 * * ? *)', retentionDays: 35, continuous: false, copyTo: copyTo(35) },
      { name: 'monthly', scheduleExpression: 'cron(0 4 1 * ? *)', retentionDays: 365, continuous: false, copyTo: copyTo(365) },
    ]);
  });

  test('plans only where databases have their primary: the DR region holds copies, not a plan', () => {
    expect(region(awsPlan(), 'eu-central-1').backupPlans).toEqual([]);
  });

  test('the selection reaches RDS instances, Aurora clusters and DynamoDB tables carrying the region plan tag', () => {
    expect(region(awsPlan(), 'eu-west-1').backupPlans[0].selection).toEqual({
      resourceArnPatterns: [
        'arn:aws:rds:eu-west-1:123456789012:db:*',
        'arn:aws:rds:eu-west-1:123456789012:cluster:*',
        'arn:aws:dynamodb:eu-west-1:123456789012:table/*',
      ],
      tagKey: 'backup-plan',
      tagValue: 'prod-databases-eu-west-1',
    });
  });

  test('optional continuous backup for RDS: its own plan, RDS instances only, at most 35 days', () => {
    const plans = region(
      awsPlan('production', (c) => (c.aws.backup = { continuousBackupForRds: true })),
      'eu-west-1',
    ).backupPlans;
    expect(plans.map((p) => p.name)).toEqual(['prod-databases-eu-west-1', 'prod-rds-continuous-eu-west-1']);
    expect(plans[1]).toEqual({
      name: 'prod-rds-continuous-eu-west-1',
      rules: [{ name: 'continuous', scheduleExpression: 'cron(0 5 * * ? *)', retentionDays: 35, continuous: true }],
      selection: { resourceArnPatterns: ['arn:aws:rds:eu-west-1:123456789012:db:*'], tagKey: 'backup-plan', tagValue: 'prod-databases-eu-west-1' },
    });
  });
});

describe('membership', () => {
  test('every AWS database is in its region plan, tagged, with a summary for people', () => {
    expect(awsPlan().backupMembership).toEqual([
      {
        database: 'orders',
        kind: 'rds-instance',
        region: 'eu-west-1',
        plans: ['prod-databases-eu-west-1'],
        tag: { key: 'backup-plan', value: 'prod-databases-eu-west-1' },
        summary: 'daily 35 d, monthly 365 d; copies in eu-central-1',
      },
      {
        database: 'sessions',
        kind: 'dynamodb-table',
        region: 'eu-west-1',
        plans: ['prod-databases-eu-west-1'],
        tag: { key: 'backup-plan', value: 'prod-databases-eu-west-1' },
        summary: 'daily 35 d, monthly 365 d; copies in eu-central-1',
      },
    ]);
  });

  test('an opt-out keeps the database out, with its reason; Google Cloud databases are not AWS Backup members', () => {
    const plan = awsPlan('production', (c) => (c.aws.backup = { optOuts: [{ database: 'sessions', reason: 'sessions expire within a day' }] }));
    expect(plan.backupMembership.map((m) => [m.database, m.plans, m.tag, m.summary])).toEqual([
      ['orders', ['prod-databases-eu-west-1'], { key: 'backup-plan', value: 'prod-databases-eu-west-1' }, 'daily 35 d, monthly 365 d; copies in eu-central-1'],
      ['sessions', [], undefined, 'opted out: sessions expire within a day'],
    ]);
  });

  test('no plan in development', () => {
    expect(awsPlan('development').backupMembership.map((m) => [m.database, m.plans, m.summary])).toEqual([
      ['orders', [], 'none (the development tier has no AWS Backup plan)'],
      ['sessions', [], 'none (the development tier has no AWS Backup plan)'],
    ]);
  });

  test('continuous backup is listed for RDS instances only', () => {
    const plan = awsPlan('production', (c) => (c.aws.backup = { continuousBackupForRds: true }));
    expect(plan.backupMembership.map((m) => [m.database, m.plans])).toEqual([
      ['orders', ['prod-databases-eu-west-1', 'prod-rds-continuous-eu-west-1']],
      ['sessions', ['prod-databases-eu-west-1']],
    ]);
  });
});

describe('membership of one database', () => {
  test('planBackupMembershipOf gives what planBackupMembership gives for that database (opted out, in a plan, in none)', () => {
    for (const tier of ['development', 'production'] as const) {
      const config = withChange((c) => {
        c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' } });
        c.databases.push({ kind: 'dynamodb-table', name: 'scratch', partitionKey: { name: 'id', type: 'string' } });
        c.aws.backup = { optOuts: [{ database: 'scratch', reason: 'rebuilt from S3' }] };
      }, tier);
      const env = validateEnvironment('prod', config);
      const all = planBackupMembership(env);
      expect(all).toHaveLength(3);
      for (const member of all)
        expect(
          planBackupMembershipOf(
            env,
            env.databases.find((db) => db.name === member.database)!,
          ),
        ).toEqual(member);
    }
  });
});
