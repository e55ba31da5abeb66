/**
 * MemorystoreInstance on its own (the ./gcp entry) and as the memorystore-instance kind renders it: STANDARD_HA with
 * read replicas or BASIC, CMEK of the region, TLS + AUTH, private services access, RDB snapshots by tier, alerts,
 * and the foundation's key grant for the Memorystore service agent only where an environment has an instance.
 */
import { DatabaseValidationError } from '../../constructs/common/database-validation-error';
import { MemorystoreInstance, MemorystoreInstanceProps } from '../../constructs/gcp/memorystore-instance';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import type { Tier } from '../../config/schema';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';
import { resources, synthJson, testApp, testStack, TerraformJson } from './support';

const KEY = 'projects/acme-test/locations/europe-west1/keyRings/test-databases/cryptoKeys/cloud-sql';
const props = (overrides: Partial<MemorystoreInstanceProps> = {}): MemorystoreInstanceProps => ({
  project: 'acme-test',
  region: 'europe-west1',
  instanceName: 'test-cache',
  memorySizeGb: 5,
  highAvailability: true,
  customerManagedKey: KEY,
  authorizedNetwork: 'projects/acme-network/global/networks/shared-vpc',
  notificationChannels: ['projects/acme-test/notificationChannels/1'],
  ...overrides,
});
function synthesized(overrides: Partial<MemorystoreInstanceProps> = {}): TerraformJson {
  const stack = testStack();
  new MemorystoreInstance(stack, 'Cache', props(overrides));
  return synthJson(stack);
}
const redisOf = (json: TerraformJson) => resources(json, 'google_redis_instance').map(({ ['//']: _metadata, ...attributes }) => attributes);

describe('MemorystoreInstance', () => {
  test('Standard Tier with two read replicas: the secure settings, the read endpoint range and the defaults', () => {
    expect(redisOf(synthesized({ readReplicas: 2 }))).toEqual([
      {
        project: 'acme-test',
        region: 'europe-west1',
        name: 'test-cache',
        redis_version: 'REDIS_7_2',
        tier: 'STANDARD_HA',
        memory_size_gb: 5,
        replica_count: 2,
        read_replicas_mode: 'READ_REPLICAS_ENABLED',
        secondary_ip_range: 'auto',
        connect_mode: 'PRIVATE_SERVICE_ACCESS',
        authorized_network: 'projects/acme-network/global/networks/shared-vpc',
        customer_managed_key: KEY,
        auth_enabled: true,
        transit_encryption_mode: 'SERVER_AUTHENTICATION',
        persistence_config: { persistence_mode: 'RDB', rdb_snapshot_period: 'TWENTY_FOUR_HOURS' },
        maintenance_policy: { weekly_maintenance_window: [{ day: 'SUNDAY', start_time: { hours: 6, minutes: 0 } }] },
        redis_configs: { 'maxmemory-policy': 'allkeys-lru' },
        lifecycle: { prevent_destroy: true },
      },
    ]);
  });

  test('Standard Tier without read replicas keeps its one failover replica; Basic Tier has none; a store never evicts', () => {
    expect(redisOf(synthesized())[0]).toMatchObject({ tier: 'STANDARD_HA', replica_count: 1, read_replicas_mode: 'READ_REPLICAS_DISABLED' });
    const basic = redisOf(synthesized({ highAvailability: false, use: 'store', snapshotPeriod: 'off', preventDestroy: false }))[0];
    expect(basic).toMatchObject({ tier: 'BASIC', persistence_config: { persistence_mode: 'DISABLED' }, redis_configs: { 'maxmemory-policy': 'noeviction' } });
    expect(Object.keys(basic)).not.toEqual(expect.arrayContaining(['replica_count']));
    expect(Object.keys(basic)).not.toEqual(expect.arrayContaining(['read_replicas_mode']));
    expect(Object.keys(basic)).not.toEqual(expect.arrayContaining(['lifecycle']));
  });

  test('the alert policies watch this instance and notify the channels; replication lag only with a replica', () => {
    const policies = resources(synthesized(), 'google_monitoring_alert_policy');
    expect(policies.map((p) => p.conditions[0].condition_threshold.filter).sort()).toEqual(
      ['stats/memory/usage_ratio', 'stats/evicted_keys', 'clients/connected', 'replication/master/slaves/lag']
        .map(
          (metric) =>
            `resource.type="redis_instance" AND resource.labels.instance_id="projects/acme-test/locations/europe-west1/instances/test-cache" AND metric.type="redis.googleapis.com/${metric}"`,
        )
        .sort(),
    );
    for (const policy of policies) expect(policy.notification_channels).toEqual(['projects/acme-test/notificationChannels/1']);
    expect(resources(synthesized({ highAvailability: false }), 'google_monitoring_alert_policy')).toHaveLength(3);
  });

  test('bad props throw DatabaseValidationError with every problem, worded as the config rules word them', () => {
    const build = () =>
      new MemorystoreInstance(
        testStack(),
        'Cache',
        props({
          instanceName: 'Test_Cache',
          memorySizeGb: 301,
          readReplicas: 1,
          highAvailability: false,
          customerManagedKey: KEY.replace('europe-west1', 'europe-west4'),
        }),
      );
    expect(build).toThrow(DatabaseValidationError);
    expect(build).toThrow(
      [
        'Invalid MemorystoreInstance test/Cache:',
        '  - instanceName = "Test_Cache": must be lowercase letters, digits and hyphens, start with a letter and end with a letter or digit (at least 2 characters). Fix: shorten or rename it',
        `  - customerManagedKey = "${KEY.replace('europe-west1', 'europe-west4')}": must be a key in the instance's region (europe-west1); Memorystore for Redis uses only a key of its own region. Fix: use the key of europe-west1 (projects/<project>/locations/europe-west1/keyRings/<ring>/cryptoKeys/<key>)`,
        "  - memorySizeGb = 301: must be a whole number of GB from 1 to 300 (Memorystore for Redis's smallest and largest instance). Fix: choose a size from 1 to 300 GB; for more data, split it across instances",
        '  - readReplicas = 1: needs highAvailability: true; read replicas exist only on the Standard Tier (STANDARD_HA), not on the Basic Tier. Fix: set highAvailability: true, or readReplicas: 0',
      ].join('\n'),
    );
  });
});

