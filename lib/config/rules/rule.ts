import type { ProblemDraft } from '../problem-draft';
import type { ResolvedEnvironment } from '../resolved-environment';

/** A cross-field rule: what the schema alone cannot say. Returns every problem it finds. */
export type Rule = (env: ResolvedEnvironment) => ProblemDraft[];
