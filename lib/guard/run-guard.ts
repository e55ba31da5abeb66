/**
 * The replacement guard over the environments: synthesized output against the committed baseline. It checks the
 * environments that were synthesized (or the ones `--env` names), treats a new environment as an addition, and
 * flags a removed environment (baseline without config file) until guard/approved-removals.json approves it. With
 * `approve`, rewrites the baselines it checked, but only once every finding is approved.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { ApprovedRemoval, removedResources } from './environment-removals';
import { baselineFile, EnvironmentTemplates, listBaselines, readBaseline, writeBaseline } from './environment-templates';
import { formatFinding } from './guard-finding';
import { guardEnvironment } from './guard-environment';

export interface GuardRun {
  readonly outputs: ReadonlyMap<string, EnvironmentTemplates>;
  /** The environments whose config file exists, loaded. */
  readonly environments: readonly ResolvedEnvironment[];
  readonly baselineDir: string;
  readonly approve: boolean;
  /** `--env`: check exactly these; otherwise the synthesized ones and the removed ones. */
  readonly selected?: readonly string[];
  readonly approvedRemovals?: readonly ApprovedRemoval[];
}

export interface GuardReport {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;
const countResources = (t: EnvironmentTemplates) =>
  Object.values(t.aws).reduce((n, s) => n + Object.keys(s.Resources ?? {}).length, 0) +
  Object.values(t.gcp).reduce((n, s) => n + Object.values(s.resource ?? {}).reduce((m, byName) => m + Object.keys(byName).length, 0), 0);

export function runGuard(run: GuardRun): GuardReport {
  const lines: string[] = [];
  let problems = 0;
  const configured = new Set(run.environments.map((env) => env.name));
  const baselines = listBaselines(run.baselineDir);
  const removed = baselines.filter((name) => !configured.has(name));
  const names = run.selected ? [...run.selected].sort() : [...new Set([...run.outputs.keys(), ...removed])].sort();
  const removals = run.approvedRemovals ?? [];

  for (const environment of names) {
    const baseline = readBaseline(run.baselineDir, environment);
    const file = shown(baselineFile(run.baselineDir, environment));
    if (!configured.has(environment)) {
      if (!baseline) {
        lines.push(`${environment}: no config/${environment}.ts and no baseline: nothing to check.`);
        problems += 1;
        continue;
      }
      const resources = removedResources(baseline);
      const approval = removals.find((entry) => entry.environment === environment);
      if (approval) {
        lines.push(
          `${environment}: environment removed, approved in guard/approved-removals.json ("${approval.reason}"); ${resources.length} stateful resources leave management.`,
        );
        if (run.approve) {
          fs.rmSync(baselineFile(run.baselineDir, environment));
          lines.push(`${environment}: deleted ${file}; now remove its entry from guard/approved-removals.json.`);
        }
        continue;
      }
      lines.push(
        `${environment}: ENVIRONMENT REMOVED — config/${environment}.ts is gone, so every stateful resource of ${environment} would be deleted or orphaned ` +
          `(${resources.length}):`,
        ...resources.map((line) => `  ${environment} › ${line}`),
        `  Fix: restore config/${environment}.ts, or if the environment is really retired add to guard/approved-removals.json ` +
          `[{ "environment": "${environment}", "reason": "<why this is safe>" }], then run \`npm run guard -- --approve\`.`,
      );
      problems += 1;
      continue;
    }
    const current = run.outputs.get(environment);
    if (!current) {
      lines.push(`${environment}: no synthesized output to check; run \`npm run synth\` (or \`npx cdk synth -c env=${environment}\`) first.`);
      problems += 1;
      continue;
    }
    if (!baseline) {
      lines.push(`${environment}: new environment: ${countResources(current)} stateful resources to create, nothing replaced or removed.`);
      if (run.approve) {
        writeBaseline(run.baselineDir, environment, current);
        lines.push(`${environment}: wrote ${file}; commit it.`);
      } else {
        lines.push(`${environment}: \`npm run guard -- --approve\` records its baseline in ${file}.`);
      }
      continue;
    }
    const config = run.environments.find((env) => env.name === environment)!;
    // `cdk synth -c env=prod` writes no Terraform (and `cdktf synth` no CloudFormation): a cloud the config still
    // declares but the output lacks was not synthesized, not removed.
    const unsynthesized = (['aws', 'gcp'] as const).filter(
      (cloud) => config[cloud] !== undefined && Object.keys(current[cloud]).length === 0 && Object.keys(baseline[cloud]).length > 0,
    );
    for (const cloud of unsynthesized)
      lines.push(
        `${environment}: no ${cloud === 'aws' ? 'CloudFormation (cdk.out)' : 'Terraform (cdktf.out)'} output, ${cloud.toUpperCase()} part not checked; \`npm run synth\` checks both clouds.`,
      );
    const compared = { aws: unsynthesized.includes('aws') ? {} : baseline.aws, gcp: unsynthesized.includes('gcp') ? {} : baseline.gcp };
    const result = guardEnvironment(environment, compared, current, config.approvedReplacements);
    for (const finding of result.blocked) lines.push(formatFinding(finding));
    for (const { finding, reason } of result.approved) {
      lines.push(`${environment} › ${finding.stack} › ${finding.resource} would be ${finding.impact}: approved in config ("${reason}").`);
    }
    for (const approval of result.unusedApprovals) {
      lines.push(
        `${environment}: approvedReplacements entry { resource: '${approval.resource}', change: '${approval.change}' } matches no pending change. ` +
          `Fix: remove it from config/${environment}.ts (it was applied, or the change it approved is not the one pending now).`,
      );
    }
    problems += result.blocked.length + result.unusedApprovals.length;
    if (run.approve && result.blocked.length === 0 && result.unusedApprovals.length === 0) {
      // The part of a cloud that was not synthesized keeps its approved state.
      writeBaseline(run.baselineDir, environment, {
        aws: unsynthesized.includes('aws') ? baseline.aws : current.aws,
        gcp: unsynthesized.includes('gcp') ? baseline.gcp : current.gcp,
      });
      lines.push(`${environment}: wrote ${file}.`);
    }
  }
  for (const entry of removals.filter((r) => !(removed.includes(r.environment) && names.includes(r.environment)))) {
    lines.push(
      `guard/approved-removals.json: entry for '${entry.environment}' matches no removed environment. ` +
        'Fix: remove it (the removal was applied, or the environment still has its config file).',
    );
    problems += 1;
  }
  const skipped = baselines.filter((name) => configured.has(name) && !names.includes(name));
  if (skipped.length > 0) lines.push(`Not synthesized, not checked: ${skipped.join(', ')} (synthesize them, or name them with --env).`);
  const ok = problems === 0;
  lines.push(
    ok
      ? `Replacement guard: ${names.length} environment(s) checked (${names.join(', ') || 'none'}), no unapproved replacement.`
      : `Replacement guard: ${problems} problem(s) block this change.`,
  );
  return { ok, lines };
}
