/**
 * A Memorystore cache's posture is honest: no point-in-time recovery and no backup history, so those rules fail
 * without a waiver; the rest (key, TLS, private network, HA by tier, alerts, retention on removal) pass.
 */
import { formatProblem } from '../../lib/config/config-error';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { policyProblems } from '../../lib/policy/policy-problems';
import type { Tier } from '../../config/schema';
import { withChange } from '../support/fixtures';

const TODAY = '2026-01-01';
function violations(tier: Tier, cache: Record<string, unknown>): string[] {
  const env = validateEnvironment(
    'test',
    withChange((c) => (c.databases = [{ kind: 'memorystore-instance', name: 'cache', memorySizeGb: 5, ...cache }]), tier),
  );
  return policyProblems(env, buildPlan(env), TODAY).map(formatProblem);
}

test('production without waivers: point-in-time recovery and backup retention fail, nothing else', () => {
  expect(violations('production', {})).toEqual([
    "test › cache › databases[0].snapshotPeriod = 0: keeps less than the 7 days of backups staging and production need (policy 'backup-retention': Staging and production keep at least 7 days (or backups) of automated backups). Fix: keep at least 7 (production defaults to 35), or waive 'backup-retention' for this database with a reason",
    "test › cache › databases[0].snapshotPeriod = false: point-in-time recovery is off, so a restore loses everything since the last backup (policy 'point-in-time-recovery': Every database can be restored to a point in time). Fix: set pointInTimeRecovery: true, or waive 'point-in-time-recovery' for this database with a reason",
  ]);
});

test('development: only point-in-time recovery (backup retention is a staging and production rule)', () => {
  expect(violations('development', {})).toEqual([
    "test › cache › databases[0].snapshotPeriod = false: point-in-time recovery is off, so a restore loses everything since the last backup (policy 'point-in-time-recovery': Every database can be restored to a point in time). Fix: set pointInTimeRecovery: true, or waive 'point-in-time-recovery' for this database with a reason",
  ]);
});

test('production with both waived, as config/prod.ts does: clean; without the Standard Tier, high availability fails', () => {
  const waivers = [
    { rule: 'point-in-time-recovery', reason: 'a cache has no point-in-time recovery' },
    { rule: 'backup-retention', reason: 'Memorystore keeps only its newest snapshot' },
  ];
  expect(violations('production', { waivers })).toEqual([]);
  expect(violations('production', { waivers, highAvailability: false })).toEqual([
    "test › cache › databases[0].highAvailability = false: a production database must survive the loss of a zone (Multi-AZ / REGIONAL) (policy 'high-availability': Production databases run Multi-AZ (RDS) or REGIONAL (Cloud SQL)). Fix: set highAvailability: true, or waive 'high-availability' for this database with a reason",
  ]);
});
