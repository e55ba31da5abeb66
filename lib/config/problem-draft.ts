import type { ConfigProblem } from './config-error';

/** A problem before the validator stamps the environment (and database name) on it. */
export type ProblemDraft = Omit<ConfigProblem, 'environment' | 'database'> & { readonly database?: string };
