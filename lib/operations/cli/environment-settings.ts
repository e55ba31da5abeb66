/**
 * The environment variables that tune dbctl's AWS calls, checked like options: a value out of range is a usage error
 * that names the variable, the value and what is allowed, never silently replaced by a default.
 */
import type { AwsClientOptions } from '../aws/aws-clients';
import { usageError } from '../operation-error';

/**
 * AWS_MAX_ATTEMPTS (the SDK's own variable): attempts per call, including the first. 20 attempts of at most 30 s
 * each, with backoff, already hold one call for over 10 minutes; more only hides an outage.
 */
export const MAX_ATTEMPTS_LIMIT = 20;
/** DBCTL_ATTEMPT_TIMEOUT_SECONDS: the deadline of one HTTP attempt. */
export const ATTEMPT_TIMEOUT_LIMIT_SECONDS = 300;

export function clientSettingsFromEnvironment(env: NodeJS.ProcessEnv): Pick<AwsClientOptions, 'maxAttempts' | 'attemptTimeoutMs'> {
  const maxAttempts = wholeNumber(env, 'AWS_MAX_ATTEMPTS', 1, MAX_ATTEMPTS_LIMIT, 'attempts per AWS call, including the first');
  const attemptSeconds = wholeNumber(env, 'DBCTL_ATTEMPT_TIMEOUT_SECONDS', 1, ATTEMPT_TIMEOUT_LIMIT_SECONDS, 'seconds one HTTP attempt may take');
  return {
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(attemptSeconds !== undefined ? { attemptTimeoutMs: attemptSeconds * 1000 } : {}),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, max: number, meaning: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(value >= min && value <= max)) {
    throw usageError(
      `Invalid ${name} '${text}': expected a whole number from ${min} to ${max} (${meaning}). Unset it for the default, or set a value in range.`,
    );
  }
  return value;
}
