/**
 * dbctl verify of an ElastiCache replication group against moto_server (moto 5.2.1: replication groups with engine,
 * node type, encryption, AUTH, transit encryption mode, Multi-AZ, failover and snapshot retention; it has no Global
 * Datastores (no CreateGlobalReplicationGroup), so the secondary rows are not exercised here, only by the pure
 * checks), creates no member cache clusters (the engine version row is skipped) and sizes a cluster-mode-disabled
 * group by ReplicasPerNodeGroup only. The group is created through the SDK as the stack would create it, then drifted.
 */
import {
  CreateCacheSubnetGroupCommand,
  CreateReplicationGroupCommand,
  type CreateReplicationGroupCommandInput,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import type { CheckResult } from '../../lib/operations/check-result';
import type { ElasticacheClusterPlan } from '../../lib/plan/plan-types';
import { describeWithTool } from '../support/local-tools';
import { MOTO_INSTALL_HINT } from './support/moto-server';
import { useMotoSample } from './support/moto-sample';
import { dbctl } from './support/run-dbctl';
import { ENVIRONMENT, REGION, samplePlan, seedAlarms, seedRegionKey, writeSampleConfig } from './support/sample-account';

const describeMoto = describeWithTool('moto_server', MOTO_INSTALL_HINT);

const SAMPLE_CACHE = {
  kind: 'elasticache-cluster',
  name: 'cache',
  use: 'cache',
  allowedCidrs: ['10.0.0.0/16'],
  waivers: [
    { rule: 'point-in-time-recovery', reason: 'ElastiCache has no point-in-time recovery; snapshots are the backup' },
    { rule: 'deletion-protection', reason: 'ElastiCache has no deletion protection; removalPolicy keeps it' },
  ],
};

describeMoto('dbctl verify of an ElastiCache replication group against moto', () => {
  const sample = useMotoSample();
  const endpoint = () => sample.moto.endpoint;
  let cache: ElasticacheClusterPlan;

  beforeEach(() => {
    sample.configDir = writeSampleConfig(sample.network, (config) => config.databases.push(SAMPLE_CACHE));
    cache = samplePlan(sample.configDir).plan.databases['elasticache-cluster'][0];
  });

  /** What the stack creates: the group as planned (with `drift` applied) and every node's alarms. */
  async function seedCache(drift: Partial<CreateReplicationGroupCommandInput> = {}) {
    const keyArn = await seedRegionKey(endpoint(), REGION, cache.keyAlias);
    const client = new ElastiCacheClient({ region: REGION, endpoint: endpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await client.send(
      new CreateCacheSubnetGroupCommand({
        CacheSubnetGroupName: cache.replicationGroupId,
        CacheSubnetGroupDescription: 'test',
        SubnetIds: sample.network.subnetIds,
      }),
    );
    await client.send(
      new CreateReplicationGroupCommand({
        ReplicationGroupId: cache.replicationGroupId,
        ReplicationGroupDescription: 'test',
        Engine: cache.engine,
        EngineVersion: cache.engineVersion,
        CacheNodeType: cache.nodeType,
        NumCacheClusters: 1 + cache.replicasPerShard,
        // moto 5.2.1 sizes a cluster-mode-disabled group by ReplicasPerNodeGroup and ignores NumCacheClusters.
        ReplicasPerNodeGroup: cache.replicasPerShard,
        MultiAZEnabled: cache.multiAz,
        AutomaticFailoverEnabled: cache.multiAz,
        AtRestEncryptionEnabled: true,
        KmsKeyId: keyArn,
        TransitEncryptionEnabled: true,
        TransitEncryptionMode: 'required',
        AuthToken: 'a'.repeat(32),
        SnapshotRetentionLimit: cache.snapshotRetentionDays,
        CacheSubnetGroupName: cache.replicationGroupId,
        ...drift,
      }),
    );
    await seedAlarms(endpoint(), REGION, cache.nodes.flatMap((n) => n.alarms) as never, cache.alarmTopicArn);
  }

  async function verifyJson() {
    const run = await dbctl(['verify', '--env', ENVIRONMENT, '--database', 'cache', '--endpoint-url', endpoint(), '--json'], { configDir: sample.configDir });
    const checks: CheckResult[] = JSON.parse(run.stdout).checks;
    const failed = checks.filter((c) => c.status === 'fail').map(({ resource, check, planned, live }) => ({ resource, check, planned, live }));
    return { run, checks, failed };
  }

  test('GIVEN the group as planned WHEN verify runs THEN every row and alarm passes, exit 0', async () => {
    await seedCache();
    const { run, checks, failed } = await verifyJson();
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(checks.filter((c) => !c.check.startsWith('alarm')).map((c) => `${c.resource} ${c.check}: ${c.planned} | ${c.live} | ${c.status}`)).toEqual([
      'sample-cache status: available | available | pass',
      'sample-cache engine: valkey | valkey | pass',
      // moto 5.2.1 creates no member cache clusters, so DescribeCacheClusters cannot report the version.
      'sample-cache engine version: 8.2 | not reported (no member cluster described) | skip',
      'sample-cache node type: cache.r7g.large | cache.r7g.large | pass',
      'sample-cache auth: AUTH token on | AUTH token on | pass',
      'sample-cache snapshot retention: 35 days | 35 days | pass',
      expect.stringMatching(/^sample-cache encryption at rest: alias\/sample-databases in eu-west-1 \| key\/[0-9a-f-]+ \(alias\/sample-databases\) \| pass$/),
      'sample-cache transit encryption: on, required | on, required | pass',
      'sample-cache multi-AZ: on | on | pass',
      'sample-cache automatic failover: on | on | pass',
      'sample-cache layout: 2 node(s) | 2 node(s) | pass',
    ]);
    const alarmCount = cache.nodes.flatMap((n) => n.alarms).length;
    expect(checks.filter((c) => c.check === 'alarm')).toHaveLength(alarmCount);
    expect(checks.filter((c) => c.check === 'alarm actions')).toHaveLength(alarmCount);
  });

  test('GIVEN a drifted group (single-AZ, transit encryption preferred, no AUTH, 7 days of snapshots) WHEN verify runs THEN those rows fail, exit 1', async () => {
    await seedCache({
      MultiAZEnabled: false,
      AutomaticFailoverEnabled: false,
      TransitEncryptionMode: 'preferred',
      AuthToken: undefined,
      SnapshotRetentionLimit: 7,
    });
    const { run, failed } = await verifyJson();
    expect(failed).toEqual([
      { resource: 'sample-cache', check: 'auth', planned: 'AUTH token on', live: 'off' },
      { resource: 'sample-cache', check: 'snapshot retention', planned: '35 days', live: '7 days' },
      { resource: 'sample-cache', check: 'transit encryption', planned: 'on, required', live: 'on, preferred' },
      { resource: 'sample-cache', check: 'multi-AZ', planned: 'on', live: 'off' },
      { resource: 'sample-cache', check: 'automatic failover', planned: 'on', live: 'off' },
    ]);
    expect(run.code).toBe(1);
  });

  test('GIVEN no group WHEN verify runs THEN it says so, exit 1', async () => {
    const { run, failed } = await verifyJson();
    expect(failed[0]).toEqual({ resource: 'sample-cache', check: 'exists', planned: 'replication group in eu-west-1', live: 'not found in eu-west-1' });
    expect(run.code).toBe(1);
  });
});
