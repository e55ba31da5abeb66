/** The run's temporary directory (temp-root-setup.js) reaches the test workers, so the teardown removes what they write. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

test("a test's temporary files go under the run's directory", () => {
  const root = process.env.DATABASES_TEST_TMP_ROOT;
  expect(root).toMatch(/databases-tests-/);
  const made = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  expect(path.dirname(made)).toBe(root);
  fs.rmSync(made, { recursive: true });
});
