import type { Tier } from '../../config/schema';
import { formatProblem } from '../../lib/config/config-error';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { assertPolicies } from '../../lib/policy/assert-policies';
import { policyProblems } from '../../lib/policy/policy-problems';
import { environmentPostures } from '../../lib/policy/postures';
import { POLICY_RULES } from '../../lib/policy/rules';
import { loadEnvironments } from '../../lib/environments/load-environments';
import { fixtureConfig, withChange } from '../support/fixtures';

const TODAY = '2026-11-21';

/** GIVEN a config (fixture + change), WHEN the policy rules run, THEN these exact messages come back. */
function violations(change: (c: any) => void = () => undefined, tier: Tier = 'production'): string[] {
  const env = validateEnvironment('prod', withChange(change, tier));
  return policyProblems(env, buildPlan(env), TODAY).map(formatProblem);
}

test('the compliant fixture passes every rule in every tier', () => {
  for (const tier of ['development', 'staging', 'production'] as const) expect(violations(() => undefined, tier)).toEqual([]);
});

test('rule ids are unique and stable', () => {
  expect(POLICY_RULES.map((rule) => rule.id)).toEqual([
    'high-availability',
    'deletion-protection',
    'retained-on-removal',
    'backup-retention',
    'point-in-time-recovery',
    'customer-managed-key',
    'tls-enforced',
    'private-network',
    'alarms-notify',
    'replica-placement',
    'backup-plan-membership',
    'least-privilege',
  ]);
});

describe('each rule: a non-compliant case with its exact message', () => {
  test('high-availability (RDS and Cloud SQL)', () => {
    expect(violations((c) => c.databases.forEach((db: any) => (db.highAvailability = false)))).toEqual([
      "prod › orders › databases[0].highAvailability = false: a production database must survive the loss of a zone (Multi-AZ / REGIONAL) (policy 'high-availability': Production databases run Multi-AZ (RDS) or REGIONAL (Cloud SQL)). Fix: set highAvailability: true, or waive 'high-availability' for this database with a reason",
      "prod › ledger › databases[1].highAvailability = false: a production database must survive the loss of a zone (Multi-AZ / REGIONAL) (policy 'high-availability': Production databases run Multi-AZ (RDS) or REGIONAL (Cloud SQL)). Fix: set highAvailability: true, or waive 'high-availability' for this database with a reason",
    ]);
  });

  test('deletion-protection', () => {
    expect(violations((c) => (c.databases[0].deletionProtection = false), 'staging')).toEqual([
      "prod › orders › databases[0].deletionProtection = false: a staging or production database must have deletion protection (policy 'deletion-protection': Staging and production databases refuse deletion). Fix: set deletionProtection: true, or waive 'deletion-protection' for this database with a reason",
    ]);
  });

  test('retained-on-removal', () => {
    expect(violations((c) => (c.databases[1].removalPolicy = 'snapshot'))).toEqual([
      "prod › ledger › databases[1].removalPolicy = \"snapshot\": a production database must be retained when it leaves the template (removalPolicy 'retain') (policy 'retained-on-removal': Production databases are retained when removed from the template). Fix: set removalPolicy: 'retain', or waive 'retained-on-removal' for this database with a reason",
    ]);
  });

  test('backup-retention', () => {
    expect(violations((c) => (c.databases[0].backupRetentionDays = 3))).toEqual([
      "prod › orders › databases[0].backupRetentionDays = 3: keeps less than the 7 days of backups staging and production need (policy 'backup-retention': Staging and production keep at least 7 days (or backups) of automated backups). Fix: keep at least 7 (production defaults to 35), or waive 'backup-retention' for this database with a reason",
    ]);
  });

  test('point-in-time-recovery (all tiers)', () => {
    expect(violations((c) => (c.databases[1].pointInTimeRecovery = false), 'development')).toEqual([
      "prod › ledger › databases[1].pointInTimeRecovery = false: point-in-time recovery is off, so a restore loses everything since the last backup (policy 'point-in-time-recovery': Every database can be restored to a point in time). Fix: set pointInTimeRecovery: true, or waive 'point-in-time-recovery' for this database with a reason",
    ]);
  });

  test('tls-enforced', () => {
    expect(violations((c) => (c.databases[0].parameters = { 'rds.force_ssl': '0' }))).toEqual([
      "prod › orders › databases[0].parameters = false: accepts unencrypted connections (policy 'tls-enforced': Every database refuses unencrypted connections). Fix: remove the override that turns TLS enforcement off, or waive 'tls-enforced' for this database with a reason",
    ]);
  });

  test('alarms-notify', () => {
    expect(violations((c) => (c.gcp.notifications.emails = []))).toEqual([
      "prod › ledger › gcp.notifications.emails = []: alarms fire but notify nobody (policy 'alarms-notify': Staging and production alarms reach someone). Fix: list at least one notification email for the environment, or waive 'alarms-notify' for this database with a reason",
    ]);
    expect(violations((c) => (c.gcp.notifications.emails = []), 'development')).toEqual([]);
  });

  // private-network and customer-managed-key cannot be violated through config today (the loader already refuses
  // 0.0.0.0/0, and every declared region has a key); their checks are exercised on postures directly.
  test('private-network and customer-managed-key on a posture', () => {
    const env = validateEnvironment('prod', fixtureConfig());
    const rule = (id: string) => POLICY_RULES.find((r) => r.id === id)!;
    const posture = environmentPostures(buildPlan(env), ['orders', 'ledger'])[0];
    expect(rule('private-network').check({ ...posture, allowedNetworks: { value: ['0.0.0.0/0'], path: ['databases', 0, 'allowedCidrs'] } })?.message).toBe(
      'opens the database to every address',
    );
    expect(rule('customer-managed-key').check({ ...posture, customerManagedKey: { value: undefined, path: ['databases', 0, 'region'] } })?.message).toBe(
      'is not encrypted with a customer-managed key',
    );
    expect(rule('private-network').check(posture)).toBeUndefined();
    expect(rule('customer-managed-key').check(posture)).toBeUndefined();
  });
});

