/**
 * `dbctl provision`: for each Cloud SQL database, what the provisioning engine would run or ran. Three modes:
 * - `offline` (`--dry-run` without `--admin-user`): the SQL provisioning an empty server would run, computed without
 *   a connection (planFromNothing). What a live server needs can be less: it may hold part of it already.
 * - `dry-run` (`--dry-run --admin-user <user>`): reads the live catalog and prints the SQL that closes the gap.
 * - `apply` (`--admin-user <user>`): the same, then runs it.
 */
import type { PlannedStatement } from '../../provisioning/provisioning-api';
import type { ProvisioningEngine } from './provisioning-engine';
import type { ProvisionSelection, ProvisionTarget } from './provision-targets';

export type ProvisionMode = 'offline' | 'dry-run' | 'apply';

export interface DatabaseProvisionResult {
  readonly name: string;
  readonly connectionName: string;
  readonly dialect: ProvisionTarget['declared']['dialect'];
  readonly statements: readonly PlannedStatement[];
  readonly applied: boolean;
  readonly notices: readonly string[];
  /** Why provisioning this database stopped (connection refused, a statement failed); the others still run. */
  readonly error?: string;
}

export interface ProvisionResult {
  readonly environment: string;
  readonly mode: ProvisionMode;
  readonly databases: readonly DatabaseProvisionResult[];
  readonly skipped: ProvisionSelection['skipped'];
  readonly atDeploy: ProvisionSelection['atDeploy'];
}

/** Cloud SQL password users are Terraform's (createdBy 'platform'): the engine never sets a password here. */
const NO_PASSWORDS = async (role: string): Promise<string> => {
  throw new Error(`BUG: the engine asked for the password of '${role}'; on Cloud SQL, Terraform sets passwords (google_sql_user)`);
};

export async function runProvision(
  environment: string,
  selection: ProvisionSelection,
  mode: ProvisionMode,
  engine: ProvisioningEngine,
  adminUser: string | undefined,
  progress: (line: string) => void,
): Promise<ProvisionResult> {
  const databases: DatabaseProvisionResult[] = [];
  for (const target of selection.targets) {
    const base = { name: target.name, connectionName: target.connectionName, dialect: target.declared.dialect };
    if (mode === 'offline') {
      try {
        databases.push({ ...base, statements: engine.planFromNothing(target.declared), applied: false, notices: [] });
      } catch (error) {
        databases.push({ ...base, statements: [], applied: false, notices: [], error: messageOf(error) });
      }
      continue;
    }
    progress(`${target.name}: connecting to ${target.connectionName} (private IP, IAM) as ${adminUser}…`);
    const administrator = engine.administratorOf({ connectionName: target.connectionName, dialect: target.declared.dialect }, adminUser!);
    try {
      const report = await engine.provisionDatabase(target.declared, administrator.connect, { dryRun: mode === 'dry-run', passwordOf: NO_PASSWORDS });
      databases.push({ ...base, statements: report.statements, applied: report.applied, notices: report.notices });
    } catch (error) {
      databases.push({ ...base, statements: [], applied: false, notices: [], error: messageOf(error) });
    } finally {
      administrator.close();
    }
  }
  return { environment, mode, databases, skipped: selection.skipped, atDeploy: selection.atDeploy };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const provisionSucceeded = (result: ProvisionResult) => result.databases.every((db) => db.error === undefined);
