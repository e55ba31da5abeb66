/** The backup selection row: the live tag a database's AWS Backup selection matches (lib/plan/backup-plan.ts). */
import { backupSelectionChecks } from '../../lib/operations/verify/backup-selection-checks';
import type { BackupMembershipPlan } from '../../lib/plan/plan-types';

const member: BackupMembershipPlan = {
  database: 'orders',
  kind: 'rds-instance',
  region: 'eu-west-1',
  plans: ['prod-databases-eu-west-1', 'prod-rds-continuous-eu-west-1'],
  tag: { key: 'backup-plan', value: 'prod-databases-eu-west-1' },
  summary: 'daily 35 d',
};
const PLANNED = 'backup-plan=prod-databases-eu-west-1 (selected into prod-databases-eu-west-1, prod-rds-continuous-eu-west-1)';
const row = (membership: BackupMembershipPlan | undefined, tags?: { Key?: string; Value?: string }[]) =>
  backupSelectionChecks({ database: 'orders', kind: 'rds-instance', resource: 'prod-orders', membership, tags }).map(({ status, planned, live }) => ({
    status,
    planned,
    live,
  }));

test('GIVEN the planned tag on the live resource THEN the row passes', () => {
  expect(
    row(member, [
      { Key: 'env', Value: 'prod' },
      { Key: 'backup-plan', Value: 'prod-databases-eu-west-1' },
    ]),
  ).toEqual([{ status: 'pass', planned: PLANNED, live: 'backup-plan=prod-databases-eu-west-1' }]);
});

test('GIVEN no tag THEN it fails and says no plan selects the database', () => {
  expect(row(member, [{ Key: 'env', Value: 'prod' }])).toEqual([{ status: 'fail', planned: PLANNED, live: 'no backup-plan tag: no backup plan selects it' }]);
});

test("GIVEN another plan's value THEN it fails and names the value", () => {
  expect(row(member, [{ Key: 'backup-plan', Value: 'staging-databases-eu-west-1' }])).toEqual([
    { status: 'fail', planned: PLANNED, live: "backup-plan=staging-databases-eu-west-1: prod-databases-eu-west-1's selection does not pick it" },
  ]);
});

test('GIVEN a service that did not report tags THEN the row is skipped, with the reason', () => {
  expect(row(member, undefined)).toEqual([{ status: 'skip', planned: PLANNED, live: 'tags not reported by the service' }]);
});

test('GIVEN a database that opted out, or a tier without plans THEN there is no row', () => {
  expect(row({ ...member, plans: [], tag: undefined, optOutReason: 'scratch data', summary: 'opted out: scratch data' }, [])).toEqual([]);
  expect(row(undefined, [])).toEqual([]);
});
