/**
 * Removing `config/<env>.ts` removes the whole environment: every stateful resource of it would be deleted or left
 * unmanaged. The config file is gone, so its approval lives in the guard's folder: guard/approved-removals.json,
 * `[{ "environment": "<env>", "reason": "<why>" }]`. `npm run guard -- --approve` then deletes the baseline, and the
 * entry must go (it matches nothing afterwards).
 */
import * as fs from 'fs';
import type { EnvironmentTemplates } from './environment-templates';

export interface ApprovedRemoval {
  readonly environment: string;
  readonly reason: string;
}

export const REMOVALS_FILE_NAME = 'approved-removals.json';

/** Reads the approvals; a malformed file is an error naming the file, the entry and the fix. */
export function readApprovedRemovals(file: string): ApprovedRemoval[] {
  if (!fs.existsSync(file)) return [];
  const entries: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fix = 'Fix: write [{ "environment": "<name>", "reason": "<why removing it is safe, at least 10 characters>" }].';
  if (!Array.isArray(entries)) throw new Error(`${file}: must be a JSON array. ${fix}`);
  return entries.map((entry, index) => {
    const { environment, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof environment !== 'string' || environment === '')
      throw new Error(`${file} › [${index}].environment = ${JSON.stringify(environment)}: must name the removed environment. ${fix}`);
    if (typeof reason !== 'string' || reason.length < 10)
      throw new Error(`${file} › [${index}].reason = ${JSON.stringify(reason)}: must say why removing ${environment} is safe (at least 10 characters). ${fix}`);
    return { environment, reason };
  });
}

/** One line per stateful resource the removal would delete or orphan. */
export function removedResources(baseline: EnvironmentTemplates): string[] {
  return [
    ...Object.entries(baseline.aws).flatMap(([stack, template]) =>
      Object.entries(template.Resources ?? {}).map(
        ([id, resource]) => `${stack} › ${id} (${resource.Type}, ${resource.DeletionPolicy === 'Retain' ? 'orphaned' : 'deleted'})`,
      ),
    ),
    ...Object.entries(baseline.gcp).flatMap(([stack, config]) =>
      Object.entries(config.resource ?? {}).flatMap(([type, instances]) => Object.keys(instances).map((name) => `${stack} › ${type}.${name} (destroyed)`)),
    ),
  ];
}
