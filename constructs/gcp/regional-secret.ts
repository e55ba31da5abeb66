/**
 * A Secret Manager secret kept in one region and encrypted with that region's customer-managed key, with one version
 * and the service accounts allowed to read it. Usable on its own: typed props, no config.
 *
 * - User-managed replication in the key's region: "For secrets using the UserManaged replication policy type, Cloud
 *   KMS CryptoKeys must reside in the same location as the replica location" (Secret Manager API reference,
 *   CustomerManagedEncryption.kms_key_name). The project's Secret Manager service agent
 *   (`service-<project number>@gcp-sa-secretmanager.iam.gserviceaccount.com`) needs cryptoKeyEncrypterDecrypter on
 *   the key ("Enable customer-managed encryption keys for Secret Manager"); the environment's foundation grants it.
 * - A credential is written with `secret_data_wo` (write-only, Terraform >= 1.11): the version's payload is not kept in
 *   the Terraform state. Plain contract values (a connection name, an address) use `secret_data`.
 */
import { Construct } from 'constructs';
import { SecretManagerSecret } from '@cdktf/provider-google/lib/secret-manager-secret';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { SecretManagerSecretVersion } from '@cdktf/provider-google/lib/secret-manager-secret-version';

/** What any reader of a secret gets: the payload of its versions, nothing else. */
export const SECRET_ACCESSOR_ROLE = 'roles/secretmanager.secretAccessor';

export interface RegionalSecretProps {
  readonly project: string;
  /** Secret id: 1–255 of `[A-Za-z0-9_-]` (Secret Manager API reference, Secret name). */
  readonly secretId: string;
  readonly region: string;
  /** Full id of a Cloud KMS key in `region`. */
  readonly kmsKeyName: string;
  /** The payload: `plain` lands in the Terraform state; `writeOnly` (a credential) does not. */
  readonly data: { readonly plain: string } | { readonly writeOnly: string; readonly version: number };
  /** Service-account emails granted roles/secretmanager.secretAccessor on this secret. */
  readonly readers?: readonly string[];
  /** Refuses `terraform destroy` of the secret (the provider's `deletion_protection`). */
  readonly deletionProtection: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export class RegionalSecret extends Construct {
  readonly secret: SecretManagerSecret;
  readonly version: SecretManagerSecretVersion;

  constructor(scope: Construct, id: string, props: RegionalSecretProps) {
    super(scope, id);
    this.secret = new SecretManagerSecret(this, 'Secret', {
      project: props.project,
      secretId: props.secretId,
      replication: { userManaged: { replicas: [{ location: props.region, customerManagedEncryption: { kmsKeyName: props.kmsKeyName } }] } },
      deletionProtection: props.deletionProtection,
      labels: props.labels && { ...props.labels },
      // What it holds, for readers and for the replacement guard (lib/guard/stateful-resources.ts).
      annotations: { content: 'plain' in props.data ? 'connection-contract' : 'credential' },
    });
    const data = props.data;
    this.version = new SecretManagerSecretVersion(this, 'Version', {
      secret: this.secret.id,
      ...('plain' in data ? { secretData: data.plain } : { secretDataWo: data.writeOnly, secretDataWoVersion: data.version }),
    });
    // Named by the reader's email, so adding or removing one reader changes no other grant.
    for (const email of [...new Set(props.readers ?? [])].sort()) {
      new SecretManagerSecretIamMember(this, `Reader-${email.replace(/[^a-zA-Z0-9-]/g, '_')}`, {
        project: props.project,
        secretId: this.secret.secretId,
        role: SECRET_ACCESSOR_ROLE,
        member: `serviceAccount:${email}`,
      });
    }
  }
}
