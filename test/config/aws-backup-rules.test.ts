import type { Tier } from '../../config/schema';
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

/** GIVEN the fixture (eu-west-1 primary, eu-central-1 declared) with aws.backup set, WHEN checked, THEN these lines. */
function problemsOf(change: (c: any) => void, tier: Tier = 'production'): string[] {
  const check = checkEnvironment('test', withChange(change, tier));
  return check.ok ? [] : check.problems.map(formatProblem);
}
const backup = (settings: object) => (c: any) => (c.aws.backup = settings);

test('the fixture passes in every tier; production copies to the other declared region by default', () => {
  for (const tier of ['development', 'staging', 'production'] as const) expect(problemsOf(() => undefined, tier)).toEqual([]);
  expect(problemsOf(backup({ copyRegions: { 'eu-west-1': 'eu-central-1' }, continuousBackupForRds: true }))).toEqual([]);
});

describe('copy regions', () => {
  test('a copy target equal to its source', () => {
    expect(problemsOf(backup({ copyRegions: { 'eu-west-1': 'eu-west-1' } }))).toEqual([
      'test › aws.backup.copyRegions.eu-west-1 = "eu-west-1": equals the region it copies from; a copy protects against losing the region only in another one. Fix: copy eu-west-1\'s backups to another region of aws.regions (eu-central-1)',
    ]);
  });

  test('a copy target without a vault (not in aws.regions)', () => {
    expect(problemsOf(backup({ copyRegions: { 'eu-west-1': 'us-east-1' } }))).toEqual([
      'test › aws.backup.copyRegions.eu-west-1 = "us-east-1": is not one of aws.regions (eu-west-1, eu-central-1), so it has no backup vault (or key) to copy into. Fix: add \'us-east-1\' to aws.regions, or copy to one of eu-central-1',
    ]);
  });

  test('a copy source that is not declared', () => {
    expect(problemsOf(backup({ copyRegions: { 'us-east-1': 'eu-central-1' } }))).toEqual([
      'test › aws.backup.copyRegions.us-east-1 = "eu-central-1": copies from us-east-1, which is not one of aws.regions (eu-west-1, eu-central-1), so it has no vault. Fix: remove \'us-east-1\' from aws.backup.copyRegions or add it to aws.regions',
    ]);
  });

  test('production with a single region has nowhere to copy to; staging does not copy', () => {
    const singleRegion = (c: any) => delete c.aws.regions['eu-central-1'];
    expect(problemsOf(singleRegion)).toEqual([
      'test › aws.regions = ["eu-west-1"]: has no region besides eu-west-1; the production tier copies every backup into another region\'s vault. Fix: add a disaster recovery region to aws.regions (optionally naming it in aws.backup.copyRegions)',
    ]);
    expect(problemsOf(singleRegion, 'staging')).toEqual([]);
  });
});

describe('vault lock', () => {
  test('retention out of range', () => {
    expect(problemsOf(backup({ vaultLock: { minRetentionDays: 0, maxRetentionDays: 40000 } }))).toEqual([
      'test › aws.backup.vaultLock.minRetentionDays = 0: must be a whole number of days from 1 to 36500 (AWS Backup Vault Lock limit) for vault test-databases. Fix: choose from 1 to 36500',
      'test › aws.backup.vaultLock.maxRetentionDays = 40000: must be a whole number of days from 1 to 36500 (AWS Backup Vault Lock limit) for vault test-databases. Fix: choose from 1 to 36500',
    ]);
  });

  test('a maximum not above the minimum, and a cooling-off period under 3 days', () => {
    expect(problemsOf(backup({ vaultLock: { minRetentionDays: 35, maxRetentionDays: 35, changeableForDays: 2 } }))).toEqual([
      'test › aws.backup.vaultLock.maxRetentionDays = 35: must be greater than minRetentionDays (35) for vault test-databases. Fix: raise it above 35, or lower minRetentionDays',
      'test › aws.backup.vaultLock.changeableForDays = 2: must be from 3 to 36500 days for vault test-databases: AWS Backup waits 72 hours before a compliance lock becomes immutable. Fix: choose 3 days or more, or remove it to keep the lock in governance mode',
    ]);
  });

  test('a lock the production plan could not live with', () => {
    expect(problemsOf(backup({ vaultLock: { minRetentionDays: 60 } }))).toEqual([
      "test › aws.backup.vaultLock.minRetentionDays = 60: is longer than the 35-day retention of rule 'daily'; vault test-databases would fail those jobs. Fix: lower minRetentionDays to 35 or less",
    ]);
    expect(problemsOf(backup({ vaultLock: { minRetentionDays: 7, maxRetentionDays: 100 } }))).toEqual([
      "test › aws.backup.vaultLock.maxRetentionDays = 100: is shorter than the 365-day retention of rule 'monthly'; vault test-databases would fail those jobs. Fix: raise maxRetentionDays to 365 or more",
    ]);
  });

  test("a staging lock is checked against the staging plan (its daily rule keeps the tier's 7 days) and continuous backups", () => {
    expect(problemsOf(backup({ vaultLock: { minRetentionDays: 14 }, continuousBackupForRds: true }), 'staging')).toEqual([
      "test › aws.backup.vaultLock.minRetentionDays = 14: is longer than the 7-day retention of rule 'daily'; vault test-databases would fail those jobs. Fix: lower minRetentionDays to 7 or less",
    ]);
  });
});

describe('opt-outs', () => {
  test('only with a reason', () => {
    expect(problemsOf(backup({ optOuts: [{ database: 'orders', reason: 'tmp' }] }))).toEqual([
      'test › aws.backup.optOuts[0].reason = "tmp": must say why the database needs no AWS Backup plan (at least 10 characters). Fix: change aws.backup.optOuts[0].reason in config/test.ts',
    ]);
  });

  test('of an AWS database of the environment, once', () => {
    expect(
      problemsOf(
        backup({
          optOuts: [
            { database: 'ledger', reason: 'Cloud SQL keeps its own backups' },
            { database: 'orders', reason: 'rebuilt nightly from the lake' },
            { database: 'orders', reason: 'rebuilt nightly from the lake' },
          ],
        }),
      ),
    ).toEqual([
      'test › aws.backup.optOuts[0].database = "ledger": is not an AWS database of this environment (orders). Fix: name an AWS database, or remove the opt-out',
      'test › aws.backup.optOuts[2].database = "orders": opts the same database out a second time. Fix: keep one opt-out per database',
    ]);
  });
});
