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
