/**
 * The unit set (`npm test`) stays in-process: a test that runs our apps or CLIs as processes (through
 * test/cli/run-command.ts) belongs in the integration set, named `*.integration.test.ts` (jest.config.js). Such a test
 * in the unit set also ran its CDK app with the unit set's synthesis settings (test/support/unit-synthesis-settings.ts).
 */
import * as fs from 'fs';
import * as path from 'path';

const TEST_ROOT = path.join(__dirname, '..', '..');

function unitTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return unitTestFiles(file);
    return entry.name.endsWith('.test.ts') && !entry.name.endsWith('.integration.test.ts') ? [file] : [];
  });
}

test('no unit test runs an app or a CLI through run-command', () => {
  const offenders = unitTestFiles(TEST_ROOT)
    .filter((file) => /from '[./]*\/?(cli\/)?run-command'/.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(TEST_ROOT, file));
  expect(offenders).toEqual([]);
});
