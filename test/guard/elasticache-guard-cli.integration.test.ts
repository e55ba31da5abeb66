/**
 * The guard on an ElastiCache replication group, as a user runs it: the real CDK CLI synthesizes an environment of a
 * copied config folder (dev's file as `qa`, with its Valkey cache), `npm run guard -- --approve` records the
 * baseline, then a crafted config change is synthesized and checked. CloudFormation replaces a replication group
 * when its Port changes (cloudformation-diff's spec: Port, Engine, KmsKeyId, CacheSubnetGroupName, … replace), which
 * empties the cache: blocked. A snapshot retention change updates in place: passes.
 */
import { qaGuardWorkspace } from './support/qa-guard-workspace';

const workspace = qaGuardWorkspace('guard-cache-');
const { synth, guard } = workspace;

/** Edits the cache block of qa.ts (the one `kind: 'elasticache-cluster'` entry). */
const editCache = (extra: string) => workspace.writeQa("kind: 'elasticache-cluster',", extra);

beforeAll(() => workspace.approveBaseline("kind: 'elasticache-cluster',", ''), 180_000);

afterAll(() => workspace.remove());

test('a new port replaces the replication group: blocked, with the resource, the property and the fix', () => {
  editCache('port: 6380,');
  synth();
  const result = guard();
  expect(result.status).toBe(1);
  const line = result.stdout.find((l) => l.includes('AWS::ElastiCache::ReplicationGroup'));
  expect(line).toMatch(
    /^qa › qa-elasticache-session-cache › CacheReplicationGroup[0-9A-F]{8} \(AWS::ElastiCache::ReplicationGroup\) would be replaced because Port changes/,
  );
  expect(line).toContain(
    "Fix: revert the change, or if it is intended add to config/qa.ts approvedReplacements: [{ resource: 'qa-elasticache-session-cache/CacheReplicationGroup",
  );
}, 180_000);

test('a longer snapshot retention updates in place: passes', () => {
  editCache('snapshotRetentionDays: 3,');
  synth();
  const result = guard();
  expect(result.stdout.filter((l) => l.includes('ElastiCache'))).toEqual([]);
  expect(result.status).toBe(0);
}, 180_000);
