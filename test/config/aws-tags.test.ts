/**
 * AWS tag rules on the environment's and each database's `tags` (limits from the Amazon RDS API Reference, "Tag"):
 * each limit just inside (accepted) and just outside (refused, exact message), keys and values alike.
 */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

function problemsOf(change: (c: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change, 'production'));
  return check.ok ? [] : check.problems.map(formatProblem);
}
const envTags = (tags: Record<string, string>) => (c: any) => (c.tags = tags);
const dbTags = (tags: Record<string, string>) => (c: any) => (c.databases[0].tags = tags);
const ALLOWED = 'letters, digits, spaces and _ . : / = + - @';

test('keys of 128 and values of 256 characters, every allowed symbol, Unicode letters and an empty value pass', () => {
  expect(problemsOf(envTags({ ['k'.repeat(128)]: 'v'.repeat(256), 'a_b.c:d/e=f+g-h@i j': 'x_y.z:/=+-@ w', Équipe: 'données', empty: '' }))).toEqual([]);
  expect(problemsOf(dbTags({ 'cost-center': 'ÄÖ 42', awsome: 'rdsx: not a prefix' }))).toEqual([]);
});

test('a key of 129 characters', () => {
  const key = 'k'.repeat(129);
  expect(problemsOf(envTags({ [key]: 'a' }))).toEqual([
    `test › tags.${key} = "a": the tag key has 129 characters; AWS allows at most 128. Fix: change tags.${key} in config/test.ts`,
  ]);
});

test('a value of 257 characters', () => {
  const [problem] = problemsOf(dbTags({ owner: 'v'.repeat(257) }));
  expect(problem).toMatch(
    /^test › orders › databases\[0\]\.tags\.owner = "v+\.\.\.: the tag value has 257 characters; AWS allows at most 256\. Fix: change databases\[0\]\.tags\.owner in config\/test\.ts$/,
  );
});

test('an empty key', () => {
  expect(problemsOf(envTags({ '': 'a' }))).toEqual([
    'test › tags. = "a": the tag key is empty; AWS allows 1 to 128 characters. Fix: change tags. in config/test.ts',
  ]);
});

test.each([
  ['aws:owner', "'aws:'"],
  ['AWS:owner', "'AWS:'"],
  ['Aws:owner', "'Aws:'"],
  ['rds:owner', "'rds:'"],
  ['RDS:owner', "'RDS:'"],
])('the reserved prefix of %s', (key, prefix) => {
  expect(problemsOf(envTags({ [key]: 'team' }))).toEqual([
    `test › tags.${key} = "team": the tag key starts with ${prefix}, a prefix AWS reserves for its own tags. Fix: change tags.${key} in config/test.ts`,
  ]);
});

test('a reserved prefix in a value', () => {
  expect(problemsOf(dbTags({ source: 'aws:cloudformation' }))).toEqual([
    'test › orders › databases[0].tags.source = "aws:cloudformation": the tag value starts with \'aws:\', a prefix AWS reserves for its own tags. Fix: change databases[0].tags.source in config/test.ts',
  ]);
});

test.each(['team#', 'cost*center', 'a,b', 'emoji✓'])('a key with a refused character: %s', (key) => {
  expect(problemsOf(envTags({ [key]: 'x' }))).toEqual([
    `test › tags.${key} = "x": the tag key has characters AWS refuses; allowed: ${ALLOWED}. Fix: change tags.${key} in config/test.ts`,
  ]);
});

test('a value with a refused character', () => {
  expect(problemsOf(dbTags({ url: 'https://example.com/?q=1' }))).toEqual([
    `test › orders › databases[0].tags.url = "https://example.com/?q=1": the tag value has characters AWS refuses; allowed: ${ALLOWED}. Fix: change databases[0].tags.url in config/test.ts`,
  ]);
});
