/** A problem with one setting, found by a construct's checks; the config loader adds the environment and database. */
export interface PathProblem {
  /** Path below the checked object, in config field names: `['billing', 'readCapacity', 'min']`. */
  readonly path: ReadonlyArray<string | number>;
  readonly value: unknown;
  /** What is wrong and what is allowed. */
  readonly message: string;
  readonly fix: string;
}

/** `billing.readCapacity.min`, `rules[0].copyTo.region`. */
export const formatPathParts = (path: ReadonlyArray<string | number>) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');

/** One problem as a line of a construct's error. */
export const pathProblemLine = (problem: PathProblem) =>
  `  - ${formatPathParts(problem.path)} = ${JSON.stringify(problem.value)}: ${problem.message}. Fix: ${problem.fix}`;
