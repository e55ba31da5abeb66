import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../lib/config/config-error';
import { ensureTypeScriptLoader } from '../../lib/config/typescript-configs';

// Node's own require.extensions as plain Node has them, without a TypeScript loader.
const PLAIN_NODE = { '.js': () => undefined, '.json': () => undefined, '.node': () => undefined };

test('GIVEN a .ts config on plain Node and no ts-node in reach THEN the error says what to install', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'no-ts-node-'));
  const file = path.join(folder, 'prod.ts');
  const attempt = () => ensureTypeScriptLoader(file, PLAIN_NODE, [folder]);
  expect(attempt).toThrow(UsageError);
  expect(attempt).toThrow(
    `${path.relative(process.cwd(), file)} is TypeScript, and no TypeScript loader is registered in this process. ` +
      'Install ts-node in the project that holds the config (npm install --save-dev ts-node typescript), or compile the configs to .js next to the .ts files.',
  );
});

test('GIVEN a .js config, a registered .ts loader, or jest (no .js in its extensions) THEN nothing is needed', () => {
  expect(() => ensureTypeScriptLoader('/nowhere/prod.js', PLAIN_NODE, [])).not.toThrow();
  expect(() => ensureTypeScriptLoader('/nowhere/prod.ts', { ...PLAIN_NODE, '.ts': () => undefined }, [])).not.toThrow();
  expect(() => ensureTypeScriptLoader('/nowhere/prod.ts', {}, [])).not.toThrow();
});