describe('the memorystore-instance kind in an environment', () => {
  function environment(tier: Tier, cache?: Record<string, unknown>) {
    const config = withChange((c) => cache && c.databases.push({ kind: 'memorystore-instance', name: 'cache', memorySizeGb: 5, ...cache }), tier);
    const stacks = addGcpEnvironment(testApp(), buildPlan(validateEnvironment('test', config)))!;
    const json = (id: string) => synthJson([stacks.foundation, ...stacks.databaseStacks].find((stack) => stack.node.id === id)!);
    return { stacks, json };
  }
  const redisGrants = (foundation: TerraformJson) =>
    resources(foundation, 'google_kms_crypto_key_iam_member').filter((grant) => grant.member.includes('@cloud-redis.'));

  test.each([
    ['development', 'BASIC', 'TWENTY_FOUR_HOURS', undefined],
    ['staging', 'STANDARD_HA', 'SIX_HOURS', { prevent_destroy: true }],
    ['production', 'STANDARD_HA', 'ONE_HOUR', { prevent_destroy: true }],
  ] as const)('%s: tier %s, RDB snapshots %s, lifecycle %j', (tier, redisTier, period, lifecycle) => {
    const { json } = environment(tier, {});
    const [redis] = redisOf(json('test-memorystore-cache'));
    expect(redis).toMatchObject({
      name: 'test-cache',
      tier: redisTier,
      persistence_config: { persistence_mode: 'RDB', rdb_snapshot_period: period },
      customer_managed_key: 'projects/fixture-project/locations/europe-west1/keyRings/test-databases/cryptoKeys/cloud-sql',
    });
    expect(redis.lifecycle).toEqual(lifecycle);
  });

  test("the foundation grants the Memorystore service agent every region's key, only when the environment has an instance", () => {
    const withCache = environment('production', {}).json('test-foundation');
    expect(redisGrants(withCache).map((grant) => grant.crypto_key_id)).toEqual([
      expect.stringContaining('CloudSqlKeys_europe-west1_Key'),
      expect.stringContaining('CloudSqlKeys_europe-west4_Key'),
    ]);
    expect(redisGrants(environment('production').json('test-foundation'))).toEqual([]);
  });

  test('the cache stack depends on the foundation (the grant exists before the instance)', () => {
    const { stacks } = environment('production', {});
    const cache = stacks.databaseStacks.find((stack) => stack.node.id === 'test-memorystore-cache')!;
    expect(cache.dependencies).toContain(stacks.foundation);
  });
});
