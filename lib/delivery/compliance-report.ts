/**
 * The compliance report of a synthesized cloud assembly (`npm run compliance:report`, a pipeline gate): every cdk-nag
 * finding that was acknowledged, where and why, and a failure when the validation report holds a violation or an
 * acknowledgement has no real reason. Synth already fails on unacknowledged findings; this gate makes the accepted
 * ones reviewable in every pipeline run and stops a report that was produced without the checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { REASON_MIN_LENGTH } from '../../config/schema/fields';

export interface Acknowledgement {
  readonly stack: string;
  readonly constructPath: string;
  readonly finding: string;
  readonly reason: string;
}

export interface ComplianceReport {
  readonly acknowledgements: readonly Acknowledgement[];
  readonly problems: readonly string[];
}

const metadataFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return metadataFiles(full);
    return entry.name.endsWith('.metadata.json') ? [full] : [];
  });

export function complianceReport(assemblyDir: string): ComplianceReport {
  const problems: string[] = [];
  const reportFile = path.join(assemblyDir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(reportFile)) {
    return { acknowledgements: [], problems: [`${reportFile} does not exist: synthesize first (npm run synth), with the compliance checks`] };
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
    pluginReports?: Array<{ pluginName: string; violations?: Array<{ ruleName: string; violatingConstructs?: Array<{ constructPath: string }> }> }>;
  };
  for (const plugin of report.pluginReports ?? []) {
    for (const violation of plugin.violations ?? []) {
      const where = (violation.violatingConstructs ?? []).map((construct) => construct.constructPath).join(', ');
      problems.push(`${plugin.pluginName}: ${violation.ruleName} is not acknowledged on ${where || '(no construct)'}`);
    }
  }

  const acknowledgements: Acknowledgement[] = [];
  for (const file of metadataFiles(assemblyDir)) {
    const stack = path.relative(assemblyDir, file).replace(/\.metadata\.json$/, '');
    const metadata = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Array<{ type: string; data?: Record<string, string> }>>;
    for (const [constructPath, entries] of Object.entries(metadata)) {
      for (const entry of entries) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
        for (const [id, reason] of Object.entries(entry.data)) {
          const finding = id.replace(/^annotation::/i, '');
          acknowledgements.push({ stack, constructPath, finding, reason });
          if (typeof reason !== 'string' || reason.trim().length < REASON_MIN_LENGTH) {
            problems.push(
              `${constructPath}: ${finding} is acknowledged without a reason of at least ${REASON_MIN_LENGTH} characters (${JSON.stringify(reason)})`,
            );
          }
        }
      }
    }
  }
  return { acknowledgements, problems };
}

export function formatComplianceReport({ acknowledgements, problems }: ComplianceReport): string {
  const rows = acknowledgements.map((a) => `${a.constructPath}  ${a.finding}  — ${a.reason}`);
  const stacks = new Set(acknowledgements.map((a) => a.stack)).size;
  return [
    `Acknowledged findings (${acknowledgements.length} in ${stacks} stacks):`,
    ...rows.map((row) => `  ${row}`),
    problems.length === 0 ? 'Compliance report: no unacknowledged finding.' : `Compliance report: ${problems.length} problem(s):`,
    ...problems.map((problem) => `  - ${problem}`),
  ].join('\n');
}
