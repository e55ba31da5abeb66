/**
 * What a Cloud SQL instance holds for its applications, planned once: logical databases, a built-in user per
 * `password` role with its secret, an IAM database user per consumer of an `iam` role, the connection contract (one
 * secret per key, docs/database-access-gcp.md) and what `dbctl provision` applies (DeclaredAccess).
 */
import { CLOUD_SQL_CLIENT_ROLE, CLOUD_SQL_INSTANCE_USER_ROLE } from '../../../constructs/gcp/tables/cloud-sql-iam-users';
import type { CloudSqlEngine } from '../../../constructs/gcp/tables/cloud-sql-choices';
import type { ResolvedCloudSqlInstance, ResolvedEnvironment } from '../../config/resolved-environment';
import { gcpContractSecretId } from '../../naming/names';
import type { CloudSqlAccessPlan, ContractKeyPlan, ContractValue, ProjectGrant } from '../../plan/plan-types';
import { cloudSqlIamUserName, declaredAccessOf } from '../../provisioning/declared-access-of';

/**
 * The port each engine listens on over private IP: the engines' defaults, which Cloud SQL keeps ("Connect to an
 * instance using private IP", Cloud SQL docs: psql/mysql/sqlcmd examples connect to 5432, 3306 and 1433).
 */
export const CLOUD_SQL_PORTS: Readonly<Record<CloudSqlEngine, number>> = { postgres: 5432, mysql: 3306, sqlserver: 1433 };

export function planCloudSqlAccess(env: ResolvedEnvironment, db: ResolvedCloudSqlInstance, instanceName: string): CloudSqlAccessPlan {
  const declared = declaredAccessOf(db);
  const connectionName = `${env.gcp!.projectId}:${db.region}:${instanceName}`;
  const secretId = (key: string) => gcpContractSecretId(env.name, db.name, key);
  const databases = declared?.databases ?? [];
  const passwordRoles = db.roles.filter((role) => role.auth === 'password');
  const iamRoles = db.roles.filter((role) => role.auth === 'iam');
  const dialect = declared?.dialect;

  const iamAccounts = [...new Set(iamRoles.flatMap((role) => role.consumers))].sort();
  const iamUsers = dialect
    ? iamAccounts.map((serviceAccount) => ({
        serviceAccount,
        databaseUser: cloudSqlIamUserName(serviceAccount, dialect),
        roles: iamRoles.filter((role) => role.consumers.includes(serviceAccount)).map((role) => role.name),
      }))
    : [];
  const userOf = (role: (typeof db.roles)[number]) =>
    role.auth === 'password' || !dialect ? role.name : role.consumers.map((email) => cloudSqlIamUserName(email, dialect)).join(',');

  const text = (value: string | number): ContractValue => ({ text: String(value) });
  const contract: ContractKeyPlan[] = [
    { key: 'connection-name', secretId: secretId('connection-name'), value: text(connectionName) },
    { key: 'private-ip', secretId: secretId('private-ip'), value: { instanceAttribute: 'privateIpAddress' } },
    { key: 'port', secretId: secretId('port'), value: text(CLOUD_SQL_PORTS[db.engine]) },
    { key: 'engine', secretId: secretId('engine'), value: text(db.engine) },
    ...(databases.length > 0 ? [{ key: 'databases', secretId: secretId('databases'), value: text(databases.join(',')) }] : []),
    // Secret ids take `_`, so a role name is used as it is.
    ...db.roles.map((role) => ({ key: `user-${role.name}`, secretId: secretId(`user-${role.name}`), value: text(userOf(role)) })),
  ];
  return {
    declared,
    connectionName,
    databases,
    passwordUsers: passwordRoles.map((role) => ({ role: role.name, secretId: secretId(`password-${role.name}`), consumers: role.consumers })),
    iamUsers,
    contract,
    consumers: [...new Set(db.roles.flatMap((role) => role.consumers))].sort(),
  };
}

/**
 * The project roles a database's consumers need: the Cloud SQL client role for every consumer (the connectors fetch
 * the instance's address and certificate with cloudsql.instances.connect), and instanceUser for IAM logins
 * ("Manage users with IAM database authentication": cloudsql.instances.login). Project-level, so the foundation holds
 * each grant once: two stacks with the same google_project_iam_member would revoke it for both when one is destroyed.
 */
export function cloudSqlProjectGrants(access: CloudSqlAccessPlan): ProjectGrant[] {
  return [
    ...access.consumers.map((email) => ({ role: CLOUD_SQL_CLIENT_ROLE, member: `serviceAccount:${email}` })),
    ...access.iamUsers.map((user) => ({ role: CLOUD_SQL_INSTANCE_USER_ROLE, member: `serviceAccount:${user.serviceAccount}` })),
  ];
}
