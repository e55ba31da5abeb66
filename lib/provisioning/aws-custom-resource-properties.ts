/**
 * The properties of the provisioning custom resource, as the CDK construct fills them and as CloudFormation delivers
 * them to the handler. CloudFormation turns every scalar into a string ("Custom resource request objects",
 * CloudFormation User Guide: ResourceProperties values are strings), so `port` and `tls` arrive as strings, and
 * `declared` is passed as the DeclaredAccess JSON text.
 */
import type { DeclaredAccess } from './declared-access';

export interface ProvisioningResourceProperties {
  /** JSON.stringify(DeclaredAccess). A change to it is what makes CloudFormation send Update. */
  readonly declared: string;
  /** The writer endpoint (cluster endpoint for Aurora). */
  readonly host: string;
  readonly port: string | number;
  /** The master user's secret ({"username","password"}, as RDS and CDK's DatabaseSecret write it). */
  readonly masterSecretArn: string;
  /** Secret ARN per engine-created `password` role ({"password"} inside): the password the role is created with. */
  readonly roleSecretArns: Readonly<Record<string, string>>;
  /** 'true': TLS, verifying the server certificate (the Lambda needs RDS's CAs: NODE_EXTRA_CA_CERTS). */
  readonly tls: string | boolean;
}

/** Builds the properties (the CDK side calls this so the shapes cannot drift). */
export function provisioningResourceProperties(
  declared: DeclaredAccess,
  endpoint: { host: string; port: string | number },
  secrets: { masterSecretArn: string; roleSecretArns: Readonly<Record<string, string>> },
): ProvisioningResourceProperties {
  return { declared: JSON.stringify(declared), host: endpoint.host, port: endpoint.port, ...secrets, tls: 'true' };
}

/** The properties as the handler reads them, with the strings CloudFormation delivers turned back into values. */
export function parseProvisioningProperties(raw: Record<string, unknown>): {
  declared: DeclaredAccess;
  host: string;
  port: number;
  masterSecretArn: string;
  roleSecretArns: Record<string, string>;
  tls: boolean;
} {
  const missing = ['declared', 'host', 'port', 'masterSecretArn'].filter((name) => raw[name] === undefined || raw[name] === '');
  if (missing.length > 0) throw new Error(`Provisioning custom resource: missing properties ${missing.join(', ')}`);
  const port = Number(raw.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`Provisioning custom resource: port '${String(raw.port)}' is not a TCP port (1-65535)`);
  const declared = (typeof raw.declared === 'string' ? JSON.parse(raw.declared) : raw.declared) as DeclaredAccess;
  return {
    declared,
    host: String(raw.host),
    port,
    masterSecretArn: String(raw.masterSecretArn),
    roleSecretArns: (raw.roleSecretArns ?? {}) as Record<string, string>,
    tls: raw.tls === true || raw.tls === 'true',
  };
}
