/**
 * What the schema accepts but no construct renders yet. The loader rejects these so that no setting is ever
 * silently ignored; each entry goes away when a construct starts rendering it.
 */
import type { ProblemDraft } from './problem-draft';
import type { ResolvedDatabase } from './resolved-environment';

interface Unsupported {
  readonly field: string;
  readonly applies: (db: ResolvedDatabase) => boolean;
  readonly value: (db: ResolvedDatabase) => unknown;
  readonly what: string;
  readonly fix: string;
}

// Empty since Aurora clusters render (issue #4); the mechanism stays for the next kind.
const UNSUPPORTED: readonly Unsupported[] = [];

export function notYetSupported(databases: readonly ResolvedDatabase[]): ProblemDraft[] {
  return databases.flatMap((db, index) =>
    UNSUPPORTED.filter((entry) => entry.applies(db)).map((entry) => ({
      database: db.name,
      path: ['databases', index, entry.field],
      value: entry.value(db),
      message: entry.what,
      fix: entry.fix,
    })),
  );
}
