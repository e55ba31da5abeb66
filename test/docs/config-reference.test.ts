import * as fs from 'fs';
import * as path from 'path';
import { renderConfigReference } from '../../lib/docs/config-reference';

const reference = renderConfigReference();

test('docs/config-reference.md is up to date with the schema (run `npm run docs:config`)', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'config-reference.md'), 'utf8')).toBe(reference);
});

test('tier-defaulted fields state their default per tier', () => {
  expect(reference).toContain('| `databases[].highAvailability` | boolean |  |  | by tier: development false, staging true, production true |');
  expect(reference).toContain('| `databases[].backupRetentionDays` | integer | 0–35 |  | by tier: development 1, staging 7, production 35 |');
});

test('every database kind has a section', () => {
  for (const kind of ['rds-instance', 'aurora-cluster', 'dynamodb-table', 'cloudsql-instance']) expect(reference).toContain(`## Database kind \`${kind}\``);
});
