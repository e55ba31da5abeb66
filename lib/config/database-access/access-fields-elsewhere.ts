/**
 * The database-access fields (extensions, databases, roles, roleRemoval) written on a kind that has none: the schema
 * reports them as unknown keys, and this says why and what to do instead, by kind.
 */
import type { DatabaseKind } from '../../../config/schema';
import type { PathProblem } from '../../../constructs/common/path-problem';

const ACCESS_FIELDS = ['extensions', 'databases', 'roles', 'roleRemoval'] as const;
const RELATIONAL_KINDS = 'rds-instance, aurora-cluster, cloudsql-instance';

/** How access is granted instead, for each kind without database-access fields. */
const INSTEAD: Partial<Record<DatabaseKind, { readonly why: string; readonly fix: string }>> = {
  'dynamodb-table': {
    why: 'a DynamoDB table has no users, databases or extensions; applications are granted access with IAM policies on the table',
    fix: "grant the application's IAM role access to the table in the application's own stack",
  },
  'elasticache-cluster': {
    why: 'ElastiCache users and user groups (RBAC) are not declared by this project yet; clients are admitted by allowedCidrs and TLS',
    fix: 'admit the application with allowedCidrs',
  },
  'memorystore-instance': {
    why: 'a Memorystore for Redis instance has no database users or roles; clients are admitted by the private network',
    fix: "connect from the environment's private network",
  },
};

/**
 * The message for `key` written on a database of `kind`, or undefined when the key is not a database-access field
 * or the kind has them (then the schema's own message stands).
 */
export function accessFieldElsewhere(kind: unknown, key: string, source: string): Omit<PathProblem, 'path' | 'value'> | undefined {
  if (!(ACCESS_FIELDS as readonly string[]).includes(key)) return undefined;
  const instead = INSTEAD[kind as DatabaseKind];
  if (!instead) return undefined;
  return {
    message: `${kind as string} has no ${key}: extensions, databases, roles and roleRemoval are for relational databases (${RELATIONAL_KINDS}); ${instead.why}`,
    fix: `remove '${key}' from ${source}; ${instead.fix}`,
  };
}
