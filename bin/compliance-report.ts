#!/usr/bin/env node
/** `npm run compliance:report [-- <assembly dir>]`: lists acknowledged cdk-nag findings; exits 1 on a violation. */
import '../lib/cli/report-errors-cleanly';
import { complianceReport, formatComplianceReport } from '../lib/delivery/compliance-report';

const report = complianceReport(process.argv[2] ?? 'cdk.out');
console.log(formatComplianceReport(report));
process.exitCode = report.problems.length > 0 ? 1 : 0;
