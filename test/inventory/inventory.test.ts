import * as fs from 'fs';
import * as path from 'path';
import { listEnvironments, loadEnvironments } from '../../lib/environments/load-environments';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { formatMinutes, inventoryEntries } from '../../lib/inventory/inventory-entries';
import { committedInventoryPages } from '../../lib/inventory/committed-inventory-pages';
import { INVENTORY_DIR, inventoryPages } from '../../lib/inventory/write-inventories';
import { withChange } from '../support/fixtures';
import { planEnvironments } from '../../lib/environments/plan-environments';

const pages = inventoryPages(planEnvironments(listEnvironments()));
const { committed, notCommitted, orphaned } = committedInventoryPages(pages, INVENTORY_DIR);

// Loops rather than test.each: a project may commit no page at all, and test.each rejects an empty table.
for (const file of committed) {
  test(`docs/inventory/${file} is up to date with the config (run \`npm run inventory\`)`, () => {
    expect(fs.readFileSync(path.join(INVENTORY_DIR, file), 'utf8')).toBe(pages.get(file));
  });
}

// A new environment passes with no other file touched; the summary counts it as a todo and says how to add its page.
for (const file of notCommitted) {
  test.todo(`docs/inventory/${file} is not committed (optional): \`npm run inventory\` writes it; once committed, it is kept current`);
}

test('every committed inventory page has its environment (delete the page of a removed environment)', () => {
  expect(orphaned.map((file) => `docs/inventory/${file}: no environment ${file.replace(/\.md$/, '')} in the config folder; delete the page`)).toEqual([]);
});

test('the prod inventory states RPO and RTO for every database and draws the topology', () => {
  const prod = loadEnvironments(['prod'])[0];
  const entries = inventoryEntries(prod, buildPlan(prod));
  expect(entries.map((e) => e.database)).toEqual(prod.databases.map((db) => db.name));
  for (const entry of entries) {
    expect(entry.rpo).toMatch(/^\d+ (min|h|d)$/);
    expect(entry.rto).toBe('1 h');
  }
  const page = pages.get('prod.md')!;
  expect(page).toContain('```mermaid\nflowchart LR');
  expect(page).toContain('subgraph AWS_eu_west_1["AWS eu-west-1"]');
  expect(page).toContain('subgraph Google_Cloud_europe_west1["Google Cloud europe-west1"]');
  // The cross-region Cloud SQL replica is drawn in its own region, with an edge from its primary.
  expect(page).toContain('subgraph Google_Cloud_europe_west4["Google Cloud europe-west4"]');
  expect(page).toMatch(/ledger -->\|replicates to\| ledger_prod_ledger_replica_europe_west4/);
});

test('waivers are listed with their reasons', () => {
  const env = validateEnvironment(
    'test',
    withChange((c) => {
      c.databases[0].highAvailability = false;
      c.databases[0].waivers = [{ rule: 'high-availability', reason: 'read-only archive', expires: '2027-03-31' }];
    }),
  );
  expect(inventoryEntries(env, buildPlan(env))[0].waivers).toEqual(['high-availability: read-only archive (until 2027-03-31)']);
});

test.each([
  [5, '5 min'],
  [60, '1 h'],
  [240, '4 h'],
  [1440, '1 d'],
  [90, '90 min'],
])('formatMinutes(%d) = %s', (minutes, text) => {
  expect(formatMinutes(minutes)).toBe(text);
});

test('each relational database lists its roles (name, access, auth); kinds without roles show a dash', () => {
  const env = validateEnvironment(
    'test',
    withChange((c) => {
      c.databases[0].roles.push({ name: 'orders_reporting', access: 'read-only', auth: 'iam' });
      c.databases[1].roles = [];
      c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' } });
    }),
  );
  expect(inventoryEntries(env, buildPlan(env)).map((e) => [e.database, e.roles])).toEqual([
    ['orders', ['orders_app (read-write, password)', 'orders_reporting (read-only, iam)']],
    ['ledger', []],
    ['sessions', undefined],
  ]);
  const prod = inventoryPages(planEnvironments(['prod'])).get('prod.md')!;
  expect(prod).toContain('| Roles | Users / connection contract | Waivers |');
  expect(prod).toContain('| orders_migrator (owner, iam)<br>orders_app (read-write, iam)<br>orders_reporting (read-only, password) |');
});
