/**
 * Parameter-value problems through the commands users run: `cdk synth` (AWS) and the CDKTF app (GCP) refuse the
 * config, exit non-zero and print the problem line, before writing any output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cdkSynthOf, dataConfigFolder, runCommand } from '../cli/run-command';
import { withChange } from '../support/fixtures';

test("cdk synth refuses max_connections: 'unlimited' and a work_mem that overcommits memory, exiting non-zero", () => {
  const dir = dataConfigFolder(withChange((c) => Object.assign(c.databases[0], { parameters: { max_connections: 'unlimited', work_mem: 65536 } })));
  try {
    const { status, output, wroteAssembly } = cdkSynthOf(dir);
    expect(status).not.toBe(0);
    expect(output).toContain(
      'bad › orders › databases[0].parameters.max_connections = "unlimited": must be an integer from 1 to 262143 in the postgres17 family. Fix: set a value that is an integer from 1 to 262143, or remove the override',
    );
    expect(output).toContain(
      "bad › orders › databases[0].parameters.work_mem = 65536: with max_connections 1802 (RDS's default for db.r6g.large) each using this work_mem",
    );
    expect(wroteAssembly).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the CDKTF app refuses a Cloud SQL effective_cache_size above 70% of the tier, with a non-zero exit', () => {
  const dir = dataConfigFolder(withChange((c) => Object.assign(c.databases[1], { flags: { effective_cache_size: 688129 } })));
  try {
    const result = runCommand(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/gcp.ts'], {
      DB_CONFIG_DIR: dir,
      CDKTF_OUTDIR: path.join(dir, 'cdktf.out'),
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      'bad › ledger › databases[1].flags.effective_cache_size = 688129: must be from 98304 to 688128 (8 kB pages)',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
