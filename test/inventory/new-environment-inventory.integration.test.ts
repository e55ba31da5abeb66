/**
 * The inventory test as a user meets it: jest runs test/inventory/inventory.test.ts against a copied config folder in
 * which dev's file was copied to qa.ts (a new environment, nothing else touched) and staging.ts was deleted (its
 * committed page now describes nothing). The committed pages are the repository's, read only.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runCommand, type CommandResult } from '../cli/run-command';

const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inventory-config-'));
let run: CommandResult;

beforeAll(() => {
  for (const file of fs.readdirSync(path.join(ROOT, 'config')).filter((f) => f.endsWith('.ts')))
    fs.copyFileSync(path.join(ROOT, 'config', file), path.join(configDir, file));
  fs.symlinkSync(path.join(ROOT, 'config', 'schema'), path.join(configDir, 'schema'), 'dir');
  fs.copyFileSync(path.join(configDir, 'dev.ts'), path.join(configDir, 'qa.ts'));
  fs.rmSync(path.join(configDir, 'staging.ts'));
  run = runCommand(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--verbose', 'test/inventory/inventory\\.test\\.ts$'],
    // The unit set holds the inventory test, whichever set (TEST_SET) runs this one.
    { DB_CONFIG_DIR: configDir, TEST_SET: 'unit' },
  );
}, 180_000);

afterAll(() => fs.rmSync(configDir, { recursive: true, force: true }));

test('a new environment without a page is a todo that says how to add one, not a failure', () => {
  expect(run.stderr).toContain('✎ todo docs/inventory/qa.md is not committed (optional): `npm run inventory` writes it; once committed, it is kept current');
});

test('the committed pages of the environments that remain are still compared', () => {
  expect(run.stderr).toMatch(/✓ docs\/inventory\/dev\.md is up to date with the config/);
  expect(run.stderr).toMatch(/✓ docs\/inventory\/prod\.md is up to date with the config/);
});

test("a removed environment's committed page fails the run, naming the page and the fix", () => {
  expect(run.stderr).toContain('✕ every committed inventory page has its environment (delete the page of a removed environment)');
  expect(run.stderr).toContain('"docs/inventory/staging.md: no environment staging in the config folder; delete the page"');
  expect(run.stderr).toMatch(/Tests: +1 failed, 1 todo, \d+ passed/);
  expect(run.status).toBe(1);
});
