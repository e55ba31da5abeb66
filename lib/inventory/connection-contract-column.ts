/**
 * The inventory's connection-contract column for an RDS instance or Aurora cluster: the SSM path and the keys the
 * DatabaseAccess construct writes under it (constructs/aws/database-access/connection-contract.ts).
 */
import { connectionContractKeys } from '../../constructs/aws/database-access/tables/connection-contract-keys';
import type { DatabaseAccessPlan } from '../plan/database-access-plan';

export interface ContractEndpoints {
  /** Aurora always; an RDS instance with a same-region replica. */
  readonly readerEndpoint: boolean;
  readonly proxyEndpoint: boolean;
}

/** `/<env>/databases/<name>/: endpoint, port, …`, or none for a database without access (SQL Server, Oracle). */
export function awsConnectionContract(access: DatabaseAccessPlan | undefined, endpoints: ContractEndpoints): string[] {
  if (!access) return [];
  const { declared } = access;
  const keys = connectionContractKeys({
    ...endpoints,
    databases: declared.databases.length > 0,
    passwordRoles: declared.roles.filter((role) => role.auth === 'password' && role.createdBy === 'engine').map((role) => role.name),
    iamRoles: declared.roles.filter((role) => role.auth === 'iam').map((role) => role.name),
  });
  return [`${access.contractPath}/: ${keys.join(', ')}`];
}
