/** The text `dbctl provision` prints: a header saying what the SQL was computed against, then each database's SQL. */
import { AT_DEPLOY_NOTE } from './provision-targets';
import type { DatabaseProvisionResult, ProvisionMode, ProvisionResult } from './run-provision';

const HEADERS: Readonly<Record<ProvisionMode, string>> = {
  offline:
    'dry run against an EMPTY server, without a connection: the SQL provisioning a new instance would run. A live instance may need less; add --admin-user <database user> to compare with it.',
  'dry-run': 'dry run against the live instance: nothing was changed.',
  apply: 'applied to the live instance.',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function provisionReportText(result: ProvisionResult): string {
  const lines = [`Provision ${result.environment}: ${plural(result.databases.length, 'Cloud SQL database')}, ${HEADERS[result.mode]}`];
  for (const db of result.databases) lines.push('', ...databaseLines(db, result.mode));
  for (const skipped of result.skipped) lines.push('', `${skipped.name}: skipped (${skipped.reason}).`);
  if (result.atDeploy.length > 0) lines.push('', `${result.atDeploy.join(', ')}: ${AT_DEPLOY_NOTE}`);
  if (result.databases.length === 0 && result.skipped.length === 0)
    lines.push('', `Environment '${result.environment}' has no Cloud SQL databases: nothing to provision.`);
  return lines.join('\n');
}

function databaseLines(db: DatabaseProvisionResult, mode: ProvisionMode): string[] {
  const title = `-- ${db.name} (${db.connectionName}, ${db.dialect})`;
  if (db.error !== undefined) return [title, `-- FAILED: ${db.error}`];
  const statements = db.statements.flatMap((statement) => [
    `-- ${statement.why}${statement.database ? ` [in database ${statement.database}]` : ''}`,
    statement.sql.endsWith(';') ? statement.sql : `${statement.sql};`,
  ]);
  const summary =
    db.statements.length === 0
      ? '-- Nothing to do: the server already matches the config.'
      : `-- ${plural(db.statements.length, 'statement')}${mode === 'apply' ? (db.applied ? ', applied' : ', NOT applied') : ''}.`;
  return [title, ...statements, summary, ...db.notices.map((notice) => `-- Notice: ${notice}`)];
}
