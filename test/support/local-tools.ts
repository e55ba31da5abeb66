/**
 * Local tools some tests use to check real behaviour (PostgreSQL's own GUC table, cfn-lint, moto). On CI they must
 * be installed; elsewhere a test that needs a missing tool is skipped and says how to install it.
 */
import { spawnSync } from 'child_process';

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** `describe` when the tool is there (always on CI), otherwise a skipped `describe` with the install hint. */
export function describeWithTool(command: string, installHint: string): jest.Describe {
  if (hasCommand(command)) return describe;
  if (process.env.CI === 'true') throw new Error(`CI needs '${command}': ${installHint}`);
  // eslint-disable-next-line no-console
  console.warn(`Skipping tests that need '${command}' (not installed). ${installHint}`);
  return describe.skip;
}
