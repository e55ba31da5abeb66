/**
 * Environment configs are TypeScript files. Under our own commands and the CDK/CDKTF CLIs (`ts-node bin/…`) a
 * TypeScript loader is already registered, and jest transforms `.ts` itself; the packaged `dbctl` and a team's compiled
 * code run on plain Node, which (before Node 22's type stripping) would read `config/prod.ts` as JavaScript and fail
 * on the first type annotation. So before requiring a `.ts` config we register the ts-node of the config's own
 * project, transpile-only (its types are the team's `tsc`'s business), or say what to install.
 */
import * as path from 'path';
import { UsageError } from './config-error';

/** Makes `require(file)` of a `.ts` config work, or throws a UsageError that says how. */
export function ensureTypeScriptLoader(
  file: string,
  extensions: Readonly<Record<string, unknown>> = require.extensions,
  searchPaths: readonly string[] = [path.dirname(file), process.cwd()],
): void {
  // Node's own require always knows `.js`; jest's has an empty `extensions` and compiles `.ts` by its transform.
  if (!file.endsWith('.ts') || extensions['.ts'] || !extensions['.js']) return;
  let tsNode: string;
  try {
    tsNode = require.resolve('ts-node', { paths: [...searchPaths] });
  } catch {
    throw new UsageError(
      `${path.relative(process.cwd(), file) || file} is TypeScript, and no TypeScript loader is registered in this process. ` +
        'Install ts-node in the project that holds the config (npm install --save-dev ts-node typescript), ' +
        'or compile the configs to .js next to the .ts files.',
    );
  }
  require(tsNode).register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
}
