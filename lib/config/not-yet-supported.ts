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

const UNSUPPORTED: readonly Unsupported[] = [
  {
    field: 'kind',
    applies: (db) => db.kind === 'aurora-cluster',
    value: (db) => db.kind,
    what: 'this database kind is not supported yet (supported today: rds-instance, dynamodb-table, cloudsql-instance)',
    fix: 'remove the database until its construct lands',
  },
];

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
