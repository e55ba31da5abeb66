import type { DynamodbTableInput, Tier } from '../../config/schema';
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment, validateEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

/** The fixture (eu-west-1 primary, eu-central-1 declared) plus a DynamoDB table at databases[2]. */
const withTable = (table: Partial<DynamodbTableInput> = {}, tier: Tier = 'production') =>
  withChange((c) => c.databases.push({ kind: 'dynamodb-table', name: 'sessions', partitionKey: { name: 'id', type: 'string' }, ...table }), tier);

/** GIVEN the fixture with this table, WHEN it is checked, THEN these exact problem lines come back. */
function problemsOf(table: Partial<DynamodbTableInput>, tier: Tier = 'production'): string[] {
  const check = checkEnvironment('test', withTable(table, tier));
  return check.ok ? [] : check.problems.map(formatProblem);
}

const at = (field: string) => `test › sessions › databases[2].${field}`;

describe('a valid DynamoDB table', () => {
  test('resolves with tier defaults: point-in-time recovery for the tier backup retention, protection by tier', () => {
    const table = (tier: Tier) => validateEnvironment('test', withTable({ replicaRegions: ['eu-central-1'] }, tier)).databases[2];
    expect(table('production')).toMatchObject({
      region: 'eu-west-1',
      pointInTimeRecovery: true,
      pointInTimeRecoveryDays: 35,
      deletionProtection: true,
      removalPolicy: 'retain',
      billing: { mode: 'on-demand' },
    });
    expect(table('staging')).toMatchObject({ pointInTimeRecoveryDays: 7, deletionProtection: true, removalPolicy: 'snapshot' });
    expect(table('development')).toMatchObject({ pointInTimeRecoveryDays: 1, deletionProtection: false, removalPolicy: 'destroy' });
  });

  test('a table setting wins; PITR off leaves no period', () => {
    expect(validateEnvironment('test', withTable({ pointInTimeRecoveryDays: 14 })).databases[2]).toMatchObject({ pointInTimeRecoveryDays: 14 });
    expect(validateEnvironment('test', withTable({ pointInTimeRecovery: false })).databases[2]).toMatchObject({
      pointInTimeRecovery: false,
      pointInTimeRecoveryDays: undefined,
    });
  });

  test('every setting at once passes', () => {
    expect(
      problemsOf({
        sortKey: { name: 'sk', type: 'string' },
        globalSecondaryIndexes: [
          { name: 'byUser', partitionKey: { name: 'user', type: 'string' }, readCapacity: { min: 1, max: 10 }, writeCapacity: { min: 1, max: 10 } },
        ],
        localSecondaryIndexes: [{ name: 'byTime', sortKey: { name: 'ts', type: 'number' }, projection: { include: ['status'] } }],
        billing: { mode: 'provisioned', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 5, max: 50, targetUtilizationPercent: 60 } },
        tableClass: 'standard-infrequent-access',
        timeToLiveAttribute: 'expiresAt',
        stream: 'new-and-old-images',
        contributorInsights: true,
        replicaRegions: ['eu-central-1'],
      }),
    ).toEqual([]);
  });
});

