/** Builders of DeclaredAccess for the engine's tests: one role line per role, defaults for the rest. */
import type { DeclaredAccess, DeclaredRole } from '../../../lib/provisioning/declared-access';

export function role(name: string, access: DeclaredRole['access'], databases: readonly string[], more: Partial<DeclaredRole> = {}): DeclaredRole {
  return { name, access, databases, auth: 'password', createdBy: 'engine', members: [], ...more };
}

export function declared(more: Partial<DeclaredAccess> & Pick<DeclaredAccess, 'dialect' | 'databases' | 'roles'>): DeclaredAccess {
  return { platform: 'self-managed', engineVersion: more.dialect === 'postgresql' ? '17' : '10.11', extensions: [], roleRemoval: 'disable', ...more };
}

/** A password with the characters quoting must survive (quote, backslash). */
export const passwordOf = async (name: string) => `s3cr'et\\${name}`;

/** Statements that would destroy data: the engine must never plan one (DROP ROLE/USER of an empty role is allowed). */
export const DATA_DROPPING =
  /\b(DROP\s+(DATABASE|SCHEMA|TABLE|EXTENSION|VIEW|MATERIALIZED|SEQUENCE|INDEX|OWNED|FUNCTION|PROCEDURE|TRIGGER|EVENT)|TRUNCATE|REASSIGN)\b/i;
