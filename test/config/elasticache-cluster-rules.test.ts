import type { ElasticacheClusterInput, Tier } from '../../config/schema';
import { elasticacheClusterProblems } from '../../constructs/aws/elasticache/tables/elasticache-cluster-checks';
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment, validateEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

/** The fixture (eu-west-1 primary, eu-central-1 declared) plus an ElastiCache cluster at databases[2]. */
const withCache = (cache: Partial<ElasticacheClusterInput> = {}, tier: Tier = 'production') =>
  withChange((c) => c.databases.push({ kind: 'elasticache-cluster', name: 'cache', use: 'cache', allowedCidrs: ['10.0.0.0/16'], ...cache }), tier);

/** GIVEN the fixture with this cache, WHEN it is checked (as environment `name`), THEN these exact problem lines come back. */
function problemsOf(cache: Partial<ElasticacheClusterInput>, tier: Tier = 'production', name = 'test'): string[] {
  const check = checkEnvironment(name, withCache(cache, tier));
  return check.ok ? [] : check.problems.map(formatProblem);
}

const at = (field: string) => `test › cache › databases[2].${field}`;

describe('a valid ElastiCache cluster', () => {
  test('resolves with tier defaults: Valkey 8.2, a replica per shard with high availability, snapshots kept for the tier retention', () => {
    const cache = (tier: Tier) => validateEnvironment('test', withCache({}, tier)).databases[2];
    expect(cache('production')).toMatchObject({
      engine: 'valkey',
      version: '8.2',
      replicasPerShard: 1,
      highAvailability: true,
      snapshotRetentionDays: 35,
      pointInTimeRecovery: false,
      deletionProtection: false,
      removalPolicy: 'retain',
    });
    expect(cache('staging')).toMatchObject({ replicasPerShard: 1, snapshotRetentionDays: 7, removalPolicy: 'snapshot' });
    expect(cache('development')).toMatchObject({ replicasPerShard: 0, highAvailability: false, snapshotRetentionDays: 1, removalPolicy: 'destroy' });
    expect(validateEnvironment('test', withCache({ engine: 'redis' })).databases[2]).toMatchObject({ engine: 'redis', version: '7.1' });
  });

  test('every limit at its edge passes', () => {
    expect(
      problemsOf({
        clusterMode: true,
        shards: 500,
        replicasPerShard: 5,
        snapshotRetentionDays: 35,
        nodeType: 'cache.r7g.large',
        notifyKeyspaceEvents: 'KEA',
        secondaryRegions: ['eu-central-1'],
      }),
    ).toEqual([]);
    expect(problemsOf({ snapshotRetentionDays: 0, replicasPerShard: 0, highAvailability: false }, 'development')).toEqual([]);
  });
});

