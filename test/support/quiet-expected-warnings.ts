/**
 * `npm test` prints what is news, not what the tests expect. aws-cdk-lib's synthesis validation (the
 * `@aws-cdk/core:validateAgainstDefaultRules` flag) prints every warning annotation of every synthesized test stack
 * to console.error, thousands of lines on a green run, though the tests assert the warnings they mean to
 * (`Annotations.fromStack(...).hasWarning`). A report whose findings are all warnings is dropped; anything else
 * (an error finding, any other console output) still prints.
 */
import { stripVTControlCharacters } from 'util';

const original = console.error.bind(console);

/** A validation report made only of WARNING findings (each "WARNING … (Annotation)" block, then the report's path). */
export function isWarningOnlyValidationReport(text: string): boolean {
  text = stripVTControlCharacters(text);
  if (!/A copy of this report can be found in: \S*validation-report\.json/.test(text)) return false;
  const severities = [...text.matchAll(/^\s*(WARNING|ERROR|INFO)\b/gm)].map((match) => match[1]);
  return severities.length > 0 && severities.every((severity) => severity === 'WARNING');
}

console.error = (...args: unknown[]) => {
  if (args.length === 1 && typeof args[0] === 'string' && isWarningOnlyValidationReport(args[0])) return;
  original(...args);
};
