import type { ElasticacheClusterInput, Tier } from '../../config/schema';
import { formatProblem } from '../../lib/config/config-error';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { policyProblems } from '../../lib/policy/policy-problems';
import { environmentPostures } from '../../lib/policy/postures';
import { withChange } from '../support/fixtures';

const TODAY = '2026-11-21';
const NO_PITR = { rule: 'point-in-time-recovery', reason: 'ElastiCache has no point-in-time recovery; snapshots are the backup' };
const NO_DELETION_PROTECTION = { rule: 'deletion-protection', reason: 'ElastiCache has no deletion protection; removalPolicy keeps it' };

/** GIVEN the fixture plus an ElastiCache cluster at databases[2], WHEN the policy rules run as `prod`. */
function check(cache: Partial<ElasticacheClusterInput> = {}, tier: Tier = 'production') {
  const env = validateEnvironment(
    'prod',
    withChange((c) => c.databases.push({ kind: 'elasticache-cluster', name: 'cache', use: 'store', allowedCidrs: ['10.0.0.0/16'], ...cache }), tier),
  );
  const plan = buildPlan(env);
  return {
    plan,
    violations: policyProblems(env, plan, TODAY).map(formatProblem),
    posture: environmentPostures(
      plan,
      env.databases.map((db) => db.name),
    ).find((p) => p.kind === 'elasticache-cluster')!,
  };
}

describe('the ElastiCache posture: honest about what a cache lacks', () => {
  test('no point-in-time recovery and no deletion protection are reported as such; the rules say so until waived with a reason', () => {
    expect(check().violations).toEqual([
      "prod › cache › databases[2].deletionProtection = false: a staging or production database must have deletion protection (policy 'deletion-protection': Staging and production databases refuse deletion). Fix: set deletionProtection: true, or waive 'deletion-protection' for this database with a reason",
      "prod › cache › databases[2].pointInTimeRecovery = false: point-in-time recovery is off, so a restore loses everything since the last backup (policy 'point-in-time-recovery': Every database can be restored to a point in time). Fix: set pointInTimeRecovery: true, or waive 'point-in-time-recovery' for this database with a reason",
    ]);
    expect(check({ waivers: [NO_PITR, NO_DELETION_PROTECTION] }).violations).toEqual([]);
    expect(check({ waivers: [NO_PITR] }, 'development').violations).toEqual([]);
  });

  test('customer key, TLS, private networks, Multi-AZ, snapshots as retention, alarms to the topic; no AWS Backup membership', () => {
    const { posture } = check({ secondaryRegions: ['eu-central-1'], nodeType: 'cache.r7g.large' });
    expect(posture).toMatchObject({
      highAvailability: { value: true, path: ['databases', 2, 'highAvailability'] },
      backupRetentionDays: { value: 35, path: ['databases', 2, 'snapshotRetentionDays'] },
      customerManagedKey: { value: 'arn:aws:kms:eu-west-1:123456789012:alias/prod-databases' },
      tlsEnforced: { value: true },
      allowedNetworks: { value: ['10.0.0.0/16'] },
      copies: {
        value: [
          { name: 'prod-cache-002', region: 'eu-west-1', purpose: 'failover' },
          { name: 'prod-cache-dr1', region: 'eu-central-1', purpose: 'disaster-recovery' },
        ],
      },
    });
    expect(posture.awsBackup).toBeUndefined();
    expect(posture.alarmCount).toBeGreaterThan(0);
  });

  test('single-AZ in production breaks high-availability; fewer than 7 days of snapshots breaks backup-retention', () => {
    const violations = check({ highAvailability: false, snapshotRetentionDays: 6, waivers: [NO_PITR, NO_DELETION_PROTECTION] }).violations;
    expect(violations).toEqual([
      "prod › cache › databases[2].highAvailability = false: a production database must survive the loss of a zone (Multi-AZ / REGIONAL) (policy 'high-availability': Production databases run Multi-AZ (RDS) or REGIONAL (Cloud SQL)). Fix: set highAvailability: true, or waive 'high-availability' for this database with a reason",
      "prod › cache › databases[2].snapshotRetentionDays = 6: keeps less than the 7 days of backups staging and production need (policy 'backup-retention': Staging and production keep at least 7 days (or backups) of automated backups). Fix: keep at least 7 (production defaults to 35), or waive 'backup-retention' for this database with a reason",
    ]);
  });

  test('AWS Backup membership says why there is none; RPO is the snapshot interval', () => {
    const { plan } = check();
    expect(plan.aws!.backupMembership.find((m) => m.database === 'cache')).toMatchObject({
      plans: [],
      summary: 'none (AWS Backup does not cover this kind; its own snapshots are its backup)',
    });
    expect(plan.databases['elasticache-cluster'][0].recovery).toEqual({
      backupRetentionDays: 35,
      pointInTimeRecovery: false,
      restorableWindowDays: 0,
      rpoMinutes: 24 * 60,
    });
  });
});
