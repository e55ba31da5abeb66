import type { PolicyRule } from '../policy-rule';

/**
 * Applications connect as roles declared for them, not as the master user (issue #20): a production relational
 * database declares at least one role an application can use that cannot alter or drop the schema — `read-write` or
 * `read-only`. An `owner` role is for migrations. Not checked where roles cannot be declared yet (SQL Server, Oracle)
 * nor on kinds without database users (DynamoDB, the caches).
 */
export const leastPrivilege: PolicyRule = {
  id: 'least-privilege',
  title: 'Production applications connect as declared roles, not the master user',
  tiers: ['production'],
  check: ({ applicationRoles }) => {
    if (!applicationRoles) return undefined;
    const setting = { value: applicationRoles.value.map((role) => role.name), path: applicationRoles.path };
    if (setting.value.length === 0) {
      return {
        setting,
        message: 'declares no roles, so applications would connect as the master user',
        fix: "declare a role for each application in roles, such as { name: 'orders_app', access: 'read-write', consumers: [<its IAM role or service account>] }",
      };
    }
    if (applicationRoles.value.every((role) => role.access === 'owner')) {
      return {
        setting,
        message: 'declares only owner roles, which can alter and drop every object; applications need a read-write or read-only role',
        fix: "add a 'read-write' or 'read-only' role for the applications and keep the owner for migrations",
      };
    }
    return undefined;
  },
};
