import { isWarningOnlyValidationReport } from './quiet-expected-warnings';

const report = (...findings: string[]) => [...findings, 'A copy of this report can be found in: /tmp/cdk.outX/validation-report.json'].join('\n\n');

test('a validation report of warnings only is expected noise', () => {
  expect(
    isWarningOnlyValidationReport(
      report('WARNING test-orders: alarms have no action; pass alarmTopic so someone is notified (Annotation)\n   Test/Orders constructs.Construct'),
    ),
  ).toBe(true);
  expect(isWarningOnlyValidationReport(report('\u001b[33mWARNING\u001b[39m a colored one (Annotation)'))).toBe(true);
});

test('a report with an error, or any other message, is news and still prints', () => {
  expect(isWarningOnlyValidationReport(report('WARNING a warning (Annotation)', 'ERROR a failing rule (Annotation)'))).toBe(false);
  expect(isWarningOnlyValidationReport('WARNING something else entirely')).toBe(false);
  expect(isWarningOnlyValidationReport(report())).toBe(false);
});
