/** Tags that become Google labels: at most 64 on a Cloud SQL instance, and no two tags on one label key. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (c: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change, 'production'));
  return check.ok ? [] : check.problems.map(formatProblem);
}
/** `count` distinct tags t0…t(count-1). */
const manyTags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, 'x']));

test('64 labels on the instance, environment tags included, pass; 65 are refused', () => {
  // The fixture's environment tags: { team: 'platform' } — one label, so 63 of the database's own make 64.
  expect(problemsOf((c) => (c.databases[1].tags = manyTags(63)))).toEqual([]);
  expect(problemsOf((c) => (c.databases[1].tags = manyTags(64)))).toEqual([
    'test › ledger › databases[1].tags = "65 labels": gives the instance 65 Google labels (environment tags included); Cloud SQL allows at most 64. Fix: remove 1 of the tags',
  ]);
});

test('two tags of a Cloud SQL database on one label key', () => {
  expect(problemsOf((c) => (c.databases[1].tags = { 'Cost Center': 'a', cost_center: 'b' }))).toEqual([
    "test › ledger › databases[1].tags.cost_center = \"b\": becomes the Google label 'cost_center', as the tag 'Cost Center' does; one of the two labels would be silently lost. Fix: rename one of the two tags so that their label keys (lowercased, other characters as _) differ",
  ]);
  expect(problemsOf((c) => (c.databases[1].tags = { 'Cost Center': 'a', 'cost-center': 'b' }))).toEqual([]);
});

test("a database tag that lands on an environment tag's label key names the database tag", () => {
  expect(problemsOf((c) => (c.databases[1].tags = { Team: 'data' }))).toEqual([
    "test › ledger › databases[1].tags.Team = \"data\": becomes the Google label 'team', as the tag 'team' does; one of the two labels would be silently lost. Fix: rename one of the two tags so that their label keys (lowercased, other characters as _) differ",
  ]);
});

test('two environment tags on one label key are reported once, at the environment', () => {
  expect(problemsOf((c) => (c.tags = { team: 'platform', TEAM: 'data' }))).toEqual([
    "test › tags.TEAM = \"data\": becomes the Google label 'team', as the tag 'team' does; one of the two labels would be silently lost. Fix: rename one of the two tags so that their label keys (lowercased, other characters as _) differ",
  ]);
});
