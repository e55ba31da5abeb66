/**
 * What `dbctl provision` needs from the provisioning engine and from Google Cloud, as one object a test replaces: the
 * engine's two entry points (lib/provisioning/provisioning-api.ts) and a way to open an administrator connection to a
 * Cloud SQL instance.
 */
import type { SqlDialect } from '../../provisioning/declared-access';
import type { ConnectAsAdministrator, PlanFromNothing, ProvisionDatabase } from '../../provisioning/provisioning-api';

export interface CloudSqlAdministrator {
  readonly connect: ConnectAsAdministrator;
  /** Releases the connector (its certificate refresh timers keep the process alive otherwise). */
  close(): void;
}

export interface ProvisioningEngine {
  readonly planFromNothing: PlanFromNothing;
  readonly provisionDatabase: ProvisionDatabase;
  /** Connects as `adminUser` (a Cloud SQL IAM database user) to `connectionName` over its private IP. */
  readonly administratorOf: (target: { readonly connectionName: string; readonly dialect: SqlDialect }, adminUser: string) => CloudSqlAdministrator;
}
