/**
 * Configuration problems. Every problem names the environment, the database (when there is one), the field path,
 * the value found, what is allowed, and how to fix it; all problems are reported together.
 */

import { formatPathParts, type PathProblem } from '../../constructs/common/path-problem';

export type FieldPath = PathProblem['path'];

/** A construct's problem with one setting, placed in an environment (and database) of the config. */
export interface ConfigProblem extends PathProblem {
  readonly environment: string;
  readonly database?: string;
}

/** `databases[0].replicas[1].region` */
export function formatPath(path: FieldPath): string {
  return formatPathParts(path) || '(environment)';
}

export function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'function') return '(a function)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.database ? `${problem.environment} › ${problem.database}` : problem.environment;
  return `${where} › ${formatPath(problem.path)} = ${formatValue(problem.value)}: ${problem.message}. Fix: ${problem.fix}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid database configuration (${count}):\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * A mistake in how a command or config folder is used (an unknown environment name, a config file that exports no
 * environment): printed as its message alone, like a ConfigError.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