describe('waivers', () => {
  const waive = (waiver: object) => (c: any) => {
    c.databases[0].highAvailability = false;
    c.databases[0].waivers = [waiver];
  };

  test('a waiver with a reason exempts the database from the rule', () => {
    expect(violations(waive({ rule: 'high-availability', reason: 'read-only archive, rebuilt from S3 in an hour' }))).toEqual([]);
    expect(violations(waive({ rule: 'high-availability', reason: 'single-AZ until the migration ends', expires: '2026-12-31' }))).toEqual([]);
  });

  test('an expired waiver is an error, and the rule applies again', () => {
    expect(violations(waive({ rule: 'high-availability', reason: 'single-AZ until the migration ends', expires: '2026-11-20' }))).toEqual([
      'prod › orders › databases[0].waivers[0].expires = "2026-11-20": the waiver of \'high-availability\' expired, so the rule applies again. Fix: fix the setting the rule asks for, or renew the waiver with a new date and reason',
      "prod › orders › databases[0].highAvailability = false: a production database must survive the loss of a zone (Multi-AZ / REGIONAL) (policy 'high-availability': Production databases run Multi-AZ (RDS) or REGIONAL (Cloud SQL)). Fix: set highAvailability: true, or waive 'high-availability' for this database with a reason",
    ]);
  });

  test('a waiver of an unknown rule is an error', () => {
    expect(violations(waive({ rule: 'multi-az', reason: 'a rule name that does not exist' }))[0]).toBe(
      'prod › orders › databases[0].waivers[0].rule = "multi-az": is not a policy rule; rules: high-availability, deletion-protection, retained-on-removal, backup-retention, point-in-time-recovery, customer-managed-key, tls-enforced, private-network, alarms-notify, replica-placement, backup-plan-membership, least-privilege. Fix: name one of the rules, or remove the waiver',
    );
  });

  test('a waiver needs a reason and a real date', () => {
    const config = withChange(waive({ rule: 'high-availability', reason: 'no', expires: 'next year' }));
    expect(() => validateEnvironment('prod', config)).toThrow(
      'Invalid database configuration (2 problems):\n' +
        '  - prod › orders › databases[0].waivers[0].reason = "no": must say why the waiver is acceptable (at least 10 characters). Fix: change databases[0].waivers[0].reason in config/prod.ts\n' +
        '  - prod › orders › databases[0].waivers[0].expires = "next year": must be a date as YYYY-MM-DD. Fix: change databases[0].waivers[0].expires in config/prod.ts',
    );
  });
});

test('assertPolicies throws one ConfigError for every environment', () => {
  const env = validateEnvironment(
    'prod',
    withChange((c) => (c.databases[0].deletionProtection = false)),
  );
  expect(() => assertPolicies([env], TODAY)).toThrow(
    'Invalid database configuration (1 problem):\n  - prod › orders › databases[0].deletionProtection = false',
  );
});

describe('replica-placement', () => {
  const rule = POLICY_RULES.find((r) => r.id === 'replica-placement')!;
  const posture = () => environmentPostures(buildPlan(validateEnvironment('prod', fixtureConfig())), ['orders', 'ledger'])[0];

  test('the sample production environment places every replica where it serves its purpose', () => {
    const env = loadEnvironments(['prod'])[0];
    const plan = buildPlan(env);
    const postures = environmentPostures(
      plan,
      env.databases.map((db) => db.name),
    );
    expect(postures.filter((p) => p.copies.value.length > 0).map((p) => [p.database, rule.check(p)])).toEqual(
      postures.filter((p) => p.copies.value.length > 0).map((p) => [p.database, undefined]),
    );
    expect(postures.flatMap((p) => p.copies.value.map((c) => c.purpose))).toEqual(expect.arrayContaining(['disaster-recovery', 'failover', 'read-scaling']));
  });

  test('a disaster-recovery copy in the primary region, and a failover reader in the primary zone, are findings', () => {
    const base = posture();
    const finding = rule.check({
      ...base,
      placement: { region: 'eu-west-1', zone: 'eu-west-1a' },
      copies: {
        path: ['databases', 0, 'replicas'],
        value: [
          { name: 'orders-dr', region: 'eu-west-1', purpose: 'disaster-recovery' },
          { name: 'orders-reader', region: 'eu-west-1', zone: 'eu-west-1a', purpose: 'failover' },
          { name: 'orders-reporting', region: 'eu-west-1', zone: 'eu-west-1a', purpose: 'read-scaling' },
        ],
      },
    });
    expect(finding?.message).toBe(
      "orders-dr is meant for disaster recovery but sits in the primary's region eu-west-1; orders-reader is meant for failover but sits in the primary's zone eu-west-1a",
    );
  });
});
