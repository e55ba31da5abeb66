/**
 * Imported first by every command (the CDK and CDKTF apps, guard, inventory): an error the user can fix prints as
 * its message alone — the configuration block, a usage line, CDK's validation report — and the command exits 1,
 * with no Node stack trace or object dump. Anything else is a bug of ours and keeps its stack.
 */
import { ConfigError, UsageError } from '../config/config-error';

/** CDK's construct and template validation errors (their report is already on stderr or in the message). */
const isCdkValidationError = (error: Error) => /ValidationError$/.test(error.constructor?.name ?? '') || error.name === 'ValidationError';

export function isUserError(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof UsageError || (error instanceof Error && isCdkValidationError(error));
}

process.on('uncaughtException', (error) => {
  console.error(isUserError(error) ? error.message : error);
  process.exit(1);
});
