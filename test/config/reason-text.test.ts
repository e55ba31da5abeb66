import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

/** GIVEN the production fixture with one change, WHEN checked, THEN these exact problem lines come back. */
function problemsOf(change: (c: any) => void): string[] {
  const check = checkEnvironment('test', withChange(change, 'production'));
  return check.ok ? [] : check.problems.map(formatProblem);
}

// Every free-text reason (waiver, backup opt-out, approved replacement) needs 10 characters besides the spaces
// around it: a reason of blanks is no reason.
const JUST_INSIDE = '  rebuilt ok  '; // 10 characters once trimmed
const JUST_OUTSIDE = '  rebuilt o   '; // 9 characters once trimmed, 14 with the spaces
const BLANK = ' '.repeat(20);

const reasons = [
  {
    scope: 'test › orders',
    field: 'databases[0].waivers[0].reason',
    set: (reason: string) => (c: any) => (c.databases[0].waivers = [{ rule: 'high-availability', reason }]),
    message: 'must say why the waiver is acceptable (at least 10 characters)',
  },
  {
    scope: 'test',
    field: 'aws.backup.optOuts[0].reason',
    set: (reason: string) => (c: any) => (c.aws.backup = { optOuts: [{ database: 'orders', reason }] }),
    message: 'must say why the database needs no AWS Backup plan (at least 10 characters)',
  },
  {
    scope: 'test',
    field: 'approvedReplacements[0].reason',
    set: (reason: string) => (c: any) => (c.approvedReplacements = [{ resource: 'test-aws-eu-west-1/Orders', change: '0123456789ab', reason }]),
    message: 'must say why the replacement is safe (at least 10 characters)',
  },
];

describe.each(reasons)('$field', ({ scope, field, set, message }) => {
  test('10 characters besides the surrounding spaces are enough', () => {
    expect(problemsOf(set(JUST_INSIDE))).toEqual([]);
  });

  test.each([JUST_OUTSIDE, BLANK, ''])('%j is refused', (reason) => {
    expect(problemsOf(set(reason))).toEqual([`${scope} › ${field} = ${JSON.stringify(reason)}: ${message}. Fix: change ${field} in config/test.ts`]);
  });
});
