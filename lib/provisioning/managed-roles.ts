/**
 * The roles whose privileges the engine reconciles, dialect-neutral: the declared roles that exist (or that it
 * creates), the rotation clones of declared password roles (they get the same grants), and the engine-created roles
 * being dropped (they get no access anywhere, so every privilege they hold in declared databases is revoked first).
 * A removed role that is only disabled keeps its grants and is not in this list.
 */
import type { RoleAccessLevel } from '../../config/schema/database-access';
import type { DeclaredAccess, DeclaredRole } from './declared-access';
import { rotationCloneOf } from './engine-marker';

export interface ManagedRole {
  readonly name: string;
  /** The access level per logical database; a database not in the map: no access there. */
  readonly access: ReadonlyMap<string, RoleAccessLevel>;
}

export const accessOf = (role: DeclaredRole): Map<string, RoleAccessLevel> => new Map(role.databases.map((database) => [database, role.access]));

/**
 * The removed roles: engine-created, not declared, not the audit role. Each with its rotation clone when that exists.
 */
export function removedRoles(declared: DeclaredAccess, engineCreated: readonly string[], exists: (name: string) => boolean): string[] {
  const declaredNames = new Set([...declared.roles.map((r) => r.name), ...(declared.auditRole ? [declared.auditRole] : [])]);
  const removed = engineCreated.filter((name) => !declaredNames.has(name)).sort();
  return removed.flatMap((name) => (exists(rotationCloneOf(name)) ? [name, rotationCloneOf(name)] : [name]));
}

/** Declared roles, each followed by its rotation clone where one exists (password roles only: the rotation makes it). */
export function declaredWithClones(declared: DeclaredAccess, exists: (name: string) => boolean): { role: DeclaredRole; clone: boolean }[] {
  return declared.roles.flatMap((role) => {
    const clone = rotationCloneOf(role.name);
    const withClone = role.auth === 'password' && exists(clone) && !declared.roles.some((r) => r.name === clone);
    return withClone
      ? [
          { role, clone: false },
          { role: { ...role, name: clone, createdBy: 'platform' as const, members: [] }, clone: true },
        ]
      : [{ role, clone: false }];
  });
}

/** Users the platform creates (Cloud SQL: Terraform's google_sql_user), present before the engine runs: offline plans assume them. */
export function platformUsersOf(declared: DeclaredAccess): string[] {
  return [...new Set(declared.roles.flatMap((role) => [...(role.createdBy === 'platform' ? [role.name] : []), ...role.members]))];
}
