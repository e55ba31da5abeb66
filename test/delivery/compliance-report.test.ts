/** The compliance-report gate reads a cloud assembly: acknowledged findings listed, violations and empty reasons fail. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { complianceReport, formatComplianceReport } from '../../lib/delivery/compliance-report';

function assemblyWith(report: unknown, metadata: Record<string, unknown> | undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-report-'));
  if (report !== undefined) fs.writeFileSync(path.join(dir, 'validation-report.json'), JSON.stringify(report));
  if (metadata) {
    fs.mkdirSync(path.join(dir, 'assembly-prod'));
    fs.writeFileSync(path.join(dir, 'assembly-prod', 'prodrdsorders.metadata.json'), JSON.stringify(metadata));
  }
  return dir;
}
const acknowledged = (data: Record<string, string>) => ({ '/prod/rds-orders/Database': [{ type: 'aws:cdk:acknowledged-rules', data }] });
const CLEAN = { version: '55.0.0', title: 'Validation Report', pluginReports: [] };

test('lists every acknowledged finding with its reason and passes when nothing is unacknowledged', () => {
  const report = complianceReport(assemblyWith(CLEAN, acknowledged({ 'Annotation::AwsSolutions-RDS11': 'the default port is kept on purpose' })));
  expect(report).toEqual({
    acknowledgements: [
      {
        stack: 'assembly-prod/prodrdsorders',
        constructPath: '/prod/rds-orders/Database',
        finding: 'AwsSolutions-RDS11',
        reason: 'the default port is kept on purpose',
      },
    ],
    problems: [],
  });
  expect(formatComplianceReport(report)).toBe(
    [
      'Acknowledged findings (1 in 1 stacks):',
      '  /prod/rds-orders/Database  AwsSolutions-RDS11  — the default port is kept on purpose',
      'Compliance report: no unacknowledged finding.',
    ].join('\n'),
  );
});

test('a violation in the validation report fails the gate', () => {
  const violating = {
    ...CLEAN,
    pluginReports: [
      { pluginName: 'AwsSolutions', violations: [{ ruleName: 'AwsSolutions-S1', violatingConstructs: [{ constructPath: 'Delivery/Bucket/Resource' }] }] },
    ],
  };
  expect(complianceReport(assemblyWith(violating, undefined)).problems).toEqual([
    'AwsSolutions: AwsSolutions-S1 is not acknowledged on Delivery/Bucket/Resource',
  ]);
});

test('a reason of 10 characters passes, 9 (or only spaces) does not', () => {
  expect(complianceReport(assemblyWith(CLEAN, acknowledged({ 'AwsSolutions-RDS11': '0123456789' }))).problems).toEqual([]);
  expect(complianceReport(assemblyWith(CLEAN, acknowledged({ 'AwsSolutions-RDS11': '012345678', 'AwsSolutions-S1': '           ' }))).problems).toEqual([
    '/prod/rds-orders/Database: AwsSolutions-RDS11 is acknowledged without a reason of at least 10 characters ("012345678")',
    '/prod/rds-orders/Database: AwsSolutions-S1 is acknowledged without a reason of at least 10 characters ("           ")',
  ]);
});

test('an assembly synthesized without the checks (no validation report) fails the gate', () => {
  const dir = assemblyWith(undefined, undefined);
  expect(complianceReport(dir).problems).toEqual([
    `${path.join(dir, 'validation-report.json')} does not exist: synthesize first (npm run synth), with the compliance checks`,
  ]);
});
