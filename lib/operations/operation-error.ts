/**
 * Errors that stop a command before it can give a verdict: a bad command line or config (`usage`), an account we
 * cannot use (`access`: denied, rejected credentials, unreachable endpoint, throttled past every retry), or a
 * service that refused a call for another reason (`service`). verify exits 2 on any of them, so CI can tell
 * "the databases drifted" (1) from "dbctl could not look" (2). A drill whose restore the service refuses has
 * failed (1): that is what a drill is for.
 */

export type OperationErrorKind = 'usage' | 'access' | 'service';

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
export const serviceError = (message: string) => new OperationError('service', message);
