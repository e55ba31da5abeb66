import { type PathProblem, pathProblemLine } from './path-problem';

/**
 * What a construct throws, from its constructor, when its props break a rule: the construct, its path in the app and
 * every problem (one line each), so a caller can catch it by class and read the problems as data.
 */
export class DatabaseValidationError extends Error {
  constructor(
    readonly construct: string,
    readonly constructPath: string,
    readonly problems: readonly PathProblem[],
  ) {
    super(`Invalid ${construct} ${constructPath}:\n${problems.map(pathProblemLine).join('\n')}`);
    this.name = 'DatabaseValidationError';
  }
}
