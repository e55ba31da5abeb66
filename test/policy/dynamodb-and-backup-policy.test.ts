import type { DynamodbTableInput, Tier } from '../../config/schema';
import { formatProblem } from '../../lib/config/config-error';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { policyProblems } from '../../lib/policy/policy-problems';
import { environmentPostures } from '../../lib/policy/postures';
import { backupPlanMembership } from '../../lib/policy/rules/backup-plan-membership';
import { withChange } from '../support/fixtures';

const TODAY = '2026-11-21';

/** GIVEN the fixture plus a DynamoDB table at databases[2] (and a change), WHEN the policy rules run as `prod`. */
function check(table: Partial<DynamodbTableInput> = {}, tier: Tier = 'production', change: (c: any) => void = () => undefined) {
  const env = validateEnvironment(
    'prod',
    withChange((c) => {
      c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' }, ...table });
      change(c);
    }, tier),
  );
  const plan = buildPlan(env);
  return {
    violations: policyProblems(env, plan, TODAY).map(formatProblem),
    postures: environmentPostures(
      plan,
      env.databases.map((db) => db.name),
    ),
  };
}

describe('the DynamoDB posture', () => {
  test('a single-region table passes every rule in every tier', () => {
    for (const tier of ['development', 'staging', 'production'] as const) expect(check({}, tier).violations).toEqual([]);
  });

  test('settings in cloud-neutral terms, each with its config field', () => {
    const posture = check({ replicaRegions: ['eu-central-1'], tlsOnlyReplicas: true }).postures.find((p) => p.kind === 'dynamodb-table')!;
    expect(posture).toMatchObject({
      database: 'sessions',
      index: 2,
      highAvailability: { value: true },
      deletionProtection: { value: true, path: ['databases', 2, 'deletionProtection'] },
      removalPolicy: { value: 'retain' },
      backupRetentionDays: { value: 35, path: ['databases', 2, 'pointInTimeRecoveryDays'] },
      pointInTimeRecovery: { value: true },
      customerManagedKey: { value: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases' },
      tlsEnforced: { value: true, path: ['databases', 2, 'tlsOnlyReplicas'] },
      allowedNetworks: { value: [] },
      alarmCount: 5,
      awsBackup: { plans: { value: ['prod-databases-eu-west-1'], path: ['aws', 'backup'] } },
    });
  });

  test('replicas accept plain HTTP until tlsOnlyReplicas is set', () => {
    expect(check({ replicaRegions: ['eu-central-1'] }).violations).toEqual([
      "prod › sessions › databases[2].tlsOnlyReplicas = false: accepts unencrypted connections (policy 'tls-enforced': Every database refuses unencrypted connections). Fix: remove the override that turns TLS enforcement off, or waive 'tls-enforced' for this database with a reason",
    ]);
  });

  test('point-in-time recovery off breaks the PITR and retention rules', () => {
    expect(check({ pointInTimeRecovery: false }).violations).toEqual([
      "prod › sessions › databases[2].pointInTimeRecoveryDays = 0: keeps less than the 7 days of backups staging and production need (policy 'backup-retention': Staging and production keep at least 7 days (or backups) of automated backups). Fix: keep at least 7 (production defaults to 35), or waive 'backup-retention' for this database with a reason",
      "prod › sessions › databases[2].pointInTimeRecovery = false: point-in-time recovery is off, so a restore loses everything since the last backup (policy 'point-in-time-recovery': Every database can be restored to a point in time). Fix: set pointInTimeRecovery: true, or waive 'point-in-time-recovery' for this database with a reason",
    ]);
  });

  test('a production table without deletion protection or not retained', () => {
    expect(check({ deletionProtection: false, removalPolicy: 'destroy' }).violations).toEqual([
      "prod › sessions › databases[2].deletionProtection = false: a staging or production database must have deletion protection (policy 'deletion-protection': Staging and production databases refuse deletion). Fix: set deletionProtection: true, or waive 'deletion-protection' for this database with a reason",
      "prod › sessions › databases[2].removalPolicy = \"destroy\": a production database must be retained when it leaves the template (removalPolicy 'retain') (policy 'retained-on-removal': Production databases are retained when removed from the template). Fix: set removalPolicy: 'retain', or waive 'retained-on-removal' for this database with a reason",
    ]);
  });
});

describe("policy 'backup-plan-membership'", () => {
  test('compliant: every production AWS database is in its region plan; an opt-out with a reason is accepted', () => {
    const { violations, postures } = check();
    expect(violations).toEqual([]);
    expect(postures.filter((p) => p.awsBackup).map((p) => [p.database, p.awsBackup!.plans.value])).toEqual([
      ['orders', ['prod-databases-eu-west-1']],
      ['sessions', ['prod-databases-eu-west-1']],
    ]);
    expect(check({}, 'production', (c) => (c.aws.backup = { optOuts: [{ database: 'sessions', reason: 'sessions expire within a day' }] })).violations).toEqual(
      [],
    );
  });

  test('non-compliant: a production AWS database in no plan and not opted out (exact message)', () => {
    const env = validateEnvironment(
      'prod',
      withChange(() => undefined),
    );
    const plan = buildPlan(env);
    const orphan = { ...plan, aws: { ...plan.aws!, backupMembership: plan.aws!.backupMembership.map((m) => ({ ...m, plans: [], tag: undefined })) } };
    expect(policyProblems(env, orphan, TODAY).map(formatProblem)).toEqual([
      "prod › orders › aws.backup = []: the database is in no AWS Backup plan, so no backup of it leaves its own service or region (policy 'backup-plan-membership': Production AWS databases are in an AWS Backup plan (copied to another region), unless opted out with a reason). Fix: give its kind a backup selection in its region plan (lib/plan/backup-plan.ts), or opt it out in aws.backup.optOuts with a reason, or waive 'backup-plan-membership' for this database with a reason",
    ]);
  });

  test('only production, and only AWS databases (Cloud SQL keeps its own backups)', () => {
    expect(backupPlanMembership.tiers).toEqual(['production']);
    const cloudSql = check().postures.find((p) => p.kind === 'cloudsql-instance')!;
    expect(cloudSql.awsBackup).toBeUndefined();
    expect(backupPlanMembership.check(cloudSql)).toBeUndefined();
  });
});
