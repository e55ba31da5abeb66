/** The real provisioning engine (lib/provisioning) and the Cloud SQL connector: what `dbctl provision` runs. */
import { planFromNothing } from '../../provisioning/plan-from-nothing';
import { provisionDatabase } from '../../provisioning/provision-database';
import { cloudSqlAdministrator } from './cloud-sql-administrator';
import type { ProvisioningEngine } from './provisioning-engine';

// Read through the modules at call time, so the engine's exports are the ones in force when dbctl runs.
export const DEFAULT_PROVISIONING_ENGINE: ProvisioningEngine = {
  planFromNothing: (declared) => planFromNothing(declared),
  provisionDatabase: (declared, connect, options) => provisionDatabase(declared, connect, options),
  administratorOf: cloudSqlAdministrator,
};
