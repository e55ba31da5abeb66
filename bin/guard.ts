#!/usr/bin/env node
/**
 * `npm run guard [-- --approve] [-- --env <a,b>]`: fails when a change would replace or remove a stateful resource
 * (see lib/guard). Checks the environments found in cdk.out / cdktf.out, or the ones `--env` names.
 */
import '../lib/cli/report-errors-cleanly';
import * as path from 'path';
import { listEnvironments } from '../lib/environments/load-environments';
import { planEnvironments } from '../lib/environments/plan-environments';
import { readApprovedRemovals, REMOVALS_FILE_NAME } from '../lib/guard/environment-removals';
import { mergeOutputs, readCdkOutput, readCdktfOutput } from '../lib/guard/environment-templates';
import { runGuard } from '../lib/guard/run-guard';

const USAGE = 'Usage: npm run guard [-- --approve] [-- --env <name>[,<name>…]]';
const root = path.resolve(__dirname, '..');
/** Where the synthesized output and the guard folder are: this project, or GUARD_ROOT (tests use a copy). */
const workdir = process.env.GUARD_ROOT ? path.resolve(process.env.GUARD_ROOT) : root;

function parseArgs(args: string[]): { approve: boolean; selected?: string[] } {
  let approve = false;
  let selected: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--approve') approve = true;
    else if (arg === '--env' && args[i + 1] && !args[i + 1].startsWith('--'))
      selected = args[++i]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (arg.startsWith('--env='))
      selected = arg
        .slice('--env='.length)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else {
      console.error(`Unknown argument ${arg}. ${USAGE}`);
      process.exit(2);
    }
  }
  return { approve, selected };
}

const { approve, selected } = parseArgs(process.argv.slice(2));
const names = listEnvironments();
let approvedRemovals;
try {
  approvedRemovals = readApprovedRemovals(path.join(workdir, 'guard', REMOVALS_FILE_NAME));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const report = runGuard({
  outputs: mergeOutputs(readCdkOutput(path.join(workdir, 'cdk.out')), readCdktfOutput(path.join(workdir, 'cdktf.out'), names)),
  environments: planEnvironments(names).map(({ environment }) => environment),
  baselineDir: path.join(workdir, 'guard', 'baseline'),
  approve,
  selected,
  approvedRemovals,
});
for (const line of report.lines) console.log(line);
process.exit(report.ok ? 0 : 1);
