/**
 * The provisioning engine's surface, shared by its callers (the AWS custom resource's handler, `dbctl provision`):
 * given what must exist (DeclaredAccess) and a way to connect as the administrator, it reads the live catalog,
 * computes the SQL that closes the gap and runs it, or only prints it (dry run). Drivers are the standard ones (`pg`,
 * `mysql2`); callers open connections through `connectPostgres` / `connectMysql` with their own transport settings.
 */
import type { DeclaredAccess } from './declared-access';

/** One open connection to one logical database (or the server's maintenance database). */
export interface SqlConnection {
  query(sql: string, params?: readonly unknown[]): Promise<ReadonlyArray<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** Opens a connection as the administrator (master user) to `database`, or to the server's default database. */
export type ConnectAsAdministrator = (database?: string) => Promise<SqlConnection>;

export interface PlannedStatement {
  /** The logical database it runs in; undefined: server-wide (roles, CREATE DATABASE). */
  readonly database?: string;
  /** The SQL, with passwords redacted as `'***'` in what is printed (the applied text holds the real one). */
  readonly sql: string;
  /** Why it runs, for the dry run and the report: e.g. "role orders_app is missing". */
  readonly why: string;
}

export interface ProvisioningReport {
  readonly statements: readonly PlannedStatement[];
  /** False for a dry run. */
  readonly applied: boolean;
  /** Things the engine noticed and did not change: a removed role disabled, a platform user missing, a drop refused. */
  readonly notices: readonly string[];
}

export interface ProvisionOptions {
  readonly dryRun: boolean;
  /** The password of an engine-created `password` role (from its secret); never called in a dry run. */
  readonly passwordOf: (roleName: string) => Promise<string>;
}

export type ProvisionDatabase = (declared: DeclaredAccess, connect: ConnectAsAdministrator, options: ProvisionOptions) => Promise<ProvisioningReport>;

/** What provisioning an empty server would run, computed offline (no connection): the dry run without a catalog. */
export type PlanFromNothing = (declared: DeclaredAccess) => readonly PlannedStatement[];
