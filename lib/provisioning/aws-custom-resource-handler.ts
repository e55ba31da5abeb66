/**
 * The onEvent handler of the provisioning custom resource (CDK's custom-resources Provider framework): on Create and
 * Update it reads the master secret, connects to the writer endpoint (TLS verifying the certificate) and runs the
 * engine; Delete does nothing (never drop: the database and its roles outlive the resource). Errors propagate, so the
 * Provider framework fails the deployment with the statement and the server's message.
 *
 * Bundling: everything is imported statically. `pg` loads its native binding only through `pg.native`, which this
 * code never touches: mark `pg-native` external in esbuild. The Node.js 20+ Lambda runtimes do not load Amazon's CA
 * bundle by default: set NODE_EXTRA_CA_CERTS=/var/runtime/ca-cert.pem (Lambda Developer Guide, "Building Lambda
 * functions with Node.js", "CA certificate loading") or ship the RDS bundle and point the variable at it.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { parseProvisioningProperties } from './aws-custom-resource-properties';
import { connectMysql } from './connect-mysql';
import { connectPostgres } from './connect-postgres';
import type { DeclaredAccess } from './declared-access';
import { provisionDatabase } from './provision-database';
import type { ConnectAsAdministrator } from './provisioning-api';

/** The part of the Provider framework's onEvent request this handler reads. */
export interface ProvisioningEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
}

export interface ProvisioningResponse {
  readonly PhysicalResourceId: string;
  /** Attributes (Fn::GetAtt); CloudFormation caps the whole response at 4 KB, so notices are cut to fit. */
  readonly Data: { readonly Notices: string; readonly Statements: string };
}

const NOTICES_LIMIT = 3000;

interface Credentials {
  readonly username: string;
  readonly password: string;
}

async function secretJson(client: SecretsManagerClient, secretId: string): Promise<Record<string, unknown>> {
  const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (secret.SecretString === undefined) throw new Error(`Secret ${secretId} has no SecretString`);
  return JSON.parse(secret.SecretString) as Record<string, unknown>;
}

/** The driver adapter for the dialect, with TLS verifying the server certificate (and its host name). */
const CONNECTORS: Record<DeclaredAccess['dialect'], (host: string, port: number, credentials: Credentials, tls: boolean) => ConnectAsAdministrator> = {
  postgresql: (host, port, { username, password }, tls) =>
    connectPostgres({ host, port, user: username, password, database: 'postgres', ssl: tls ? { rejectUnauthorized: true, servername: host } : false }),
  mysql: (host, port, { username, password }, tls) =>
    connectMysql({ host, port, user: username, password, ...(tls ? { ssl: { rejectUnauthorized: true } } : {}) }),
};

export const handler = async (event: ProvisioningEvent): Promise<ProvisioningResponse> => {
  if (event.RequestType === 'Delete') {
    // Before reading the properties: a resource whose properties no longer parse must still delete cleanly.
    console.log(`Delete: nothing is dropped (the databases and roles stay)`);
    return { PhysicalResourceId: event.PhysicalResourceId ?? 'provisioning', Data: { Notices: '', Statements: '0' } };
  }
  const properties = parseProvisioningProperties(event.ResourceProperties);
  const physicalResourceId = event.PhysicalResourceId ?? `provisioning:${properties.host}:${properties.port}`;
  const secrets = new SecretsManagerClient({});
  const master = await secretJson(secrets, properties.masterSecretArn);
  const credentials = { username: String(master.username), password: String(master.password) };
  const connect = CONNECTORS[properties.declared.dialect](properties.host, properties.port, credentials, properties.tls);
  const passwordOf = async (role: string) => {
    const arn = properties.roleSecretArns[role];
    if (arn === undefined) throw new Error(`No secret for role ${role}: roleSecretArns names ${Object.keys(properties.roleSecretArns).join(', ') || 'none'}`);
    return String((await secretJson(secrets, arn)).password);
  };
  const report = await provisionDatabase(properties.declared, connect, { dryRun: false, passwordOf });
  for (const statement of report.statements) console.log(`${statement.database ?? '(server)'}: ${statement.sql} -- ${statement.why}`);
  for (const notice of report.notices) console.log(`Notice: ${notice}`);
  const notices = report.notices.join('\n');
  return {
    PhysicalResourceId: physicalResourceId,
    Data: {
      Notices: notices.length > NOTICES_LIMIT ? `${notices.slice(0, NOTICES_LIMIT)}… (see the function's log)` : notices,
      Statements: String(report.statements.length),
    },
  };
};
