/**
 * Where applications read how to reach a database: SSM String parameters under `/<env>/databases/<name>/`
 * (docs/database-access-aws.md). Names and values only; no password is ever written here (a password role's entry is
 * its secret's ARN).
 */
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export interface ConnectionContractProps {
  /** `/<env>/databases/<name>`, no trailing slash. */
  readonly path: string;
  /** Every key under the path and its value (tokens allowed). */
  readonly entries: Readonly<Record<string, string>>;
}

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

export class ConnectionContract extends Construct {
  readonly parameters: readonly ssm.StringParameter[];

  constructor(scope: Construct, id: string, props: ConnectionContractProps) {
    super(scope, id);
    this.parameters = Object.entries(props.entries).map(
      ([key, value]) =>
        // Construct ids cannot hold the path separator; the parameter name keeps it.
        new ssm.StringParameter(this, key.replace('/', '-'), {
          parameterName: `${props.path}/${key}`,
          stringValue: value,
          description: `Connection contract of ${props.path}: ${key}`,
        }),
    );
  }
}
