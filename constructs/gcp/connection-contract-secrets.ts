/**
 * A database's connection contract as Secret Manager secrets, one per key (what AWS publishes as SSM parameters): an
 * application reads where its database is — connection name, private address, port, engine, database and user names —
 * with the same client and permission it reads its password with. The values are not credentials: they are written
 * with `secret_data` and are visible in the Terraform state.
 */
import { Construct } from 'constructs';
import { RegionalSecret } from './regional-secret';

export interface ContractEntry {
  /** Secret id, e.g. `prod-databases-ledger-connection-name`. */
  readonly secretId: string;
  /** The value; a Terraform reference (the instance's private IP) is resolved at apply. */
  readonly value: string;
}

export interface ConnectionContractSecretsProps {
  readonly project: string;
  readonly region: string;
  readonly kmsKeyName: string;
  readonly entries: readonly ContractEntry[];
  /** Service accounts that may read every entry. */
  readonly readers: readonly string[];
  readonly deletionProtection: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export class ConnectionContractSecrets extends Construct {
  readonly secrets: readonly RegionalSecret[];

  constructor(scope: Construct, id: string, props: ConnectionContractSecretsProps) {
    super(scope, id);
    // Named by the secret id, so adding a role's keys never touches another key.
    this.secrets = props.entries.map(
      (entry) =>
        new RegionalSecret(this, entry.secretId, {
          project: props.project,
          secretId: entry.secretId,
          region: props.region,
          kmsKeyName: props.kmsKeyName,
          data: { plain: entry.value },
          readers: props.readers,
          deletionProtection: props.deletionProtection,
          labels: props.labels,
        }),
    );
  }
}
