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

/** A fresh config folder with one environment `bad` written as plain data (a `.js` file), for a test's changed fixture. */
export function dataConfigFolder(config: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-config-'));
  fs.writeFileSync(path.join(dir, 'bad.js'), `module.exports = ${JSON.stringify(config)};\n`);
  return dir;
}

/** `cdk synth` of a config folder into its own cdk.out; says whether a cloud assembly was written. */
export function cdkSynthOf(configDir: string): CommandResult & { readonly output: string; readonly wroteAssembly: boolean } {
  const outdir = path.join(configDir, 'cdk.out');
  const result = runCommand('npx', ['cdk', 'synth', '--quiet', '-o', outdir], { DB_CONFIG_DIR: configDir });
  return { ...result, output: result.stdout + result.stderr, wroteAssembly: fs.existsSync(path.join(outdir, 'manifest.json')) };
}
