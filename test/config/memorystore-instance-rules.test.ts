/** Every bad Memorystore setting is refused with its exact message; each limit with a value just inside and outside. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import type { Tier } from '../../config/schema';
import { withChange } from '../support/fixtures';

const CACHE = { kind: 'memorystore-instance', name: 'cache', memorySizeGb: 5 };
function problemsOf(change: Record<string, unknown>, tier: Tier = 'production'): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c) => c.databases.push({ ...CACHE, ...change }), tier),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}
const at = (field: string, value: string) => `test › cache › databases[2].${field} = ${value}`;

test('the sample cache passes in every tier', () => {
  for (const tier of ['development', 'staging', 'production'] as const) expect(problemsOf({}, tier)).toEqual([]);
});

test.each([
  [1, []],
  [300, []],
  [
    0,
    [
      `${at('memorySizeGb', '0')}: must be a whole number of GB from 1 to 300 (Memorystore for Redis's smallest and largest instance). Fix: choose a size from 1 to 300 GB; for more data, split it across instances`,
    ],
  ],
  [
    301,
    [
      `${at('memorySizeGb', '301')}: must be a whole number of GB from 1 to 300 (Memorystore for Redis's smallest and largest instance). Fix: choose a size from 1 to 300 GB; for more data, split it across instances`,
    ],
  ],
  [
    2.5,
    [
      `${at('memorySizeGb', '2.5')}: must be a whole number of GB from 1 to 300 (Memorystore for Redis's smallest and largest instance). Fix: choose a size from 1 to 300 GB; for more data, split it across instances`,
    ],
  ],
])('memorySizeGb %s', (memorySizeGb, problems) => {
  expect(problemsOf({ memorySizeGb })).toEqual(problems);
});

test.each([
  [0, []],
  [5, []],
  [6, [`${at('readReplicas', '6')}: must be from 0 to 5: a Standard Tier instance has at most 5 read replicas. Fix: set readReplicas from 0 to 5`]],
  [-1, [`${at('readReplicas', '-1')}: must be from 0 to 5: a Standard Tier instance has at most 5 read replicas. Fix: set readReplicas from 0 to 5`]],
])('readReplicas %s', (readReplicas, problems) => {
  expect(problemsOf({ readReplicas })).toEqual(problems);
});

test('read replicas need the Standard Tier: refused on a Basic Tier cache (development default), accepted with highAvailability', () => {
  expect(problemsOf({ readReplicas: 1 }, 'development')).toEqual([
    `${at('readReplicas', '1')}: needs highAvailability: true; read replicas exist only on the Standard Tier (STANDARD_HA), not on the Basic Tier. Fix: set highAvailability: true, or readReplicas: 0`,
  ]);
  expect(problemsOf({ readReplicas: 1, highAvailability: true }, 'development')).toEqual([]);
});

test('read replicas need 5 GB: 4 GB is refused, 5 GB passes', () => {
  expect(problemsOf({ readReplicas: 1, memorySizeGb: 4 })).toEqual([
    `${at('readReplicas', '1')}: needs memorySizeGb of at least 5; Memorystore has read replicas only for nodes of 5 GB or more (this one has 4). Fix: raise memorySizeGb to 5, or set readReplicas: 0`,
  ]);
  expect(problemsOf({ readReplicas: 1, memorySizeGb: 5 })).toEqual([]);
});

test.each([
  [{ day: 1, hour: 0 }, []],
  [{ day: 7, hour: 23 }, []],
  [{ day: 0, hour: 6 }, [`${at('maintenanceWindow.day', '0')}: must be a day of the week from 1 (Monday) to 7 (Sunday). Fix: choose a day from 1 to 7`]],
  [{ day: 8, hour: 6 }, [`${at('maintenanceWindow.day', '8')}: must be a day of the week from 1 (Monday) to 7 (Sunday). Fix: choose a day from 1 to 7`]],
  [{ day: 7, hour: -1 }, [`${at('maintenanceWindow.hour', '-1')}: must be an hour from 0 to 23 (UTC). Fix: choose an hour from 0 to 23`]],
  [{ day: 7, hour: 24 }, [`${at('maintenanceWindow.hour', '24')}: must be an hour from 0 to 23 (UTC). Fix: choose an hour from 0 to 23`]],
])('maintenanceWindow %j', (maintenanceWindow, problems) => {
  expect(problemsOf({ maintenanceWindow })).toEqual(problems);
});

test("the instance name '<environment>-<database>' has at most 41 characters (the provider's name pattern)", () => {
  const environment = 'staging-europe1'; // 15 characters: with '-' and 25, 41
  const problems = (name: string) => {
    const check = checkEnvironment(
      environment,
      withChange((c) => c.databases.push({ ...CACHE, name })),
    );
    return check.ok ? [] : check.problems.map(formatProblem);
  };
  expect(problems('c'.repeat(25))).toEqual([]);
  const tooLong = 'c'.repeat(26);
  expect(problems(tooLong)).toEqual([
    `${environment} › ${tooLong} › databases[2].name = "${tooLong}": gives the Memorystore instance name '${environment}-${tooLong}' (<environment>-<database>), which has 42 characters; a Memorystore for Redis instance name has at most 41. Fix: shorten the database name`,
  ]);
});

test("removalPolicy 'snapshot' is refused (no final snapshot); staging's tier default 'snapshot' becomes 'retain'", () => {
  expect(problemsOf({ removalPolicy: 'snapshot' })).toEqual([
    `${at('removalPolicy', '"snapshot"')}: is not available for Memorystore for Redis, which takes no final snapshot when an instance is deleted. Fix: use 'retain' to keep the instance when it leaves the config, or 'destroy'`,
  ]);
  expect(problemsOf({ removalPolicy: 'retain' })).toEqual([]);
  expect(problemsOf({}, 'staging')).toEqual([]);
});

test('the region must be one the environment declares (it holds the key)', () => {
  expect(problemsOf({ region: 'europe-west4' })).toEqual([]);
  expect(problemsOf({ region: 'us-central1' })).toEqual([
    `${at('region', '"us-central1"')}: the region is not one of gcp.regions (europe-west1, europe-west4), so it would have no customer-managed key. Fix: add 'us-central1' to gcp.regions or choose a declared region`,
  ]);
});

test('schema choices: version, use, snapshotPeriod, connectedClientsAlert', () => {
  expect(problemsOf({ version: '7.0', use: 'store', snapshotPeriod: 'off', connectedClientsAlert: 1 })).toEqual([]);
  expect(problemsOf({ version: '5.0', use: 'queue', snapshotPeriod: '2h', connectedClientsAlert: 0 })).toEqual([
    `${at('version', '"5.0"')}: must be one of 7.2, 7.0, 6.x. Fix: change databases[2].version in config/test.ts`,
    `${at('use', '"queue"')}: must be one of cache, store. Fix: change databases[2].use in config/test.ts`,
    `${at('snapshotPeriod', '"2h"')}: must be one of 1h, 6h, 12h, 24h, off. Fix: change databases[2].snapshotPeriod in config/test.ts`,
    `${at('connectedClientsAlert', '0')}: must be a positive whole number of clients. Fix: change databases[2].connectedClientsAlert in config/test.ts`,
  ]);
});
