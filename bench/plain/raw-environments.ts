/** The plain apps read the environment files as they are: no schema, no defaults, no validation. */
import * as fs from 'fs';
import * as path from 'path';

export type RawDatabase = Record<string, unknown> & { kind: string; name: string };
export interface RawEnvironment {
  readonly name: string;
  readonly config: Record<string, unknown>;
}

export function readRawEnvironments(dir = process.env.DB_CONFIG_DIR): RawEnvironment[] {
  if (!dir) throw new Error('The plain apps synthesize a generated fleet: set DB_CONFIG_DIR (see bench/fleet.ts)');
  const folder = path.resolve(dir);
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const module = require(path.join(folder, file));
      return { name: file.replace(/\.js$/, ''), config: module.default ?? module };
    });
}
