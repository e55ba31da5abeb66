/**
 * Snapshot serializer: replaces asset hashes (64 hex characters, alone or inside S3 keys and paths) so snapshots
 * show intent and do not churn when an unrelated asset changes.
 */
const HASH = /[0-9a-f]{64}/g;
const SCRUBBED = '[ASSET-HASH]';

module.exports = {
  test: (value: unknown) => typeof value === 'string' && new RegExp(HASH.source).test(value),
  serialize: (value: string) => JSON.stringify(value.replace(HASH, SCRUBBED)),
};
