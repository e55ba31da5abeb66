/**
 * The provisioning custom resource's handler with fake Provider-framework events, against a real PostgreSQL 17 and a
 * real MariaDB (TCP on 127.0.0.1, no TLS: `tls: 'false'`; the TLS options are set by the handler for deployments),
 * reading its secrets from Secrets Manager as served by moto_server.
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';
import { handler, ProvisioningEvent } from '../../lib/provisioning/aws-custom-resource-handler';
import type { DeclaredAccess } from '../../lib/provisioning/declared-access';
import { freePort, MOTO_INSTALL_HINT, MotoServer, startMoto, useFakeCredentials } from '../operations/support/moto-server';
import { describeWithMariadb, describeWithPostgresServers, describeWithTool } from '../support/local-tools';
import { MariadbServer, startMariadb } from '../support/mariadb-server';
import { removeCopiedBinaries, RunningPostgres, startPostgres } from '../support/postgres-servers';
import { declared, role } from './support/declared';

const APP_PASSWORD = "app'pw\\from-secrets-manager";

describeWithTool('moto_server', MOTO_INSTALL_HINT)('provisioning custom resource handler', () => {
  let moto: MotoServer;
  let restoreCredentials: () => void;
  let secrets: SecretsManagerClient;
  const logged: string[] = [];

  beforeAll(async () => {
    moto = await startMoto();
    restoreCredentials = useFakeCredentials();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    process.env.AWS_REGION = 'eu-west-1';
    secrets = new SecretsManagerClient({});
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    delete process.env.AWS_REGION;
    restoreCredentials?.();
    await moto?.stop();
    removeCopiedBinaries();
  });

  async function secret(name: string, value: Record<string, string>): Promise<string> {
    return (await secrets.send(new CreateSecretCommand({ Name: `${name}-${Date.now()}-${Math.random()}`, SecretString: JSON.stringify(value) }))).ARN!;
  }
  const event = (
    RequestType: ProvisioningEvent['RequestType'],
    ResourceProperties: Record<string, unknown>,
    PhysicalResourceId?: string,
  ): ProvisioningEvent => ({
    RequestType,
    ResourceProperties,
    ...(PhysicalResourceId === undefined ? {} : { PhysicalResourceId }),
  });

  describeWithPostgresServers(['17'])('on PostgreSQL 17', () => {
    let server: RunningPostgres;
    beforeAll(async () => {
      server = await startPostgres('17');
    });
    afterAll(async () => {
      await server?.stop();
    });

    const access = (level: 'read-write' | 'read-only'): DeclaredAccess =>
      declared({
        dialect: 'postgresql',
        engineVersion: '17',
        databases: ['orders'],
        roles: [role('orders_owner', 'owner', ['orders'], { auth: 'iam' }), role('orders_app', level, ['orders'])],
      });
    async function properties(declaredAccess: DeclaredAccess) {
      return {
        declared: JSON.stringify(declaredAccess),
        host: server.host,
        port: String(server.port),
        masterSecretArn: await secret('master', { username: server.superuser, password: 'trusted-locally' }),
        roleSecretArns: { orders_app: await secret('orders_app', { username: 'orders_app', password: APP_PASSWORD }) },
        tls: 'false',
      };
    }
    async function asApp(sql: string) {
      const client = new Client({ host: server.host, port: server.port, user: 'orders_app', password: APP_PASSWORD, database: 'orders' });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    }

    test('GIVEN Create, Update, an unchanged Update and Delete WHEN handled THEN it provisions, changes, does nothing, and drops nothing; the id is stable', async () => {
      const created = await handler(event('Create', await properties(access('read-write'))));
      const id = `provisioning:127.0.0.1:${server.port}`;
      expect(created.PhysicalResourceId).toBe(id);
      expect(Number(created.Data.Statements)).toBeGreaterThan(5);
      expect(created.Data.Notices).toBe('');
      // The password role logs in with the password from its secret.
      await asApp('SELECT 1');

      const updated = await handler(event('Update', await properties(access('read-only')), id));
      expect(updated).toEqual({ PhysicalResourceId: id, Data: { Notices: '', Statements: '2' } });
      expect(logged).toEqual(
        expect.arrayContaining([
          'orders: ALTER DEFAULT PRIVILEGES FOR ROLE "orders_owner" REVOKE INSERT, UPDATE, DELETE ON TABLES FROM "orders_app" -- orders_app has read-only in orders: must not hold INSERT, UPDATE, DELETE on tables orders_owner creates later',
        ]),
      );
      expect(await handler(event('Update', await properties(access('read-only')), id))).toEqual({
        PhysicalResourceId: id,
        Data: { Notices: '', Statements: '0' },
      });

      expect(await handler(event('Delete', await properties(access('read-only')), id))).toEqual({
        PhysicalResourceId: id,
        Data: { Notices: '', Statements: '0' },
      });
      // Even with properties that no longer parse, Delete succeeds and touches nothing.
      expect(await handler(event('Delete', { port: 'none' }, id))).toEqual({ PhysicalResourceId: id, Data: { Notices: '', Statements: '0' } });
      await asApp('SELECT 1');
      expect(logged.filter((line) => line.includes(APP_PASSWORD) || line.includes("app''pw"))).toEqual([]);
    });

    test('GIVEN a statement the server refuses WHEN Update is handled THEN it fails with the statement and the server message', async () => {
      await expect(handler(event('Update', await properties({ ...access('read-write'), extensions: ['pgaudit'] }), 'id'))).rejects.toThrow(
        'Provisioning statement failed in database orders: CREATE EXTENSION IF NOT EXISTS "pgaudit"\n  (extension pgaudit is missing in orders)\n  Server said: extension "pgaudit" is not available',
      );
    });

    test('GIVEN a password role without a secret WHEN Create is handled THEN it fails naming the role and the secrets it has', async () => {
      const props = {
        ...(await properties(declared({ dialect: 'postgresql', databases: ['orders'], roles: [role('orders_new', 'read-only', ['orders'])] }))),
        roleSecretArns: {},
      };
      await expect(handler(event('Create', props))).rejects.toThrow('No secret for role orders_new: roleSecretArns names none');
    });

    test.each([
      ['0', "port '0' is not a TCP port (1-65535)"],
      ['65536', "port '65536' is not a TCP port (1-65535)"],
    ])('GIVEN port %s WHEN handled THEN it is refused', async (port, message) => {
      await expect(handler(event('Create', { ...(await properties(access('read-write'))), port }))).rejects.toThrow(`Provisioning custom resource: ${message}`);
    });
  });

  describeWithMariadb()('on MariaDB', () => {
    let server: MariadbServer;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      server = await startMariadb({}, 60_000, port);
      if (!server.ready) throw new Error(`MariaDB did not start:\n${server.log}`);
    });
    afterAll(async () => {
      await server?.stop();
    });

    test('GIVEN Create WHEN handled THEN the user exists with its secret password and its grants', async () => {
      const props = {
        declared: JSON.stringify(declared({ dialect: 'mysql', databases: ['orders'], roles: [role('orders_app', 'read-write', ['orders'])] })),
        host: '127.0.0.1',
        port: String(port),
        masterSecretArn: await secret('master', { username: 'root', password: '' }),
        roleSecretArns: { orders_app: await secret('orders_app', { password: APP_PASSWORD }) },
        tls: 'false',
      };
      const created = await handler(event('Create', props));
      expect(created.Data.Statements).toBe('6');
      const connection = await createConnection({ host: '127.0.0.1', port, user: 'orders_app', password: APP_PASSWORD, database: 'orders' });
      await expect(connection.query('CREATE TABLE t (id INT)')).rejects.toThrow(
        "CREATE command denied to user 'orders_app'@'localhost' for table `orders`.`t`",
      );
      await connection.end();
      expect((await handler(event('Update', props, created.PhysicalResourceId))).Data.Statements).toBe('0');
    });
  });
});
