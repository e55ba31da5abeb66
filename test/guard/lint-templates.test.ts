import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

test('`npm run lint:templates` before any synth says to synthesize first (exit 2), not a cfn-lint glob error', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-cdk-out-'));
  const result = spawnSync('npm', ['run', '-s', 'lint:templates'], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, CDK_OUTDIR_TO_LINT: empty },
    encoding: 'utf8',
  });
  expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
    status: 2,
    stderr: `lint:templates: no CloudFormation templates in ${empty}/; run \`npm run synth\` first.`,
  });
});
