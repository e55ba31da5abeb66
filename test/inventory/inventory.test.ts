import * as fs from 'fs';
import * as path from 'path';
import { listEnvironments, loadEnvironments } from '../../lib/config/load-environments';
import { validateEnvironment } from '../../lib/config/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { formatMinutes, inventoryEntries } from '../../lib/inventory/inventory-entries';
import { INVENTORY_DIR, inventoryPages } from '../../lib/inventory/write-inventories';
import { withChange } from '../support/fixtures';

const pages = inventoryPages(loadEnvironments(listEnvironments()));

test.each([...pages.keys()])('docs/inventory/%s is up to date with the config (run `npm run inventory`)', (file) => {
  const committed = path.join(INVENTORY_DIR, file);
  expect(fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : `(missing ${file})`).toBe(pages.get(file));
});

test('the prod inventory states RPO and RTO for every database and draws the topology', () => {
  const prod = loadEnvironments(['prod'])[0];
  const entries = inventoryEntries(prod, buildPlan(prod));
  expect(entries.map((e) => [e.database, e.rpo, e.rto])).toEqual([
    ['orders', '5 min', '1 h'],
    ['sessions', '5 min', '1 h'],
    ['ledger', '5 min', '1 h'],
  ]);
  const page = pages.get('prod.md')!;
  expect(page).toContain('```mermaid\nflowchart LR');
  expect(page).toContain('subgraph AWS_eu_west_1["AWS eu-west-1"]');
  expect(page).toContain('subgraph Google_Cloud_europe_west1["Google Cloud europe-west1"]');
});

test('waivers are listed with their reasons', () => {
  const env = validateEnvironment('test', withChange((c) => {
    c.databases[0].highAvailability = false;
    c.databases[0].waivers = [{ rule: 'high-availability', reason: 'read-only archive', expires: '2027-03-31' }];
  }));
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
