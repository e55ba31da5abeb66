/**
 * A stand-in for the provisioning engine, for dbctl run as a process (`node -r <this file> bin/dbctl.ts`): the real
 * engine lives on its own branch, so the process tests replace its exports before dbctl loads them. planFromNothing
 * returns one statement per logical database and per role, derived from the DeclaredAccess it is given, so a test
 * sees that dbctl passed the right input; provisionDatabase must not be reached by these tests (no server).
 */
import type { DeclaredAccess } from '../../../lib/provisioning/declared-access';
import type { PlannedStatement } from '../../../lib/provisioning/provisioning-api';

export function fakePlanFromNothing(declared: DeclaredAccess): PlannedStatement[] {
  return [
    ...declared.databases.map((database) => ({ sql: `CREATE DATABASE ${database}`, why: `database ${database} is missing` })),
    ...declared.roles.map((role) => ({
      sql: `GRANT ${role.access} ON ${role.databases.join(',')} TO ${role.name}${role.members.length > 0 ? ` /* members: ${role.members.join(',')} */` : ''}`,
      why: `role ${role.name} (${role.createdBy}) has no grants`,
    })),
  ];
}

// Loaded with -r: replace the engine's exports before dbctl imports them (it reads them at call time). require, not
// import: an import binding is read-only, and the point is to overwrite the module's exports object.
if (require.main !== module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const planModule = require('../../../lib/provisioning/plan-from-nothing');
  planModule.planFromNothing = fakePlanFromNothing;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const provisionModule = require('../../../lib/provisioning/provision-database');
  provisionModule.provisionDatabase = async () => {
    throw new Error('fake engine: provisionDatabase needs a server, which the process tests do not have');
  };
}
