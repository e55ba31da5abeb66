/**
 * The replacement guard over every environment: synthesized output against the committed baseline. With
 * `approve`, rewrites the baselines of the environments in the output, but only once every finding is approved
 * in config.
 */
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { EnvironmentTemplates, listBaselines, readBaseline, writeBaseline } from './environment-templates';
import { formatFinding } from './guard-finding';
import { guardEnvironment } from './guard-environment';

export interface GuardRun {
  readonly outputs: ReadonlyMap<string, EnvironmentTemplates>;
  readonly environments: readonly ResolvedEnvironment[];
  readonly baselineDir: string;
  readonly approve: boolean;
}

export interface GuardReport {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

export function runGuard(run: GuardRun): GuardReport {
  const lines: string[] = [];
  let blocked = 0;
  const names = [...new Set([...run.outputs.keys(), ...listBaselines(run.baselineDir)])].sort();
  for (const environment of names) {
    const current = run.outputs.get(environment);
    const baseline = readBaseline(run.baselineDir, environment);
    if (!current) {
      lines.push(`${environment}: no synthesized output to check; run \`npm run synth\` first.`);
      blocked += 1;
      continue;
    }
    if (!baseline) {
      lines.push(`${environment}: no approved baseline yet; \`npm run guard -- --approve\` records the current one.`);
      if (run.approve) writeBaseline(run.baselineDir, environment, current);
      else blocked += 1;
      continue;
    }
    const approvals = run.environments.find((env) => env.name === environment)?.approvedReplacements ?? [];
    const result = guardEnvironment(environment, baseline, current, approvals);
    for (const finding of result.blocked) lines.push(formatFinding(finding));
    for (const { finding, reason } of result.approved) {
      lines.push(`${environment} › ${finding.stack} › ${finding.resource} would be ${finding.impact}: approved in config ("${reason}").`);
    }
    for (const approval of result.unusedApprovals) {
      lines.push(`${environment}: approvedReplacements entry '${approval.resource}' matches no pending replacement; remove it once the baseline is approved.`);
    }
    blocked += result.blocked.length;
    if (run.approve && result.blocked.length === 0) writeBaseline(run.baselineDir, environment, current);
  }
  const ok = blocked === 0;
  lines.push(ok ? `Replacement guard: ${names.length} environments checked, no unapproved replacement.` : `Replacement guard: ${blocked} problem(s) block this change.`);
  return { ok, lines };
}
