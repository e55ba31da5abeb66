#!/usr/bin/env node
/** dbctl, the operations CLI (`npx dbctl --help`): wiring only, the logic is in lib/operations. */
import { captureInterrupts } from '../lib/operations/cli/interrupts';
import { runDbctl } from '../lib/operations/cli/main';

runDbctl(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  captureInterrupts: () => captureInterrupts(process, (line) => process.stderr.write(`\n${line}\n`)),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dbctl: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
