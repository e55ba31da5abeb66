/** Runs a project command the way a user does (npx, node bin/…), in the repo, with a config folder of the test's. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCommand(command: string, args: readonly string[], env: Record<string, string> = {}): CommandResult {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: 'true', CI: 'true', ...env },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh config folder holding `files` (name → TypeScript source); `{{schema}}` stands for the schema import path. */
export function configFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-config-'));
  for (const [name, source] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), source.replace(/\{\{schema\}\}/g, path.join(ROOT, 'config', 'schema')));
  }
  return dir;
}

/** A throwaway output folder for `cdk synth -o`. */
export const tempOutput = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
