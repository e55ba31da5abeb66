/**
 * Turns AWS SDK errors into messages an operator can act on. Only the error's name, its service message and the
 * call we made are shown: never a request, a header or a credential.
 */
import { accessError, OperationError, serviceError } from '../operation-error';

/** What we were doing when the call failed, for the message. */
export interface AwsCallContext {
  /** `rds:DescribeDBInstances`: the IAM action, so the message names the missing permission. */
  readonly action: string;
  readonly region: string;
  /** The resource the call was about, e.g. an RDS identifier. */
  readonly resource?: string;
  /** `--endpoint-url`, when given, so an unreachable local endpoint is named. */
  readonly endpoint?: string;
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
  'KMSAccessDeniedException',
  'KMSAccessDeniedFault',
]);
const CREDENTIALS_REJECTED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
]);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
]);

/** The error's name as the SDK reports it (`name`, or a Node system error's `code`). */
export function awsErrorName(error: unknown): string {
  const e = error as { name?: string; code?: string; Code?: string };
  if (e?.code && UNREACHABLE.has(e.code)) return e.code;
  return e?.name ?? e?.Code ?? 'Error';
}

/** True for the "no such resource" errors of the services we call. */
export function isNotFound(error: unknown): boolean {
  const name = awsErrorName(error);
  return /NotFound/.test(name) || name === 'ResourceNotFoundException';
}

/**
 * What the SDK reports when the body is not an AWS API response (an HTML error page of a proxy or load balancer):
 * the query protocol's `Unknown`, the JSON protocols' `SyntaxError`, or a deserialization error.
 */
const NOT_AN_API_RESPONSE = new Set(['Unknown', 'UnknownError', 'SyntaxError', 'DeserializationError']);

function httpStatus(error: unknown): number | undefined {
  const e = error as { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } };
  return e?.$metadata?.httpStatusCode ?? e?.$response?.statusCode;
}

export function describeAwsError(error: unknown, context: AwsCallContext): OperationError {
  if (error instanceof OperationError) return error;
  const name = awsErrorName(error);
  const attempts = (error as { $metadata?: { attempts?: number } })?.$metadata?.attempts;
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  const where = `${context.action}${context.resource ? ` on ${context.resource}` : ''} in ${context.region}`;
  const detail = serviceMessage(error);
  if (ACCESS_DENIED.has(name)) {
    return accessError(`Access denied: ${where} (${name}). The credentials in use need ${context.action}; see docs/operations.md, "Permissions".`);
  }
  if (CREDENTIALS_REJECTED.has(name)) {
    return accessError(
      `AWS rejected the credentials for ${where} (${name}). Check AWS_PROFILE or the AWS_ACCESS_KEY_ID in use, ` +
        `refresh an expired session (aws sso login), and check that ${context.region} is enabled for the account.`,
    );
  }
  if (name === 'CredentialsProviderError') {
    return accessError('No AWS credentials found. Set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or log in with aws sso login.');
  }
  if (THROTTLED.has(name)) {
    return accessError(`AWS kept throttling ${where}${attempts ? ` after ${tries}` : ''} (${name}). Try again later, or raise AWS_MAX_ATTEMPTS.`);
  }
  if (UNREACHABLE.has(name)) {
    const target = context.endpoint ? `the endpoint ${context.endpoint}` : `the ${context.action.split(':')[0]} endpoint of ${context.region}`;
    const why = name === 'ETIMEDOUT' || name === 'TimeoutError' ? `${name}: ${detail || 'timed out'}` : name;
    return accessError(
      `Could not reach ${target} for ${where} (${why}${attempts ? `, ${tries}` : ''}). Check --endpoint-url / AWS_ENDPOINT_URL, the region and the network.`,
    );
  }
  const status = httpStatus(error);
  if (status !== undefined && (NOT_AN_API_RESPONSE.has(name) || /Deserialization error/i.test(detail))) {
    // Never the body: an HTML page says nothing an operator can act on, and a proxy's page may echo the request.
    const answer = `HTTP ${status} from the ${context.action.split(':')[0]} endpoint (not an AWS API response${attempts ? `; ${tries}` : ''})`;
    const kind = status >= 500 ? serviceError : accessError;
    return kind(`${where} failed: ${answer}.${status >= 500 ? '' : ' Check --endpoint-url / AWS_ENDPOINT_URL and any proxy in between.'}`);
  }
  return serviceError(`${where} failed: ${name}${detail ? `: ${detail}` : ''}`);
}

function serviceMessage(error: unknown): string {
  const message = (error as { message?: string })?.message ?? '';
  // A service message is one sentence about the request; anything longer is not ours to print.
  return message.split('\n')[0].slice(0, 300);
}
