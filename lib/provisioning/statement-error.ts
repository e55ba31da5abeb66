/**
 * The error a failed statement becomes: which statement (printed form: passwords redacted), where, and the server's
 * own message, with any password the statement carried blanked out of it too (servers rarely echo one, but a
 * syntax error near a literal could).
 */
import type { EngineStatement } from './engine-statement';

export class ProvisioningStatementError extends Error {
  constructor(
    readonly statement: EngineStatement,
    serverMessage: string,
  ) {
    super(
      `Provisioning statement failed${statement.database === undefined ? '' : ` in database ${statement.database}`}: ${statement.sql}\n  (${statement.why})\n  Server said: ${serverMessage}`,
    );
    this.name = 'ProvisioningStatementError';
  }
}

export function redactSecret(text: string, secret: string | undefined): string {
  return secret === undefined || secret === '' ? text : text.split(secret).join('***');
}
