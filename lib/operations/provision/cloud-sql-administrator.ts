/**
 * An administrator connection to a Cloud SQL instance through the Cloud SQL Node.js connector
 * (@google-cloud/cloud-sql-connector): private IP, IAM database authentication (the connector puts the caller's
 * OAuth2 token in its ephemeral client certificate, so no password exists), TLS to the instance's own certificate.
 * The caller's identity comes from Application Default Credentials; `adminUser` is its database user name (PostgreSQL:
 * the email without `.gserviceaccount.com` for a service account, a user's full email; MySQL: the part before `@`),
 * which must hold cloudsqlsuperuser (PostgreSQL) or the grants the engine hands out (MySQL): docs/database-access-gcp.md.
 */
import type { Connector } from '@google-cloud/cloud-sql-connector';
import { connectMysql } from '../../provisioning/connect-mysql';
import { connectPostgres } from '../../provisioning/connect-postgres';
import type { ConnectAsAdministrator } from '../../provisioning/provisioning-api';
import type { CloudSqlAdministrator, ProvisioningEngine } from './provisioning-engine';

export const cloudSqlAdministrator: ProvisioningEngine['administratorOf'] = (target, adminUser): CloudSqlAdministrator => {
  let connector: Connector | undefined;
  let adapter: Promise<ConnectAsAdministrator> | undefined;
  const open = async (): Promise<ConnectAsAdministrator> => {
    // Loaded on first use: the connector brings the Google auth and API clients, which no other command needs.
    const { AuthTypes, Connector, IpAddressTypes } = await import('@google-cloud/cloud-sql-connector');
    connector = new Connector();
    const options = await connector.getOptions({ instanceConnectionName: target.connectionName, ipType: IpAddressTypes.PRIVATE, authType: AuthTypes.IAM });
    return target.dialect === 'postgresql' ? connectPostgres({ ...options, user: adminUser }) : connectMysql({ ...options, user: adminUser });
  };
  return {
    connect: async (database) => (await (adapter ??= open()))(database),
    close: () => connector?.close(),
  };
};
