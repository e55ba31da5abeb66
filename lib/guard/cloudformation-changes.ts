/** Replacements and removals of guarded CloudFormation resources, as cloudformation-diff (what `cdk diff` uses) sees them. */
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import type { GuardFinding } from './guard-finding';
import { CfnResource, isGuardedCfnResource } from './stateful-resources';

export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
}

const IMPACTS: Partial<Record<ResourceImpact, GuardFinding['impact']>> = {
  [ResourceImpact.WILL_REPLACE]: 'replaced',
  [ResourceImpact.MAY_REPLACE]: 'possibly replaced',
  [ResourceImpact.WILL_DESTROY]: 'destroyed',
  [ResourceImpact.WILL_ORPHAN]: 'orphaned (removed from the stack)',
};

export function cloudFormationFindings(
  environment: string,
  stack: string,
  approved: CfnTemplate,
  current: CfnTemplate | undefined,
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  const diff = fullDiff(approved, current ?? { Resources: {} });
  diff.resources.forEachDifference((logicalId, change) => {
    const before = change.oldValue as CfnResource | undefined;
    if (!before || !isGuardedCfnResource(before)) return;
    const impact = IMPACTS[change.changeImpact];
    if (!impact) return;
    const properties = Object.entries(change.propertyUpdates)
      .filter(([, update]) => update.changeImpact === ResourceImpact.WILL_REPLACE || update.changeImpact === ResourceImpact.MAY_REPLACE)
      .map(([name]) => name)
      .sort();
    findings.push({ environment, stack, resource: logicalId, resourceType: before.Type, impact, properties });
  });
  return findings;
}

/** The guarded part of a template: what the baseline keeps. */
export function guardedCfnResources(template: CfnTemplate): CfnTemplate {
  const resources = Object.entries(template.Resources ?? {}).filter(([, resource]) => isGuardedCfnResource(resource));
  return { Resources: Object.fromEntries(resources) };
}
