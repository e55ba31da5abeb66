// placeholder until the engine branch merges
/** The engine's PostgreSQL driver adapter (`pg`); the engine branch implements it. */
import type { ClientConfig } from 'pg';
import type { ConnectAsAdministrator } from './provisioning-api';

export function connectPostgres(config: ClientConfig): ConnectAsAdministrator {
  void config;
  return async () => {
    throw new Error('connectPostgres: the provisioning engine is not merged yet (placeholder until the engine branch merges)');
  };
}
