/** The verify rows of an ElastiCache group, on SDK-shaped values: the Global Datastore secondary rows moto cannot serve. */
import type { ReplicationGroup } from '@aws-sdk/client-elasticache';
import { elasticacheGroupChecks } from '../../lib/operations/verify/elasticache-cluster-checks';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { withChange } from '../support/fixtures';

const env = validateEnvironment(
  'test',
  withChange((c) =>
    c.databases.push({ kind: 'elasticache-cluster', name: 'cache', use: 'cache', nodeType: 'cache.r7g.large', secondaryRegions: ['eu-central-1'] }),
  ),
);
const plan = buildPlan(env).databases['elasticache-cluster'][0];
const secondary = plan.global!.secondaries[0];
const KEY = 'arn:aws:kms:eu-central-1:123456789012:key/11111111-2222-3333-4444-555555555555';

function secondaryGroup(change: Partial<ReplicationGroup> = {}): ReplicationGroup {
  return {
    ReplicationGroupId: 'test-cache-dr1',
    Status: 'available',
    MemberClusters: ['test-cache-dr1-001', 'test-cache-dr1-002'],
    MultiAZ: 'enabled',
    AutomaticFailover: 'enabled',
    AtRestEncryptionEnabled: true,
    KmsKeyId: KEY,
    TransitEncryptionEnabled: true,
    TransitEncryptionMode: 'required',
    ...change,
  };
}

const rows = (group?: ReplicationGroup, keyArn = KEY) =>
  elasticacheGroupChecks({ plan, group: secondary, plannedKeyArn: KEY, live: group && { group, keyArn } }).map(
    (c) => `${c.resource} ${c.check}: ${c.planned} | ${c.live} | ${c.status}`,
  );

test('GIVEN the secondary as planned THEN its own rows pass (engine, AUTH and snapshots are the primary’s)', () => {
  expect(rows(secondaryGroup())).toEqual([
    'test-cache-dr1 status: available | available | pass',
    'test-cache-dr1 encryption at rest: alias/test-databases in eu-central-1 | key/11111111-2222-3333-4444-555555555555 (alias/test-databases) | pass',
    'test-cache-dr1 transit encryption: on, required | on, required | pass',
    'test-cache-dr1 multi-AZ: on | on | pass',
    'test-cache-dr1 automatic failover: on | on | pass',
    'test-cache-dr1 layout: 2 node(s) | 2 node(s) | pass',
  ]);
});

test('GIVEN the secondary with another key and single-AZ THEN those rows fail', () => {
  const other = 'arn:aws:kms:eu-central-1:123456789012:key/99999999-8888-7777-6666-555555555555';
  expect(rows(secondaryGroup({ KmsKeyId: other, MultiAZ: 'disabled' }), other).filter((r) => r.endsWith('fail'))).toEqual([
    'test-cache-dr1 encryption at rest: alias/test-databases in eu-central-1 | key/99999999-8888-7777-6666-555555555555 | fail',
    'test-cache-dr1 multi-AZ: on | off | fail',
  ]);
});

test('GIVEN no secondary THEN it says so in its region', () => {
  expect(rows(undefined)).toEqual(['test-cache-dr1 secondary exists: replication group in eu-central-1 | not found in eu-central-1 | fail']);
});
