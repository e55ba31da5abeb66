/**
 * The keys of a database's connection contract (docs/database-access-aws.md), as data: the inventory lists them and
 * the DatabaseAccess construct writes them. No CDK import, so the inventory loads no cloud library.
 */

/** The contract's keys for a database: what the inventory lists and the construct writes. */
export interface ContractShape {
  readonly readerEndpoint: boolean;
  readonly proxyEndpoint: boolean;
  readonly databases: boolean;
  readonly passwordRoles: readonly string[];
  readonly iamRoles: readonly string[];
}

export function connectionContractKeys(shape: ContractShape): string[] {
  return [
    'endpoint',
    ...(shape.readerEndpoint ? ['reader-endpoint'] : []),
    'port',
    'engine',
    ...(shape.databases ? ['databases'] : []),
    ...(shape.proxyEndpoint ? ['proxy-endpoint'] : []),
    ...shape.passwordRoles.map((role) => `secret-arn/${role}`),
    ...shape.iamRoles.map((role) => `iam-user/${role}`),
  ];
}
