/**
 * The guard on a database role's secret, as a user runs it: the real CDK CLI synthesizes an environment of a copied
 * config folder (dev's file as `qa`, its RDS PostgreSQL `orders` given a password role), `npm run guard -- --approve`
 * records the baseline, then crafted config changes are synthesized and checked. Renaming the role deletes its secret
 * (applications hold it): blocked. Changing the role's access level only changes the custom resource's properties
 * (an Update inside the database): passes.
 */
import { qaGuardWorkspace } from './support/qa-guard-workspace';

const workspace = qaGuardWorkspace('guard-access-');
const { synth, guard } = workspace;

/** dev's `orders` (the first `name: 'orders',`), given one password role. */
const ORDERS = "name: 'orders',";
const withRole = (role: string) => workspace.writeQa(ORDERS, `roles: [${role}],`);

beforeAll(() => workspace.approveBaseline(ORDERS, "roles: [{ name: 'orders_app', access: 'read-write' }],"), 240_000);

afterAll(() => workspace.remove());

test('renaming a password role deletes its secret, which applications hold: blocked, with the resource and the fix', () => {
  withRole("{ name: 'orders_service', access: 'read-write' }");
  synth();
  const result = guard();
  expect(result.status).toBe(1);
  const line = result.stdout.find((l) => l.includes('AWS::SecretsManager::Secret'));
  expect(line).toMatch(/^qa › qa-rds-orders › AccessRoleordersappSecret[0-9A-F]{8} \(AWS::SecretsManager::Secret\) would be destroyed/);
  expect(line).toContain(
    "Fix: revert the change, or if it is intended add to config/qa.ts approvedReplacements: [{ resource: 'qa-rds-orders/AccessRoleordersappSecret",
  );
}, 240_000);

test('a new access level updates the custom resource in place and keeps the secret: passes', () => {
  withRole("{ name: 'orders_app', access: 'read-only' }");
  synth();
  const result = guard();
  expect(result.stdout.filter((l) => l.includes('SecretsManager') || l.includes('DatabaseAccess'))).toEqual([]);
  expect(result.status).toBe(0);
}, 240_000);
