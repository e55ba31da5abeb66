/**
 * From config to SQL: every relational database of the fixture environment (RDS PostgreSQL, Cloud SQL PostgreSQL,
 * each with an application role) carries a DeclaredAccess in its plan, and the engine plans it from nothing without
 * error, with a why for each statement and nothing that drops data.
 */
import type { DeclaredAccess } from '../../lib/provisioning/declared-access';
import { planFromNothing } from '../../lib/provisioning/plan-from-nothing';
import { fixturePlan } from '../support/fixtures';
import { DATA_DROPPING } from './support/declared';

const accesses = (): DeclaredAccess[] =>
  Object.values(fixturePlan().databases)
    .flat()
    // RDS, Aurora and Cloud SQL plans hold it as `accessPlan.declared` (beside the consumers and the contract).
    .map((db) => db as { accessPlan?: { declared?: DeclaredAccess } })
    .map((db) => db.accessPlan?.declared)
    .filter((access): access is DeclaredAccess => access !== undefined);

test('GIVEN the fixture environment WHEN each relational database is planned from nothing THEN every role gets its grants and nothing drops data', () => {
  const all = accesses();
  expect(all.map((a) => `${a.dialect} on ${a.platform}`).sort()).toEqual(['postgresql on cloud-sql', 'postgresql on rds']);
  for (const access of all) {
    const statements = planFromNothing(access);
    expect(statements.filter((s) => s.why === '')).toEqual([]);
    expect(statements.filter((s) => DATA_DROPPING.test(s.sql))).toEqual([]);
    for (const role of access.roles.filter((r) => r.createdBy === 'engine')) {
      expect(statements.map((s) => s.sql)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^CREATE ROLE "${role.name}"`))]));
    }
    for (const database of access.databases) {
      expect(statements.filter((s) => s.database === database && s.sql.startsWith('GRANT USAGE')).length).toBeGreaterThan(0);
    }
  }
});
