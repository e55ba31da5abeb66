#!/usr/bin/env node
/** `npm run guard [-- --approve]`: fails when a change would replace or remove a stateful resource (see lib/guard). */
import '../lib/cli/report-errors-cleanly';
import * as path from 'path';
import { listEnvironments, loadEnvironments } from '../lib/config/load-environments';
import { mergeOutputs, readCdkOutput, readCdktfOutput } from '../lib/guard/environment-templates';
import { runGuard } from '../lib/guard/run-guard';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--approve');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}. Usage: npm run guard [-- --approve]`);
  process.exit(2);
}
const names = listEnvironments();
const report = runGuard({
  outputs: mergeOutputs(readCdkOutput(path.join(root, 'cdk.out')), readCdktfOutput(path.join(root, 'cdktf.out'), names)),
  environments: loadEnvironments(names),
  baselineDir: path.join(root, 'guard', 'baseline'),
  approve: args.includes('--approve'),
});
for (const line of report.lines) console.log(line);
process.exit(report.ok ? 0 : 1);