describe('ElastiCache bad input: each a clear error naming environment, database, field, value, allowed values and fix', () => {
  test('replicas per shard: 0 to 5, and at least 1 with high availability', () => {
    expect(problemsOf({ replicasPerShard: 6 })).toEqual([
      `${at('replicasPerShard')} = 6: must be from 0 to 5 (ElastiCache's limit of replicas per shard). Fix: choose from 0 to 5`,
    ]);
    expect(problemsOf({ replicasPerShard: 0 })).toEqual([
      `${at('replicasPerShard')} = 0: must be at least 1 with highAvailability: Multi-AZ fails over to a replica in another zone. Fix: set replicasPerShard to 1 or more, or highAvailability: false`,
    ]);
  });

  test('shards: 1 without cluster mode, 1 to 500 with it', () => {
    expect(problemsOf({ shards: 2 })).toEqual([
      `${at('shards')} = 2: must be 1 with cluster mode disabled (one primary and its replicas hold all the data). Fix: set clusterMode: true to split the data over shards, or remove shards`,
    ]);
    expect(problemsOf({ clusterMode: true, shards: 501 })).toEqual([
      `${at('shards')} = 501: must be from 1 to 500 (ElastiCache's limit of node groups per cluster). Fix: choose from 1 to 500`,
    ]);
    expect(problemsOf({ clusterMode: true, shards: 0 })).toEqual([
      `${at('shards')} = 0: must be from 1 to 500 (ElastiCache's limit of node groups per cluster). Fix: choose from 1 to 500`,
    ]);
  });

  test('snapshot retention: 0 to 35 days', () => {
    expect(problemsOf({ snapshotRetentionDays: 36 })).toEqual([
      `${at('snapshotRetentionDays')} = 36: must be from 0 (no automatic snapshots) to 35 days (ElastiCache limit). Fix: choose from 0 to 35`,
    ]);
    expect(problemsOf({ snapshotRetentionDays: -1 })).toEqual([
      `${at('snapshotRetentionDays')} = -1: must be from 0 (no automatic snapshots) to 35 days (ElastiCache limit). Fix: choose from 0 to 35`,
    ]);
  });

  test('a version the engine does not offer (or we do not create)', () => {
    expect(problemsOf({ version: '9.0' })).toEqual([
      `${at('version')} = "9.0": is not a Valkey version we create; versions: 7.2, 8.0, 8.1, 8.2. Fix: choose one of 7.2, 8.0, 8.1, 8.2 (default 8.2)`,
    ]);
    expect(problemsOf({ engine: 'redis', version: '6.2' })).toEqual([
      `${at('version')} = "6.2": is not a Redis OSS version we create; versions: 7.0, 7.1. Fix: choose one of 7.0, 7.1 (default 7.1)`,
    ]);
    expect(problemsOf({ engine: 'redis', version: '7.0' })).toEqual([]);
  });

  test('a node type outside the catalog', () => {
    expect(problemsOf({ nodeType: 'cache.r7g.8xlarge' as never })).toEqual([
      `${at('nodeType')} = "cache.r7g.8xlarge": is not a node type of the catalog; node types: cache.t4g.micro, cache.t4g.small, cache.t4g.medium, cache.m7g.large, cache.m7g.xlarge, cache.m7g.2xlarge, cache.m7g.4xlarge, cache.r7g.large, cache.r7g.xlarge, cache.r7g.2xlarge, cache.r7g.4xlarge. Fix: choose a listed node type (constructs/aws/elasticache/tables/elasticache-node-types.ts)`,
    ]);
  });

  test('keyspace notifications: a channel and an event class, known letters only', () => {
    expect(problemsOf({ notifyKeyspaceEvents: 'Ex' })).toEqual([]);
    const fix = "Fix: e.g. 'Ex' for expired-key events; remove the field to publish none";
    expect(problemsOf({ notifyKeyspaceEvents: 'x' })).toEqual([
      `${at('notifyKeyspaceEvents')} = "x": names no channel, so nothing is published: it must contain K (keyspace) or E (keyevent). ${fix}`,
    ]);
    expect(problemsOf({ notifyKeyspaceEvents: 'KE' })).toEqual([
      `${at('notifyKeyspaceEvents')} = "KE": names a channel but no event class, so nothing is published. ${fix}`,
    ]);
    expect(problemsOf({ notifyKeyspaceEvents: 'Exq' })).toEqual([
      `${at('notifyKeyspaceEvents')} = "Exq": has unknown event classes 'q'; allowed: KEg$lshzxetmdA. ${fix}`,
    ]);
  });

  test('a Global Datastore on a burstable node type', () => {
    expect(problemsOf({ nodeType: 'cache.t4g.medium', secondaryRegions: ['eu-central-1'] })).toEqual([
      `${at('nodeType')} = "cache.t4g.medium": is a burstable (T) node type, which Global Datastores do not support (M5, R5 and newer only). Fix: choose an m7g or r7g node type, or remove secondaryRegions`,
    ]);
  });

  test('more than two secondary regions (the shared check)', () => {
    const settings = {
      replicationGroupId: 'test-cache',
      engine: 'valkey',
      version: '8.2',
      nodeType: 'cache.r7g.large',
      clusterMode: false,
      shards: 1,
      replicasPerShard: 1,
      multiAz: true,
      snapshotRetentionDays: 7,
    } as const;
    expect(elasticacheClusterProblems({ ...settings, secondaryRegions: ['a', 'b'] })).toEqual([]);
    expect(elasticacheClusterProblems({ ...settings, secondaryRegions: ['a', 'b', 'c'] })).toEqual([
      {
        path: ['secondaryRegions'],
        value: ['a', 'b', 'c'],
        message: 'lists 3 regions; a Global Datastore has at most 2 secondary clusters',
        fix: 'keep at most 2 secondary regions',
      },
    ]);
  });

  test('the replication group id (<environment>-<name>) and a secondary id (<id>-dr<n>) must fit 40 characters', () => {
    const name = 'n'.repeat(30);
    const line = (env: string, message: string) =>
      `${env} › ${name} › databases[2].name = "${name}": ${message}. Fix: shorten the database (or environment) name`;
    expect(problemsOf({ name }, 'production', 'a'.repeat(9))).toEqual([]);
    expect(problemsOf({ name }, 'production', 'a'.repeat(10))).toEqual([
      line(
        'a'.repeat(10),
        `the replication group id '${'a'.repeat(10)}-${name}' (<environment>-<name>) must be 1–40 characters long (it has 41); ElastiCache allows at most 40`,
      ),
    ]);
    expect(problemsOf({ name, secondaryRegions: ['eu-central-1'] }, 'production', 'a'.repeat(5))).toEqual([]);
    expect(problemsOf({ name, secondaryRegions: ['eu-central-1'] }, 'production', 'a'.repeat(6))).toEqual([
      line(
        'a'.repeat(6),
        `the secondary's replication group id '${'a'.repeat(6)}-${name}-dr1' must be 1–40 characters long (it has 41); ElastiCache allows at most 40`,
      ),
    ]);
  });

  test('point-in-time recovery and deletion protection cannot be asked for: ElastiCache has neither', () => {
    expect(problemsOf({ pointInTimeRecovery: true as never })).toEqual([
      `${at('pointInTimeRecovery')} = true: ElastiCache has no point-in-time recovery (daily snapshots are its backup); remove the field or set it to false. Fix: change databases[2].pointInTimeRecovery in config/test.ts`,
    ]);
    expect(problemsOf({ deletionProtection: true as never })).toEqual([
      `${at('deletionProtection')} = true: ElastiCache has no deletion protection (removalPolicy keeps the group when it leaves the template); remove the field or set it to false. Fix: change databases[2].deletionProtection in config/test.ts`,
    ]);
  });

  test('an alarm threshold for an alarm ElastiCache does not have', () => {
    expect(problemsOf({ alarmThresholds: { 'cpu-warning': 70, 'engine-cpu-warning': 70 } })).toEqual([
      `${at('alarmThresholds.cpu-warning')} = 70: 'cpu-warning' is not an ElastiCache alarm; alarms: engine-cpu-warning, engine-cpu-critical, host-cpu-critical, memory-warning, memory-critical, freeable-memory-low, evictions, connections-warning, replication-lag, swap-usage, global-replication-lag. Fix: use one of the alarm ids`,
    ]);
  });
});
