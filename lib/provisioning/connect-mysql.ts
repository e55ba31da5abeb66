/**
 * The `mysql2` driver as a ConnectAsAdministrator, from the caller's connection options (host, port, user, password,
 * ssl, socketPath, or a `stream` factory). Grants name their database, so one server connection serves all; a
 * `database` argument only selects the default schema.
 */
import { ConnectionOptions, createConnection } from 'mysql2/promise';
import type { ConnectAsAdministrator, SqlConnection } from './provisioning-api';

export function connectMysql(options: ConnectionOptions): ConnectAsAdministrator {
  return async (database) => {
    const connection = await createConnection(database === undefined ? options : { ...options, database });
    const adapter: SqlConnection = {
      async query(sql, params) {
        // `query`, not `execute`: account statements (CREATE USER, GRANT) are not all preparable.
        const [rows] = await connection.query(sql, params === undefined ? undefined : [...params]);
        return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
      },
      close: () => connection.end(),
    };
    return adapter;
  };
}
