/**
 * The import boundaries of .dependency-cruiser.cjs bite: a tiny tree of files, each breaking one rule (and a few that
 * break none), checked by the repository's own config the way `npm run lint:imports` checks the real tree.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** Each fixture file and what it imports; the comment-free bodies are enough for dependency-cruiser. */
const FIXTURE: Readonly<Record<string, string>> = {
  // Allowed: constructs import constructs, lib/config imports a kind's rules, a table imports a pure table.
  'constructs/common/util.ts': 'export const util = 1;\n',
  'constructs/aws/fine.ts': "import { util } from '../common/util';\nexport const fine = util;\n",
  'constructs/gcp/tables/pure.ts': "import { util } from '../../common/util';\nexport const pure = util;\n",
  'lib/kinds/k/k-rules.ts': 'export const rules = 1;\n',
  'lib/config/uses-rules.ts': "import { rules } from '../kinds/k/k-rules';\nexport const usesRules = rules;\n",
  // Broken, one rule each.
  'constructs/aws/uses-lib.ts': "import { config } from '../../lib/config/config';\nexport const usesLib = config;\n",
  'lib/config/config.ts': 'export const config = 1;\n',
  'lib/config/uses-plan.ts': "import { plan } from '../plan/plan';\nexport const usesPlan = plan;\n",
  'lib/plan/plan.ts': 'export const plan = 1;\n',
  'lib/config/uses-kind-plan.ts': "import { kindPlan } from '../kinds/k/k-plan';\nexport const usesKindPlan = kindPlan;\n",
  'lib/kinds/k/k-plan.ts': 'export const kindPlan = 1;\n',
  'constructs/aws/tables/loads-cdk.ts': "import { Stack } from 'aws-cdk-lib';\nexport const loadsCdk = Stack;\n",
  'constructs/aws/loads-cdktf.ts': "import { App } from 'cdktf';\nexport const loadsCdktf = App;\n",
  'constructs/gcp/loads-aws-cdk-lib.ts': "import { App } from 'aws-cdk-lib';\nexport const loadsAwsCdkLib = App;\n",
  // A loop made only of type imports, like the ones constructs/gcp had.
  'constructs/gcp/loop-a.ts': "import type { B } from './loop-b';\nexport interface A { b?: B }\n",
  'constructs/gcp/loop-b.ts': "import type { A } from './loop-a';\nexport interface B { a?: A }\n",
  'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "strict": true } }\n',
  // Stand-ins for the packages (resolution is all the rules need; the real ones are large to cruise).
  'node_modules/aws-cdk-lib/package.json': '{ "name": "aws-cdk-lib", "main": "index.js" }\n',
  'node_modules/aws-cdk-lib/index.js': 'exports.App = exports.Stack = class {};\n',
  'node_modules/cdktf/package.json': '{ "name": "cdktf", "main": "index.js" }\n',
  'node_modules/cdktf/index.js': 'exports.App = class {};\n',
};

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

/** Every violation dependency-cruiser reports on the fixture, as `rule: from → to`. */
function violations(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-boundaries-'));
  try {
    for (const [file, text] of Object.entries(FIXTURE)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const cli = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const run = spawnSync(process.execPath, [cli, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', 'constructs', 'lib'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (!run.stdout) throw new Error(`dependency-cruiser printed nothing (exit ${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
    return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('each import rule fails on the import it forbids, and on nothing else', () => {
  expect(violations()).toEqual(
    [
      'aws-constructs-load-no-cdktf: constructs/aws/loads-cdktf.ts → node_modules/cdktf/index.js',
      'config-does-not-import-plan: lib/config/uses-kind-plan.ts → lib/kinds/k/k-plan.ts',
      'config-does-not-import-plan: lib/config/uses-plan.ts → lib/plan/plan.ts',
      'constructs-are-the-library-layer: constructs/aws/uses-lib.ts → lib/config/config.ts',
      'gcp-constructs-load-no-aws-cdk-lib: constructs/gcp/loads-aws-cdk-lib.ts → node_modules/aws-cdk-lib/index.js',
      'no-circular: constructs/gcp/loop-a.ts → constructs/gcp/loop-b.ts',
      'tables-are-pure: constructs/aws/tables/loads-cdk.ts → node_modules/aws-cdk-lib/index.js',
    ].sort(),
  );
});
