/**
 * Runs planned statements in order, each on a connection to its logical database (opened once, kept until close),
 * filling in passwords at the last moment. A failure stops the run with the printed SQL and the server's message.
 */
import type { EngineStatement } from './engine-statement';
import type { ConnectAsAdministrator, SqlConnection } from './provisioning-api';
import { ProvisioningStatementError, redactSecret } from './statement-error';

export class StatementRunner {
  private readonly connections = new Map<string, SqlConnection>();

  constructor(
    private readonly connect: ConnectAsAdministrator,
    private readonly passwordOf: (role: string) => Promise<string>,
    private readonly quotePassword: (password: string) => string,
  ) {}

  /** The connection to `database` (undefined: the server's default database), opened on first use. */
  async connection(database?: string): Promise<SqlConnection> {
    const key = database ?? '';
    let connection = this.connections.get(key);
    if (connection === undefined) {
      connection = await this.connect(database);
      this.connections.set(key, connection);
    }
    return connection;
  }

  async run(statements: readonly EngineStatement[]): Promise<void> {
    for (const statement of statements) {
      const password = statement.secret === undefined ? undefined : await this.passwordOf(statement.secret.role);
      const sql = statement.secret === undefined || password === undefined ? statement.sql : statement.secret.render(this.quotePassword(password));
      const connection = await this.connection(statement.database);
      try {
        await connection.query(sql);
      } catch (error) {
        throw new ProvisioningStatementError(statement, redactSecret(error instanceof Error ? error.message : String(error), password));
      }
    }
  }

  async close(): Promise<void> {
    const open = [...this.connections.values()];
    this.connections.clear();
    await Promise.allSettled(open.map((connection) => connection.close()));
  }
}
