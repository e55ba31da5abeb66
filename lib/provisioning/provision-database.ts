// placeholder until the engine branch merges
/** The provisioning engine's entry point (lib/provisioning/provisioning-api.ts); the engine branch implements it. */
import type { ProvisionDatabase } from './provisioning-api';

export const provisionDatabase: ProvisionDatabase = async () => {
  throw new Error('provisionDatabase: the provisioning engine is not merged yet (placeholder until the engine branch merges)');
};
