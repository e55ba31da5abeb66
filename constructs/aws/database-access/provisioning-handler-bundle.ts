/**
 * The provisioning handler bundled into one file at synth, with esbuild (offline: it only reads the installed
 * packages). The same code path serves the repository (the `.ts` entry, run by ts-node or ts-jest) and the published
 * package (the compiled `.js` entry under dist/), so a consumer app synthesizes the same asset.
 */
import { buildSync, stop as stopEsbuildService } from 'esbuild';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the engine's handler lives, relative to this file in both layouts (source tree and dist/). */
const HANDLER_ENTRY = resolve(__dirname, '../../../lib/provisioning/aws-custom-resource-handler');

/**
 * Left out of the bundle: `pg-native` is an optional native binding `pg` only loads when asked for; the AWS SDK v3 is
 * part of every Node.js Lambda runtime ("Runtime-included SDK versions", AWS Lambda Developer Guide, Building Lambda
 * functions with Node.js), so bundling it would only grow the asset.
 */
export const BUNDLE_EXTERNALS: readonly string[] = ['pg-native', '@aws-sdk/*'];

/** esbuild's target: the Lambda runtime's Node.js major (PROVISIONING_RUNTIME in provisioning-function.ts). */
export const BUNDLE_NODE_TARGET = 'node24';

export interface HandlerBundle {
  /** A directory holding `index.js` only: the asset. */
  readonly directory: string;
  readonly sizeBytes: number;
}

let built: HandlerBundle | undefined;

/** The handler's entry file: `.ts` in the repository, `.js` in the published package. */
export function handlerEntry(): string {
  const entry = ['.ts', '.js'].map((extension) => HANDLER_ENTRY + extension).find((file) => existsSync(file));
  if (!entry) throw new Error(`the provisioning handler is missing: expected ${HANDLER_ENTRY}.ts or .js (is the package built?)`);
  return entry;
}

/**
 * Writes the bundle to `directory/index.js`. Minified, no source map, no legal comments, paths relative to the
 * package root: the same sources give the same bytes, so the asset hash is stable.
 */
export function bundleHandlerInto(directory: string, entry = handlerEntry()): HandlerBundle {
  const outfile = join(directory, 'index.js');
  buildSync({
    entryPoints: [entry],
    absWorkingDir: resolve(__dirname, '../../..'),
    outfile,
    bundle: true,
    platform: 'node',
    target: BUNDLE_NODE_TARGET,
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    external: [...BUNDLE_EXTERNALS],
    logLevel: 'silent',
  });
  // buildSync leaves esbuild's service (a worker thread and the esbuild process it drives) running for later builds;
  // there are none, and a module loaded again (each jest test file does) would leave one more behind each time.
  void stopEsbuildService();
  return { directory, sizeBytes: statSync(outfile).size };
}

/** Bundled once per process: every database's function shares the asset. */
export function provisioningHandlerBundle(): HandlerBundle {
  built ??= bundleHandlerInto(mkdtempSync(join(tmpdir(), 'databases-provisioning-')));
  return built;
}
