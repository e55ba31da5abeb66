/**
 * The README's "Inside the database" section: its roles example is config/prod.ts as committed, and what it says the
 * clouds publish is what the plans hold (SSM keys on AWS, Secret Manager keys on Google Cloud).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { planEnvironments } from '../../lib/environments/plan-environments';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Inside the database'), readme.indexOf('## Configuration errors'));

test('GIVEN the README roles example WHEN compared with config/prod.ts THEN every role line is there as written', () => {
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const roleLines = example.split('\n').filter((line) => line.trim().startsWith('{ name:'));
  expect(roleLines).toHaveLength(3);
  const prod = readFileSync(join(ROOT, 'config', 'prod.ts'), 'utf8');
  for (const line of roleLines) expect(prod).toContain(line.trim());
});

test('GIVEN prod planned WHEN the README names the Google Cloud contract keys THEN the Cloud SQL plan publishes each of them', () => {
  const [{ plan }] = planEnvironments(['prod'], { configDir: join(ROOT, 'config') });
  const ledger = plan.databases['cloudsql-instance'].find((db) => db.name === 'ledger')!;
  const keys = ledger.accessPlan.contract.map((entry) => entry.key);
  for (const key of ['connection-name', 'private-ip', 'port', 'databases']) {
    expect(section).toContain(`\`${key}\``);
    expect(keys).toContain(key);
  }
  expect(section).toContain('`<env>-databases-<name>-<key>`');
});
