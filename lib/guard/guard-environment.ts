/** Compares one environment's synthesized stateful resources with its approved baseline. */
import { cloudFormationFindings } from './cloudformation-changes';
import type { EnvironmentTemplates } from './environment-templates';
import { findingKey, GuardFinding } from './guard-finding';
import { terraformFindings } from './terraform-changes';

export interface ApprovedReplacement {
  /** `<stack>/<logical id or Terraform address>`. */
  readonly resource: string;
  readonly reason: string;
}

export interface EnvironmentGuardResult {
  readonly blocked: readonly GuardFinding[];
  readonly approved: ReadonlyArray<{ readonly finding: GuardFinding; readonly reason: string }>;
  /** Approvals that match no finding: already applied (remove them) or misspelled. */
  readonly unusedApprovals: readonly ApprovedReplacement[];
}

export function guardEnvironment(
  environment: string,
  baseline: EnvironmentTemplates,
  current: EnvironmentTemplates,
  approvals: readonly ApprovedReplacement[],
): EnvironmentGuardResult {
  const findings = [
    ...Object.entries(baseline.aws).flatMap(([stack, approved]) => cloudFormationFindings(environment, stack, approved, current.aws[stack])),
    ...Object.entries(baseline.gcp).flatMap(([stack, approved]) => terraformFindings(environment, stack, approved, current.gcp[stack])),
  ];
  const reasons = new Map(approvals.map((approval) => [approval.resource, approval.reason]));
  const keys = new Set(findings.map(findingKey));
  return {
    blocked: findings.filter((finding) => !reasons.has(findingKey(finding))),
    approved: findings.filter((finding) => reasons.has(findingKey(finding))).map((finding) => ({ finding, reason: reasons.get(findingKey(finding))! })),
    unusedApprovals: approvals.filter((approval) => !keys.has(approval.resource)),
  };
}
