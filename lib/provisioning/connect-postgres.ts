/**
 * The `pg` driver as a ConnectAsAdministrator: one Client per logical database, from the caller's settings (host,
 * port, user, password, ssl, or a `stream` factory such as the Cloud SQL connector's). Pure JavaScript: the native
 * binding (pg-native) is never loaded (it is only required through `pg.native`).
 */
import { Client, ClientConfig } from 'pg';
import type { ConnectAsAdministrator, SqlConnection } from './provisioning-api';

export function connectPostgres(config: ClientConfig): ConnectAsAdministrator {
  return async (database) => {
    const client = new Client(database === undefined ? config : { ...config, database });
    await client.connect();
    const connection: SqlConnection = {
      async query(sql, params) {
        try {
          const result = await client.query(sql, params === undefined ? undefined : [...params]);
          return result.rows as Record<string, unknown>[];
        } catch (error) {
          // The server's DETAIL says what blocks a statement (e.g. which privileges still depend on a role).
          const detail = (error as { detail?: string }).detail;
          throw detail ? new Error(`${(error as Error).message} (${detail.replace(/\n/g, '; ')})`) : error;
        }
      },
      close: () => client.end(),
    };
    return connection;
  };
}