describe('DynamoDB bad input: each a clear error naming environment, table, field, value, allowed values and fix', () => {
  test('a replica in the primary region', () => {
    expect(problemsOf({ replicaRegions: ['eu-west-1'] })).toEqual([
      `${at('replicaRegions[0]')} = "eu-west-1": equals the primary's region; replicas of a dynamodb-table must be in other regions. Fix: remove 'eu-west-1' from replicaRegions or move the primary`,
    ]);
  });

  test('a replica region listed twice', () => {
    expect(problemsOf({ replicaRegions: ['eu-central-1', 'eu-central-1'] })).toEqual([
      `${at('replicaRegions[1]')} = "eu-central-1": is listed twice; each region can hold one replica. Fix: remove the duplicate 'eu-central-1'`,
    ]);
  });

  test('a replica region without a key (not in aws.regions, so it has no key, topic or backup vault)', () => {
    expect(problemsOf({ replicaRegions: ['us-east-1'] })).toEqual([
      `${at('replicaRegions[0]')} = "us-east-1": the replica region is not one of aws.regions (eu-west-1, eu-central-1), so it would have no customer-managed key or alarm topic. Fix: add 'us-east-1' to aws.regions or choose a declared region`,
    ]);
  });

  test('a point-in-time recovery period out of range', () => {
    expect(problemsOf({ pointInTimeRecoveryDays: 36 })).toEqual([
      `${at('pointInTimeRecoveryDays')} = 36: must be a whole number of days from 1 to 35 (DynamoDB point-in-time recovery period). Fix: choose from 1 to 35`,
    ]);
    expect(problemsOf({ pointInTimeRecoveryDays: 0 })).toEqual([
      `${at('pointInTimeRecoveryDays')} = 0: must be a whole number of days from 1 to 35 (DynamoDB point-in-time recovery period). Fix: choose from 1 to 35`,
    ]);
  });

  test('a point-in-time recovery period with point-in-time recovery off', () => {
    expect(problemsOf({ pointInTimeRecovery: false, pointInTimeRecoveryDays: 7 }, 'development')).toEqual([
      `${at('pointInTimeRecoveryDays')} = 7: is set while pointInTimeRecovery is off; a recovery period needs point-in-time recovery. Fix: remove pointInTimeRecoveryDays, or set pointInTimeRecovery: true`,
    ]);
  });

  test('inverted autoscaling bounds, on the table and on an index', () => {
    expect(
      problemsOf({
        billing: { mode: 'provisioned', readCapacity: { min: 5, max: 100 }, writeCapacity: { min: 50, max: 10 } },
        globalSecondaryIndexes: [{ name: 'byUser', partitionKey: { name: 'user', type: 'string' }, readCapacity: { min: 20, max: 2 } }],
      }),
    ).toEqual([
      `${at('billing.writeCapacity.min')} = 50: is greater than max (10); autoscaling needs min ≤ max. Fix: lower min to 10 or less, or raise max to 50 or more`,
      `${at('globalSecondaryIndexes[0].readCapacity.min')} = 20: is greater than max (2); autoscaling needs min ≤ max. Fix: lower min to 2 or less, or raise max to 20 or more`,
    ]);
  });

  test('a target utilization outside 20–90%', () => {
    expect(
      problemsOf({ billing: { mode: 'provisioned', readCapacity: { min: 5, max: 100, targetUtilizationPercent: 95 }, writeCapacity: { min: 5, max: 10 } } }),
    ).toEqual([
      `${at('billing.readCapacity.targetUtilizationPercent')} = 95: must be from 20 to 90. Fix: change databases[2].billing.readCapacity.targetUtilizationPercent in config/test.ts`,
    ]);
  });

  test('index capacity that does not match the billing mode', () => {
    expect(
      problemsOf({ globalSecondaryIndexes: [{ name: 'byUser', partitionKey: { name: 'user', type: 'string' }, readCapacity: { min: 1, max: 5 } }] }),
    ).toEqual([
      `${at('globalSecondaryIndexes[0].readCapacity')} = {"min":1,"max":5,"targetUtilizationPercent":70}: applies only to provisioned billing; this table is on-demand. Fix: remove readCapacity from the index, or change billing.mode`,
    ]);
    expect(
      problemsOf({
        billing: { mode: 'provisioned', readCapacity: { min: 1, max: 5 }, writeCapacity: { min: 1, max: 5 } },
        globalSecondaryIndexes: [{ name: 'byUser', partitionKey: { name: 'user', type: 'string' }, maxReadRequestUnits: 100 }],
      }),
    ).toEqual([
      `${at('globalSecondaryIndexes[0].maxReadRequestUnits')} = 100: applies only to on-demand billing; this table is provisioned. Fix: remove maxReadRequestUnits from the index, or change billing.mode`,
    ]);
  });

  test('more than 20 global or 5 local secondary indexes', () => {
    const gsis = Array.from({ length: 21 }, (_, i) => ({ name: `gsi${String(i).padStart(2, '0')}`, partitionKey: { name: `a${i}`, type: 'string' as const } }));
    const lsis = Array.from({ length: 6 }, (_, i) => ({ name: `lsi${i}`, sortKey: { name: `s${i}`, type: 'number' as const } }));
    const problems = problemsOf({ sortKey: { name: 'sk', type: 'string' }, globalSecondaryIndexes: gsis, localSecondaryIndexes: lsis });
    expect(problems).toEqual([
      `${at('globalSecondaryIndexes')} = ${JSON.stringify(gsis.map((g) => g.name))}: lists 21 indexes; a table has at most 20 global secondary indexes. Fix: remove 1 of them, or split the table`,
      `${at('localSecondaryIndexes')} = ${JSON.stringify(lsis.map((l) => l.name))}: lists 6 indexes; a table has at most 5 local secondary indexes. Fix: remove 1 of them (local indexes exist only from the table's creation)`,
    ]);
  });

  test('a local index on a table without a sort key, and two indexes with one name', () => {
    expect(
      problemsOf({
        localSecondaryIndexes: [{ name: 'byTime', sortKey: { name: 'ts', type: 'number' } }],
        globalSecondaryIndexes: [{ name: 'byTime', partitionKey: { name: 'user', type: 'string' } }],
      }),
    ).toEqual([
      `${at('localSecondaryIndexes')} = ["byTime"]: needs a table sortKey: a local secondary index keeps the partition key and sorts by another attribute. Fix: add a sortKey to the table (only possible when creating it), or use a global secondary index`,
      `${at('localSecondaryIndexes[0].name')} = "byTime": names another index of this table already; index names are unique per table. Fix: rename one of the two indexes`,
    ]);
  });

  test('one attribute with two types', () => {
    expect(problemsOf({ globalSecondaryIndexes: [{ name: 'byId', partitionKey: { name: 'id', type: 'number' } }] })).toEqual([
      `${at('globalSecondaryIndexes[0].partitionKey.type')} = "number": declares 'id' as number, but partitionKey declares it as string; an attribute has one type. Fix: use type 'string' or another attribute name`,
    ]);
  });

  test('a replicated table needs the new-and-old-images stream', () => {
    expect(problemsOf({ replicaRegions: ['eu-central-1'], stream: 'keys-only' })).toEqual([
      `${at('stream')} = "keys-only": must be new-and-old-images on a table with replicas: eventually consistent global tables replicate through the stream. Fix: set stream: 'new-and-old-images' or remove it (it is the default with replicas)`,
    ]);
  });

  test('strong consistency needs 3 regions, or 2 and a witness, within one region set', () => {
    expect(problemsOf({ replicaRegions: ['eu-central-1'], multiRegionConsistency: 'strong' })).toEqual([
      `${at('multiRegionConsistency')} = "strong": needs exactly 3 regions (the primary and 2 replicas) or 2 regions plus a witness region; this table has 2 region(s). Fix: list 2 replicaRegions, or 1 replica region and a witnessRegion`,
    ]);
    expect(problemsOf({ replicaRegions: ['eu-central-1'], multiRegionConsistency: 'strong', witnessRegion: 'us-east-1' })).toEqual([
      `${at('witnessRegion')} = "us-east-1": is outside the EU region set of the primary (eu-west-1, eu-west-2, eu-west-3, eu-central-1); strongly consistent tables stay within one set. Fix: choose a region of eu-west-1, eu-west-2, eu-west-3, eu-central-1`,
    ]);
    expect(problemsOf({ replicaRegions: ['eu-central-1'], multiRegionConsistency: 'strong', witnessRegion: 'eu-west-3' })).toEqual([]);
  });

  test('a witness region without strong consistency', () => {
    expect(problemsOf({ replicaRegions: ['eu-central-1'], witnessRegion: 'eu-west-3' })).toEqual([
      `${at('witnessRegion')} = "eu-west-3": applies only to multiRegionConsistency: strong. Fix: remove witnessRegion, or set multiRegionConsistency: 'strong'`,
    ]);
  });

  test('an unknown billing mode', () => {
    expect(problemsOf({ billing: { mode: 'reserved' } as never })).toEqual([
      `${at('billing.mode')} = "reserved": billing.mode must be 'on-demand' (optional maxRead/WriteRequestUnits) or 'provisioned' (readCapacity, writeCapacity). Fix: change databases[2].billing.mode in config/test.ts`,
    ]);
  });
});
