/**
 * Policy 'least-privilege': a production relational database declares a role applications can use that cannot alter
 * the schema. GIVEN the fixture (each database with a read-write role) with a change, WHEN the policy rules run,
 * THEN exactly these findings come back.
 */
import type { Tier } from '../../config/schema';
import { formatProblem } from '../../lib/config/config-error';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { policyProblems } from '../../lib/policy/policy-problems';
import { withChange } from '../support/fixtures';

const TODAY = '2026-11-21';

function violations(change: (c: any) => void, tier: Tier = 'production'): string[] {
  const env = validateEnvironment('prod', withChange(change, tier));
  return policyProblems(env, buildPlan(env), TODAY).map(formatProblem);
}
const noRoles = (c: any) => c.databases.forEach((db: any) => (db.roles = []));

test('databases without roles in production: each is a finding', () => {
  expect(violations(noRoles)).toEqual([
    "prod › orders › databases[0].roles = []: declares no roles, so applications would connect as the master user (policy 'least-privilege': Production applications connect as declared roles, not the master user). Fix: declare a role for each application in roles, such as { name: 'orders_app', access: 'read-write', consumers: [<its IAM role or service account>] }, or waive 'least-privilege' for this database with a reason",
    "prod › ledger › databases[1].roles = []: declares no roles, so applications would connect as the master user (policy 'least-privilege': Production applications connect as declared roles, not the master user). Fix: declare a role for each application in roles, such as { name: 'orders_app', access: 'read-write', consumers: [<its IAM role or service account>] }, or waive 'least-privilege' for this database with a reason",
  ]);
});

test('only owner roles is a finding; one read-only role next to the owner passes', () => {
  const owners = (c: any) => (c.databases[0].roles = [{ name: 'orders_migrator', access: 'owner' }]);
  expect(violations(owners)).toEqual([
    "prod › orders › databases[0].roles = [\"orders_migrator\"]: declares only owner roles, which can alter and drop every object; applications need a read-write or read-only role (policy 'least-privilege': Production applications connect as declared roles, not the master user). Fix: add a 'read-write' or 'read-only' role for the applications and keep the owner for migrations, or waive 'least-privilege' for this database with a reason",
  ]);
  expect(
    violations((c) => {
      owners(c);
      c.databases[0].roles.push({ name: 'orders_reporting', access: 'read-only' });
    }),
  ).toEqual([]);
});

test('staging and development are not checked', () => {
  expect(violations(noRoles, 'staging')).toEqual([]);
  expect(violations(noRoles, 'development')).toEqual([]);
});

test('a waiver with a reason exempts the database', () => {
  expect(
    violations((c) => {
      noRoles(c);
      c.databases[0].waivers = [{ rule: 'least-privilege', reason: 'a vendor application that only supports one login' }];
      c.databases[1].roles = [{ name: 'ledger_app', access: 'read-write' }];
    }),
  ).toEqual([]);
});

test('kinds without roles (DynamoDB) and engines where roles cannot be declared yet (SQL Server) are not checked', () => {
  expect(
    violations((c) => {
      c.databases = [
        {
          kind: 'rds-instance',
          name: 'legacy',
          engine: 'sqlserver-se',
          version: '16.00.4215.2.v1',
          instanceClass: 'db.m6i.large',
          licenseModel: 'license-included',
          allocatedStorageGiB: 100,
          allowedCidrs: ['10.0.0.0/16'],
        },
        { kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' } },
      ];
    }),
  ).toEqual([]);
});
