/**
 * Discovers environments (`config/<name>.ts`, one file per environment) and loads the selected ones. Everything is
 * validated before anything is returned, so an app never starts writing output for a bad config.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, ConfigProblem, UsageError } from '../config/config-error';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { findConfigFile, readConfigFile } from '../config/config-files';
import { checkEnvironment } from './validate-environment';

/**
 * The environments folder: `DB_CONFIG_DIR` when set, else `config/` of the current directory: the project root, from
 * where npm scripts, the CDK and CDKTF CLIs and an installed `npx dbctl` all run.
 */
export const CONFIG_DIR = path.resolve(process.env.DB_CONFIG_DIR ?? 'config');

/** Environment names: every `<name>.ts` (or compiled `<name>.js`) directly in the config folder. */
export function listEnvironments(configDir = CONFIG_DIR): string[] {
  const names = fs
    .readdirSync(configDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => entry.name.replace(/\.(ts|js)$/, ''));
  return [...new Set(names)].sort();
}

/**
 * Parses a selection such as `prod` or `dev,staging` (from `-c env=…` or `DB_ENV`); empty means all.
 * Throws for an unknown name, listing the available ones.
 */
export function selectEnvironments(selection: string | undefined, available: readonly string[]): string[] {
  const wanted = (selection ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (wanted.length === 0) return [...available];
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown environment ${unknown.map((n) => `'${n}'`).join(', ')}. Available: ${available.join(', ')}. ` +
        'Add config/<name>.ts to create one, or select an existing one (e.g. -c env=prod or DB_ENV=prod).',
    );
  }
  return wanted;
}

/** Loads and validates the named environments; throws one ConfigError with every problem of every environment. */
export function loadEnvironments(names: readonly string[], configDir = CONFIG_DIR): ResolvedEnvironment[] {
  const environments: ResolvedEnvironment[] = [];
  const problems: ConfigProblem[] = [];
  for (const name of names) {
    const base = path.join(configDir, name);
    const { exported, source } = readConfigFile(findConfigFile(base) ?? `${base}.ts`);
    if (exported === null || typeof exported !== 'object' || Array.isArray(exported)) {
      problems.push({
        environment: name,
        path: [],
        value: exported,
        message: `${source} must export an environment object as its default export, not ${Array.isArray(exported) ? 'an array' : exported === null ? 'null' : `a ${typeof exported}`}`,
        fix: `write \`export default defineEnvironment({ tier: …, databases: […] })\` in ${source} (import defineEnvironment from the schema)`,
      });
      continue;
    }
    const check = checkEnvironment(name, exported, source);
    if (check.ok) environments.push(check.environment);
    else problems.push(...check.problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return environments;
}
