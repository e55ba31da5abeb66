/**
 * Errors that stop a command before it can give a verdict: a bad command line or config (`usage`), or an account
 * we cannot read (`access`: denied, rejected credentials, unreachable endpoint, throttled past every retry).
 * Both exit with code 2, so CI can tell "the databases drifted" (1) from "dbctl could not look" (2).
 */

export type OperationErrorKind = 'usage' | 'access';

export class OperationError extends Error {
  constructor(
    readonly kind: OperationErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

export const usageError = (message: string) => new OperationError('usage', message);
export const accessError = (message: string) => new OperationError('access', message);
