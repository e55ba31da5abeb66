/** The private-network policy through the command the user runs: `cdk synth` refuses a public range, writing nothing. */
import * as fs from 'fs';
import { cdkSynthOf, dataConfigFolder } from '../cli/run-command';
import { withChange } from '../support/fixtures';

test('cdk synth refuses two /1 halves and exits non-zero without writing a cloud assembly', () => {
  const dir = dataConfigFolder(withChange((c) => (c.databases[0].allowedCidrs = ['0.0.0.0/1', '128.0.0.0/1'])));
  try {
    const { status, output, wroteAssembly } = cdkSynthOf(dir);
    expect(status).not.toBe(0);
    // The whole message is pinned in private-network.test.ts; here: the path, the value, the rule and the fix.
    expect(output).toContain('bad › orders › databases[0].allowedCidrs[0] = "0.0.0.0/1": admits public addresses;');
    expect(output).toContain("(policy 'private-network': Databases accept connections from private address space only). Fix:");
    expect(wroteAssembly).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
