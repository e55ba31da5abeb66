/**
 * Naming rules shared by every cloud. A database identifier ends up in RDS identifiers (1–63 chars),
 * Cloud SQL instance names (≤ 98 chars), stack names and KMS aliases, so it follows the strictest of them.
 */

export const IDENTIFIER_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Returns why `value` is not a valid identifier of at most `maxLength` characters, or undefined when it is. */
export function identifierProblem(value: string, maxLength: number): string | undefined {
  if (value.length === 0 || value.length > maxLength) {
    return `must be 1–${maxLength} characters long (it has ${value.length})`;
  }
  if (!IDENTIFIER_PATTERN.test(value)) {
    return 'must start with a lowercase letter and contain only lowercase letters, digits and hyphens';
  }
  if (value.includes('--')) return 'must not contain two consecutive hyphens';
  if (value.endsWith('-')) return 'must not end with a hyphen';
  return undefined;
}

/** RDS DB instance and cluster identifiers: 1–63 characters. */
export const RDS_IDENTIFIER_MAX_LENGTH = 63;
/** Cloud SQL instance names: at most 98 characters. */
export const CLOUD_SQL_NAME_MAX_LENGTH = 98;
