/**
 * Config → ResolvedEnvironment: schema, tier defaults, cross-field rules and the not-yet-supported table.
 * Collects every problem instead of stopping at the first.
 */
import type { z } from 'zod';
import { environmentSchema } from '../../config/schema';
import { ENVIRONMENT_NAME_MAX_LENGTH } from '../../config/schema/fields';
import { identifierProblem } from '../../constructs/common/identifiers';
import { ConfigError, ConfigProblem, FieldPath, formatPath } from '../config/config-error';
import { accessFieldElsewhere } from '../config/database-access/access-fields-elsewhere';
import { CROSS_FIELD_RULES, ENVIRONMENT_RULES } from './cross-field-rules';
import { ignoredSettingProblems } from '../config/rules/ignored-settings';
import { notYetSupported } from '../config/not-yet-supported';
import type { ProblemDraft } from '../config/problem-draft';
import { resolveDefaults } from './resolve-defaults';
import type { ResolvedEnvironment } from '../config/resolved-environment';

export type EnvironmentCheck =
  { readonly ok: true; readonly environment: ResolvedEnvironment } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Validates one environment; returns the resolved environment or every problem found. */
export function checkEnvironment(name: string, input: unknown, source = `config/${name}.ts`): EnvironmentCheck {
  const stamp = (draft: ProblemDraft): ConfigProblem => ({
    environment: name,
    ...draft,
    database: draft.database ?? databaseNameAt(input, draft.path),
  });

  const nameProblem = identifierProblem(name, ENVIRONMENT_NAME_MAX_LENGTH);
  if (nameProblem) {
    return {
      ok: false,
      problems: [stamp({ path: [], value: name, message: `the environment name ${nameProblem}`, fix: `rename ${source}` })],
    };
  }

  const parsed = environmentSchema.safeParse(input);
  if (!parsed.success) {
    const schemaProblems = parsed.error.issues.flatMap((issue) => fromZodIssue(issue, input, source));
    return { ok: false, problems: [...schemaProblems, ...rulesOfParsedDatabases(name, input, parsed.error.issues)].map(stamp) };
  }

  const environment = resolveDefaults(name, parsed.data);
  const drafts = [
    ...CROSS_FIELD_RULES.flatMap((rule) => rule(environment)),
    ...ignoredSettingProblems(parsed.data, environment),
    ...notYetSupported(environment.databases),
  ];
  if (drafts.length > 0) return { ok: false, problems: drafts.map(stamp) };
  return { ok: true, environment };
}

/**
 * All problems at once: when some databases fail the schema, the cross-field rules still run on the databases that
 * parsed (the environment without the failing ones), so fixing the schema problems does not reveal a second round.
 * Only the rules' findings about those databases are kept: environment-wide findings of a partial environment could
 * be artefacts of the databases left out. Nothing is run when the environment itself (outside `databases`) fails.
 */
function rulesOfParsedDatabases(name: string, input: unknown, issues: readonly z.core.$ZodIssue[]): ProblemDraft[] {
  const databases = valueAt(input, ['databases']);
  if (!Array.isArray(databases)) return [];
  if (issues.some((issue) => issue.path[0] !== 'databases' || typeof issue.path[1] !== 'number')) return [];
  const failed = new Set(issues.map((issue) => issue.path[1] as number));
  const kept = databases.map((_db, index) => index).filter((index) => !failed.has(index));
  if (kept.length === 0) return [];
  const partial = environmentSchema.safeParse({ ...(input as object), databases: kept.map((index) => databases[index]) });
  if (!partial.success) return [];
  const environment = resolveDefaults(name, partial.data);
  const databaseRules = CROSS_FIELD_RULES.filter((rule) => !ENVIRONMENT_RULES.includes(rule));
  const drafts = [
    ...databaseRules.flatMap((rule) => rule(environment)),
    ...ignoredSettingProblems(partial.data, environment),
    ...notYetSupported(environment.databases),
  ];
  // Paths point into the partial list: map them back to the databases' places in the file.
  return drafts
    .filter((draft) => draft.path[0] === 'databases' && typeof draft.path[1] === 'number')
    .map((draft) => ({ ...draft, path: ['databases', kept[draft.path[1] as number], ...draft.path.slice(2)] }));
}

/** Validates one environment or throws a ConfigError listing every problem. */
export function validateEnvironment(name: string, input: unknown, source?: string): ResolvedEnvironment {
  const check = checkEnvironment(name, input, source);
  if (!check.ok) throw new ConfigError(check.problems);
  return check.environment;
}

function fromZodIssue(issue: z.core.$ZodIssue, input: unknown, source: string): ProblemDraft[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    // A database's key: a database-access field on a kind without them gets its own explanation.
    const kind = path[0] === 'databases' && path.length === 2 ? valueAt(input, [...path, 'kind']) : undefined;
    return issue.keys.map((key) => ({
      path: [...path, key],
      value: valueAt(input, [...path, key]),
      ...(accessFieldElsewhere(kind, key, source) ?? { message: 'is not a known setting here', fix: `remove '${key}' from ${source} or check its spelling` }),
    }));
  }
  return [
    {
      path,
      value: valueAt(input, path),
      message: issue.message,
      fix: `change ${formatPath(path)} in ${source}`,
    },
  ];
}

function valueAt(input: unknown, path: FieldPath): unknown {
  let current: unknown = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function databaseNameAt(input: unknown, path: FieldPath): string | undefined {
  if (path[0] !== 'databases' || typeof path[1] !== 'number') return undefined;
  const name = valueAt(input, ['databases', path[1], 'name']);
  return typeof name === 'string' ? name : `databases[${path[1]}]`;
}
