import { TerraformOutput } from 'cdktf';
import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { CloudSqlEncryptionKeys, CloudSqlEncryptionKeysProps } from '../../constructs/gcp/cloud-sql-encryption-keys';
import { resources, synth, synthJson, testStack } from './support';

const AGENT = 'service-123456789@gcp-sa-cloud-sql.iam.gserviceaccount.com';
const REDIS_AGENT = 'service-123456789@cloud-redis.iam.gserviceaccount.com';

function keysProps(overrides: Partial<CloudSqlEncryptionKeysProps> = {}): CloudSqlEncryptionKeysProps {
  return {
    project: 'acme-test',
    cloudSqlServiceAgent: AGENT,
    keys: [
      { region: 'europe-west1', keyRingName: 'test-databases', keyName: 'cloud-sql', rotationPeriod: '7776000s' },
      { region: 'europe-west4', keyRingName: 'test-databases', keyName: 'cloud-sql' },
    ],
    ...overrides,
  };
}

function givenKeys(overrides: Partial<CloudSqlEncryptionKeysProps> = {}) {
  const stack = testStack();
  const keys = new CloudSqlEncryptionKeys(stack, 'Keys', keysProps(overrides));
  return { stack, keys };
}

describe('CloudSqlEncryptionKeys', () => {
  // GIVEN keys in two regions WHEN synthesized
  const { stack, keys } = givenKeys({ labels: { environment: 'test' } });
  new TerraformOutput(stack, 'west4-key', { value: keys.keyIdFor('europe-west4') });
  const synthesized = synth(stack);
  const json = JSON.parse(synthesized);

  test('THEN each region has a key ring in that region', () => {
    for (const location of ['europe-west1', 'europe-west4']) {
      expect(synthesized).toHaveResourceWithProperties(KmsKeyRing, { name: 'test-databases', location, project: 'acme-test' });
    }
    expect(resources(json, 'google_kms_key_ring')).toHaveLength(2);
  });

  test('THEN each key encrypts, rotates every 90 days, carries the labels and cannot be destroyed', () => {
    const cryptoKeys = resources(json, 'google_kms_crypto_key');
    expect(cryptoKeys).toHaveLength(2);
    for (const key of cryptoKeys) {
      expect(key).toMatchObject({
        name: 'cloud-sql',
        purpose: 'ENCRYPT_DECRYPT',
        rotation_period: '7776000s',
        labels: { environment: 'test' },
        lifecycle: { prevent_destroy: true },
      });
    }
  });

  test("THEN each key sits in its own region's key ring", () => {
    expect(synthesized).toHaveResourceWithProperties(KmsCryptoKey, {
      key_ring: expect.stringMatching(/^\$\{google_kms_key_ring\.Keys_europe-west4_KeyRing_[0-9A-F]+\.id\}$/),
    });
  });

  test('THEN the Cloud SQL service agent may encrypt and decrypt with each key', () => {
    const grants = resources(json, 'google_kms_crypto_key_iam_member');
    expect(grants).toHaveLength(2);
    expect(synthesized).toHaveResourceWithProperties(KmsCryptoKeyIamMember, {
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: `serviceAccount:${AGENT}`,
      crypto_key_id: expect.stringMatching(/^\$\{google_kms_crypto_key\.Keys_europe-west1_Key_[0-9A-F]+\.id\}$/),
    });
  });

  test('THEN the key ids are exposed by region', () => {
    expect(json.output['west4-key'].value).toMatch(/^\$\{google_kms_crypto_key\.Keys_europe-west4_Key_[0-9A-F]+\.id\}$/);
    expect(Object.keys(keys.keyIds)).toEqual(['europe-west1', 'europe-west4']);
    expect(() => keys.keyIdFor('us-east1')).toThrow("No Cloud SQL key for region 'us-east1' (keys exist for: europe-west1, europe-west4)");
  });
});

