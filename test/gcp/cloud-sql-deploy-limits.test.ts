/** Cloud SQL limits at synth: backup locations, read replicas per primary (SQL Server: 8), project id rules. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (config: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change));
  return check.ok ? [] : check.problems.map(formatProblem);
}
/** The fixture's PostgreSQL instance, databases[1] ('ledger', europe-west1). */
const ledger = (change: Record<string, unknown>) => (c: any) => Object.assign(c.databases[1], change);

describe('backup location', () => {
  test.each(['eu', 'us', 'asia', 'europe-west1', 'us-central1', 'northamerica-south1'])('%s passes', (backupLocation) => {
    expect(problemsOf(ledger({ backupLocation }))).toEqual([]);
  });

  test.each(['europe', 'emea', 'europe-west5', 'eu-west1'])('%s fails', (backupLocation) => {
    expect(problemsOf(ledger({ backupLocation }))).toEqual([
      `test › ledger › databases[1].backupLocation = "${backupLocation}": is neither a Cloud SQL region nor a multi-region (asia, eu, us). Fix: use a multi-region such as eu, a region such as europe-west1, or remove it for the instance's region`,
    ]);
  });
});

describe('read replicas per primary', () => {
  const SQL_SERVER = {
    kind: 'cloudsql-instance',
    name: 'billing',
    engine: 'sqlserver',
    version: '2022-enterprise',
    tier: 'db-custom-2-7680',
    diskSizeGb: 50,
    rootPasswordSecret: 'billing-root',
  };
  const withReplicas = (count: number) => (c: any) =>
    c.databases.push({ ...SQL_SERVER, replicas: Array.from({ length: count }, () => ({ region: 'europe-west1' })) });

  test('SQL Server: 8 pass, 9 fail', () => {
    expect(problemsOf(withReplicas(8))).toEqual([]);
    expect(problemsOf(withReplicas(9))).toEqual([
      'test › billing › databases[2].replicas = 9: lists 9 read replicas; Cloud SQL for SQL Server allows at most 8 per primary. Fix: remove 1 of them',
    ]);
  });

  test('PostgreSQL has no limit enforced here (none verified)', () => {
    expect(problemsOf(ledger({ replicas: Array.from({ length: 9 }, () => ({ region: 'europe-west1' })) }))).toEqual([]);
  });
});

describe('project id', () => {
  const projectId = (id: string) => (c: any) => (c.gcp.projectId = id);

  test('6 and 30 characters pass; 5 and 31 fail', () => {
    expect(problemsOf(projectId('abcdef'))).toEqual([]);
    expect(problemsOf(projectId(`a${'b'.repeat(29)}`))).toEqual([]);
    expect(problemsOf(projectId('abcde'))).toEqual([
      'test › gcp.projectId = "abcde": has 5 characters; a project id has 6 to 30. Fix: change gcp.projectId in config/test.ts',
    ]);
    expect(problemsOf(projectId(`a${'b'.repeat(30)}`))).toEqual([
      `test › gcp.projectId = "a${'b'.repeat(30)}": has 31 characters; a project id has 6 to 30. Fix: change gcp.projectId in config/test.ts`,
    ]);
  });

  test.each(['1abcdef', 'abcdef-', 'Abcdef', 'abc_def'])('%s: characters, first letter, trailing hyphen', (id) => {
    expect(problemsOf(projectId(id))).toEqual([
      `test › gcp.projectId = "${id}": must be lowercase letters, digits or hyphens, start with a letter and not end with a hyphen. Fix: change gcp.projectId in config/test.ts`,
    ]);
  });

  test.each([
    ['my-google-db', 'google'],
    ['null-project', 'null'],
    ['undefined-x', 'undefined'],
    ['myssl-db', 'ssl'],
  ])('%s contains a restricted string', (id, word) => {
    expect(problemsOf(projectId(id))).toEqual([
      `test › gcp.projectId = "${id}": contains '${word}', a string Google refuses in project ids (google, null, undefined, ssl). Fix: change gcp.projectId in config/test.ts`,
    ]);
  });
});
