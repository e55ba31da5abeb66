/**
 * Tags become Google Cloud labels (lib/naming/gcp-labels.ts converts them). Google allows at most 64 labels a resource
 * ("Requirements for labels", Resource Manager documentation; Cloud SQL "Label instances": up to 64 labels an
 * instance), and two tags that convert to the same label key would leave one silently dropped.
 */
import { toGcpLabels } from '../../naming/gcp-labels';
import type { ProblemDraft } from '../problem-draft';
import type { Rule } from './rule';

export const GCP_MAX_LABELS = 64;

type Path = Array<string | number>;

/** One problem for each tag whose label key an earlier tag already produced; `pathOf` places the tag in config. */
function collisions(tags: Readonly<Record<string, string>>, pathOf: (key: string) => Path | undefined, database?: string): ProblemDraft[] {
  const firstTagOf = new Map<string, string>();
  const problems: ProblemDraft[] = [];
  for (const [key, value] of Object.entries(tags)) {
    const labelKey = Object.keys(toGcpLabels({ [key]: value }))[0];
    const first = firstTagOf.get(labelKey);
    if (first === undefined) {
      firstTagOf.set(labelKey, key);
      continue;
    }
    const path = pathOf(key) ?? pathOf(first);
    if (!path) continue;
    problems.push({
      database,
      path,
      value,
      message: `becomes the Google label '${labelKey}', as the tag '${first}' does; one of the two labels would be silently lost`,
      fix: 'rename one of the two tags so that their label keys (lowercased, other characters as _) differ',
    });
  }
  return problems;
}

export const gcpLabelRules: Rule = (env) => {
  if (!env.gcp) return [];
  const problems: ProblemDraft[] = collisions(env.tags, (key) => ['tags', key]);
  env.databases.forEach((db, index) => {
    if (db.kind !== 'cloudsql-instance') return;
    // Keys set (or changed) by the database itself; pairs of environment tags were reported above.
    const ownKey = (key: string) => (env.tags[key] !== db.tags[key] ? ['databases', index, 'tags', key] : undefined);
    problems.push(...collisions(db.tags, ownKey, db.name));
    const count = Object.keys(toGcpLabels(db.tags)).length;
    if (count > GCP_MAX_LABELS) {
      problems.push({
        database: db.name,
        path: ['databases', index, 'tags'],
        value: `${count} labels`,
        message: `gives the instance ${count} Google labels (environment tags included); Cloud SQL allows at most ${GCP_MAX_LABELS}`,
        fix: `remove ${count - GCP_MAX_LABELS} of the tags`,
      });
    }
  });
  return problems;
};
