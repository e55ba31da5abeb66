/**
 * A throwaway workspace for guard tests through the real CLIs: config/dev.ts copied as `qa` (edited by the test) into
 * a temp config folder, `cdk synth` of qa into the workspace, and `bin/guard.ts --env qa` against the workspace's own
 * baseline (GUARD_ROOT), so the repo's cdk.out and guard/baseline are never touched.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');

export interface QaGuardWorkspace {
  /** Writes qa.ts: dev.ts with `extra` inserted after the first occurrence of `marker` (which must be there). */
  writeQa(marker: string, extra: string): void;
  /** `cdk synth -c env=qa` into the workspace; throws with stderr when it fails. */
  synth(): void;
  /** `bin/guard.ts --env qa …`: its exit status and stdout lines. */
  guard(...args: string[]): { status: number | null; stdout: string[] };
  /** Makes the folders, writes qa.ts, synthesizes and approves the baseline (for beforeAll). */
  approveBaseline(marker: string, extra: string): void;
  remove(): void;
}

export function qaGuardWorkspace(prefix: string): QaGuardWorkspace {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const configDir = path.join(work, 'config');
  const env = { ...process.env, DB_CONFIG_DIR: configDir, GUARD_ROOT: work, CHECKPOINT_DISABLE: '1' };
  const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  const workspace: QaGuardWorkspace = {
    writeQa(marker, extra) {
      const text = fs.readFileSync(path.join(ROOT, 'config', 'dev.ts'), 'utf8');
      if (!text.includes(marker)) throw new Error(`config/dev.ts has no ${marker}`);
      fs.writeFileSync(path.join(configDir, 'qa.ts'), text.replace(marker, `${marker} ${extra}`));
    },
    synth() {
      fs.rmSync(path.join(work, 'cdk.out'), { recursive: true, force: true });
      const result = run(path.join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet', '-c', 'env=qa', '-o', path.join(work, 'cdk.out')]);
      if (result.status !== 0) throw new Error(`cdk synth failed: ${result.stderr}`);
    },
    guard(...args) {
      const result = run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bin/guard.ts', '--env', 'qa', ...args]);
      return { status: result.status, stdout: result.stdout.trim().split('\n') };
    },
    approveBaseline(marker, extra) {
      fs.mkdirSync(configDir);
      fs.symlinkSync(path.join(ROOT, 'config', 'schema'), path.join(configDir, 'schema'), 'dir');
      fs.mkdirSync(path.join(work, 'guard', 'baseline'), { recursive: true });
      workspace.writeQa(marker, extra);
      workspace.synth();
      const approve = workspace.guard('--approve');
      if (approve.status !== 0) throw new Error(`guard --approve failed: ${approve.stdout.join('\n')}`);
    },
    remove: () => fs.rmSync(work, { recursive: true, force: true }),
  };
  return workspace;
}
