/**
 * A jest snapshot serializer for synthesized templates and Terraform JSON: replaces asset hashes (64 hex characters,
 * alone or inside S3 keys and paths) so snapshots show intent and do not churn when an unrelated asset changes. Use it
 * in jest.config.js (`snapshotSerializers: ['databases-as-code/testing/snapshot-serializer']`) or with
 * `expect.addSnapshotSerializer(snapshotSerializer)`.
 */
const ASSET_HASH = /[0-9a-f]{64}/g;
const SCRUBBED = '[ASSET-HASH]';

export const snapshotSerializer = {
  test: (value: unknown): boolean => typeof value === 'string' && new RegExp(ASSET_HASH.source).test(value),
  serialize: (value: string): string => JSON.stringify(value.replace(ASSET_HASH, SCRUBBED)),
};

// jest loads a serializer module by path and reads `test` and `serialize` from its exports.
export const { test, serialize } = snapshotSerializer;
