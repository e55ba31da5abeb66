/**
 * The access plan of an RDS instance or Aurora cluster (issue #20): what the provisioning engine applies, who consumes
 * each role, and where the connection contract is written. Every PostgreSQL and MySQL-family database has one — the
 * tier defaults (audit role, audit and statistics extensions) apply even without declared roles.
 */
import type { ResolvedAuroraCluster, ResolvedRdsInstance } from '../config/resolved-environment';
import { declaredAccessOf } from '../provisioning/declared-access-of';
import type { DeclaredAccess } from '../provisioning/declared-access';

export interface DatabaseAccessPlan {
  readonly declared: DeclaredAccess;
  /** IAM role ARNs by database role name (roles without consumers are left out). */
  readonly consumers: Readonly<Record<string, readonly string[]>>;
  /** `/<env>/databases/<name>`: the connection contract's SSM path. */
  readonly contractPath: string;
}

export const connectionContractPath = (environment: string, database: string) => `/${environment}/databases/${database}`;

/** Undefined for SQL Server and Oracle, which the engine does not provision. */
export function planDatabaseAccess(environment: string, db: ResolvedRdsInstance | ResolvedAuroraCluster): DatabaseAccessPlan | undefined {
  const declared = declaredAccessOf(db);
  if (!declared) return undefined;
  return {
    declared,
    consumers: Object.fromEntries(db.roles.filter((role) => role.consumers.length > 0).map((role) => [role.name, role.consumers])),
    contractPath: connectionContractPath(environment, db.name),
  };
}
