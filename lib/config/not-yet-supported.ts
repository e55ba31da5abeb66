/**
 * What the schema accepts but no construct renders yet. The loader rejects these so that no setting is ever
 * silently ignored; each entry goes away when a construct starts rendering it.
 */
import { RENDERED_RDS_ENGINES } from '../../constructs/aws/rds-engine-table';
import { RENDERED_CLOUD_SQL_ENGINES } from '../../constructs/gcp/cloud-sql-engine-table';
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
  {
    field: 'engine',
    applies: (db) => db.kind === 'rds-instance' && !RENDERED_RDS_ENGINES.includes(db.engine),
    value: (db) => (db.kind === 'rds-instance' ? db.engine : undefined),
    what: `this RDS engine is not supported yet (supported today: ${RENDERED_RDS_ENGINES.join(', ')})`,
    fix: `use engine '${RENDERED_RDS_ENGINES[0]}' or remove the database`,
  },
  {
    field: 'engine',
    applies: (db) => db.kind === 'cloudsql-instance' && !RENDERED_CLOUD_SQL_ENGINES.includes(db.engine),
    value: (db) => (db.kind === 'cloudsql-instance' ? db.engine : undefined),
    what: `this Cloud SQL engine is not supported yet (supported today: ${RENDERED_CLOUD_SQL_ENGINES.join(', ')})`,
    fix: `use engine '${RENDERED_CLOUD_SQL_ENGINES[0]}' or remove the database`,
  },
  {
    field: 'replicas',
    applies: (db) => (db.kind === 'rds-instance' || db.kind === 'cloudsql-instance') && db.replicas.length > 0,
    value: (db) => ('replicas' in db ? db.replicas : undefined),
    what: 'read replicas are not supported yet',
    fix: 'remove replicas until replica support lands',
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
