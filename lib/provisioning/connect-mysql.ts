// placeholder until the engine branch merges
/** The engine's MySQL-family driver adapter (`mysql2`); the engine branch implements it. */
import type { ConnectionOptions } from 'mysql2';
import type { ConnectAsAdministrator } from './provisioning-api';

export function connectMysql(options: ConnectionOptions): ConnectAsAdministrator {
  void options;
  return async () => {
    throw new Error('connectMysql: the provisioning engine is not merged yet (placeholder until the engine branch merges)');
  };
}
