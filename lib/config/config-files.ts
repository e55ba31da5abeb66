/** Reading a config file (an environment, the delivery config): which file, and its default export. */
import * as fs from 'fs';
import * as path from 'path';
import { ensureTypeScriptLoader } from './typescript-configs';

/**
 * `<base>.js` if there is one (as Node's resolution would pick it), else `<base>.ts`; undefined when neither exists.
 * Found here rather than by `require.resolve`, which knows `.ts` only once a TypeScript loader is registered.
 */
export function findConfigFile(base: string): string | undefined {
  return ['.js', '.ts'].map((extension) => `${base}${extension}`).find((candidate) => fs.existsSync(candidate));
}

/** The file's default export (or its exports, for CommonJS), and the file as messages name it. */
export function readConfigFile(file: string): { readonly exported: unknown; readonly source: string } {
  ensureTypeScriptLoader(file);
  const module = require(file);
  return { exported: module.default ?? module, source: path.relative(process.cwd(), file) };
}
