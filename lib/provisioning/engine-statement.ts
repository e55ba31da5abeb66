/**
 * A planned statement as the engine keeps it: the printed (redacted) SQL of PlannedStatement, plus, for a statement
 * that sets a password, how to render the text that actually runs once the password is known. The planner never sees
 * a password, so a plan can be printed, logged or returned as custom-resource data without leaking one.
 */
import type { PlannedStatement } from './provisioning-api';

/** What a redacted password literal prints as (the contract's `'***'`). */
export const REDACTED_PASSWORD = "'***'";

export interface EngineStatement extends PlannedStatement {
  /** Present when the SQL carries a password: the role whose password it is, and the text to run given the quoted literal. */
  readonly secret?: { readonly role: string; readonly render: (quotedPassword: string) => string };
}

export function statement(database: string | undefined, sql: string, why: string): EngineStatement {
  return database === undefined ? { sql, why } : { database, sql, why };
}

/** A statement holding a password: `render` builds the SQL around a quoted literal; the printed SQL gets `'***'`. */
export function statementWithPassword(role: string, render: (quotedPassword: string) => string, why: string): EngineStatement {
  return { sql: render(REDACTED_PASSWORD), why, secret: { role, render } };
}

/** The public view of planned statements (no render functions): what dry runs print and reports carry. */
export function printable(statements: readonly EngineStatement[]): PlannedStatement[] {
  return statements.map(({ database, sql, why }) => (database === undefined ? { sql, why } : { database, sql, why }));
}