describe('CloudSqlEncryptionKeys options', () => {
  test('GIVEN another service agent (Memorystore) WHEN synthesized THEN it may use each key too, under its own id', () => {
    const json = synthJson(givenKeys({ otherServiceAgents: [{ id: 'MemorystoreServiceAgent', serviceAgent: REDIS_AGENT }] }).stack);
    const grants = Object.entries(json.resource.google_kms_crypto_key_iam_member as Record<string, { member: string }>);
    expect(grants.map(([name, grant]) => [name.replace(/_[0-9A-F]{8}$/, ''), grant.member]).sort()).toEqual([
      ['Keys_europe-west1_CloudSqlServiceAgent', `serviceAccount:${AGENT}`],
      ['Keys_europe-west1_MemorystoreServiceAgent', `serviceAccount:${REDIS_AGENT}`],
      ['Keys_europe-west4_CloudSqlServiceAgent', `serviceAccount:${AGENT}`],
      ['Keys_europe-west4_MemorystoreServiceAgent', `serviceAccount:${REDIS_AGENT}`],
    ]);
  });

  test('GIVEN preventDestroy false WHEN synthesized THEN the keys have no lifecycle', () => {
    const cryptoKeys = resources(synthJson(givenKeys({ preventDestroy: false }).stack), 'google_kms_crypto_key');
    for (const key of cryptoKeys) expect(key).not.toHaveProperty('lifecycle');
  });
});

describe('CloudSqlEncryptionKeys validations', () => {
  test.each<[string, Partial<CloudSqlEncryptionKeysProps>, string]>([
    [
      'a service account that is not the Cloud SQL agent',
      { cloudSqlServiceAgent: 'app@acme-test.iam.gserviceaccount.com' },
      'cloudSqlServiceAgent = "app@acme-test.iam.gserviceaccount.com": is not a Cloud SQL service agent; ' +
        "expected service-<project number>@gcp-sa-cloud-sql.iam.gserviceaccount.com. Fix: use the project's Cloud SQL service agent",
    ],
    ['no keys', { keys: [] }, 'keys = []: needs at least one key. Fix: add a key for each region that holds an instance'],
    [
      'a rotation period under a day',
      { keys: [{ region: 'europe-west1', keyRingName: 'r', keyName: 'k', rotationPeriod: '3600s' }] },
      "keys[0].rotationPeriod = \"3600s\": must be seconds with an 's' suffix, at least '86400s' (one day). Fix: write it in seconds, e.g. '7776000s' (90 days)",
    ],
    [
      'another service agent under a taken id',
      { otherServiceAgents: [{ id: 'Key', serviceAgent: REDIS_AGENT }] },
      'otherServiceAgents[0].id = "Key": must be letters and digits, start with a letter, and not be KeyRing, Key or CloudSqlServiceAgent (ids taken in each region). Fix: name the grant after its service, e.g. MemorystoreServiceAgent',
    ],
    [
      'another service agent that is a user account',
      { otherServiceAgents: [{ id: 'MemorystoreServiceAgent', serviceAgent: 'app@acme-test.iam.gserviceaccount.com' }] },
      'otherServiceAgents[0].serviceAgent = "app@acme-test.iam.gserviceaccount.com": is not a service agent; expected service-<project number>@<service>.iam.gserviceaccount.com. Fix: use the project\'s service agent of that service',
    ],
    [
      'a key ring name with a space',
      { keys: [{ region: 'europe-west1', keyRingName: 'my ring', keyName: 'k' }] },
      "keys[0].keyRingName = \"my ring\": must be 1–63 letters, digits, '_' or '-'. Fix: rename it",
    ],
  ])('GIVEN %s WHEN constructed THEN it fails with the exact message', (_, overrides, message) => {
    expect(() => givenKeys(overrides)).toThrow(`Invalid CloudSqlEncryptionKeys test/Keys:\n  - ${message}`);
  });

  test('GIVEN two keys for one region WHEN constructed THEN it fails at once with the exact message', () => {
    const key = { region: 'europe-west1', keyRingName: 'r', keyName: 'k' };
    expect(() => givenKeys({ keys: [key, key] })).toThrow(
      'Invalid CloudSqlEncryptionKeys test/Keys:\n  - keys[1].region = "europe-west1": has more than one key. Fix: give each region one key',
    );
  });
});
