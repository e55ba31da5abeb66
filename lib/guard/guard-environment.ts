/** Compares one environment's synthesized stateful resources with its approved baseline. */
import { cloudFormationFindings } from './cloudformation-changes';
import type { EnvironmentTemplates } from './environment-templates';
import { findingKey, GuardFinding } from './guard-finding';
import { terraformFindings } from './terraform-changes';

export interface ApprovedReplacement {
  /** `<stack>/<logical id or Terraform address>`. */
  readonly resource: string;
  /** The fingerprint of the approved change, as the guard prints it. */
  readonly change: string;
  readonly reason: string;
}

export interface EnvironmentGuardResult {
  readonly blocked: readonly GuardFinding[];
  readonly approved: ReadonlyArray<{ readonly finding: GuardFinding; readonly reason: string }>;
  /** Approvals that match no finding (resource and change): already applied, misspelled, or for another change. */
  readonly unusedApprovals: readonly ApprovedReplacement[];
}

const approvalKey = (resource: string, change: string) => `${resource}#${change}`;

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
  const reasons = new Map(approvals.map((approval) => [approvalKey(approval.resource, approval.change), approval.reason]));
  const keyOf = (finding: GuardFinding) => approvalKey(findingKey(finding), finding.change);
  const keys = new Set(findings.map(keyOf));
  return {
    blocked: findings.filter((finding) => !reasons.has(keyOf(finding))),
    approved: findings.filter((finding) => reasons.has(keyOf(finding))).map((finding) => ({ finding, reason: reasons.get(keyOf(finding))! })),
    unusedApprovals: approvals.filter((approval) => !keys.has(approvalKey(approval.resource, approval.change))),
  };
}
