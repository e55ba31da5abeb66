/**
 * What DatabaseAccess reads of the provisioning engine's input (DeclaredAccess, lib/provisioning/declared-access.ts):
 * the logical databases and, per role, its name, how it authenticates and who creates it. The construct passes the
 * whole object to the handler as JSON; it is typed here structurally so the library layer does not depend on lib/.
 */
export interface DeclaredRoleInput {
  readonly name: string;
  readonly auth: 'password' | 'iam';
  /** `engine`: the provisioning engine creates the role (a password role then gets a secret). */
  readonly createdBy: 'engine' | 'platform';
}

export interface DeclaredAccessInput {
  readonly databases: readonly string[];
  readonly roles: readonly DeclaredRoleInput[];
}
