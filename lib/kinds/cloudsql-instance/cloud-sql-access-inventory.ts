/**
 * A Cloud SQL instance's users and connection contract as inventory lines: who logs in how, and the Secret Manager
 * secret of each contract key (docs/database-access-gcp.md).
 */
import type { CloudSqlAccessPlan } from '../../plan/plan-types';

export function cloudSqlAccessLines(access: CloudSqlAccessPlan): string[] {
  return [
    ...access.passwordUsers.map((user) => `user ${user.role}: password in \`${user.secretId}\``),
    ...access.iamUsers.map((user) => `user ${user.databaseUser}: IAM (${user.serviceAccount}), roles ${user.roles.join(', ')}`),
    `contract: ${access.contract.map((entry) => `\`${entry.secretId}\``).join(', ')}`,
  ];
}
