/**
 * Replacements and removals of guarded CloudFormation resources, as cloudformation-diff (what `cdk diff` uses) sees
 * them, corrected where the service documents better: conditional updates decided per property
 * (conditional-updates.ts), retained parameter groups, global-table replicas, and a stack's account and region.
 */
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { conditionalUpdate } from './conditional-updates';
import { removedReplicaRegions } from './global-table-replicas';
import { changeFingerprint, GuardFinding } from './guard-finding';
import { CfnResource, isGuardedCfnResource, isKeptParameterGroup } from './stateful-resources';

export interface CfnTemplate {
  /** Where the stack is deployed, `aws://<account>/<region>`: part of its identity. */
  readonly Environment?: string;
  readonly Resources?: Record<string, CfnResource>;
}

const REMOVAL_IMPACTS: Partial<Record<ResourceImpact, GuardFinding['impact']>> = {
  [ResourceImpact.WILL_DESTROY]: 'destroyed',
  [ResourceImpact.WILL_ORPHAN]: 'orphaned (removed from the stack)',
};

export function cloudFormationFindings(environment: string, stack: string, approved: CfnTemplate, current: CfnTemplate | undefined): GuardFinding[] {
  if (current && approved.Environment && current.Environment && approved.Environment !== current.Environment) {
    return movedStackFindings(environment, stack, approved, current);
  }
  const findings: GuardFinding[] = [];
  const diff = fullDiff(approved, current ?? { Resources: {} });
  diff.resources.forEachDifference((logicalId, change) => {
    const before = change.oldValue as CfnResource | undefined;
    const after = change.newValue as CfnResource | undefined;
    if (!before || !isGuardedCfnResource(before)) return;
    const base = { environment, stack, resource: logicalId, resourceType: before.Type };
    const removal = REMOVAL_IMPACTS[change.changeImpact];
    if (removal) {
      // A retained parameter group left out of the template stays in the account for the instances that use it.
      if (change.changeImpact === ResourceImpact.WILL_ORPHAN && isKeptParameterGroup(before)) return;
      findings.push({ ...base, impact: removal, properties: [], change: changeFingerprint([removal]) });
      return;
    }
    if (!after) return;
    const valuesOf = (names: string[]) => names.map((name) => [name, before.Properties?.[name], after.Properties?.[name]]);
    const replacing: string[] = [];
    const possibly: string[] = [];
    const losesData: string[] = [];
    for (const [name, update] of Object.entries(change.propertyUpdates)) {
      if (update.changeImpact === ResourceImpact.WILL_REPLACE) replacing.push(name);
      if (update.changeImpact !== ResourceImpact.MAY_REPLACE) continue;
      const decision = conditionalUpdate(before.Type, name, before.Properties?.[name], after.Properties?.[name], after);
      if (decision === 'unknown') possibly.push(name);
      else if (decision !== 'in place') losesData.push(decision.losesData);
    }
    if (replacing.length > 0 || possibly.length > 0) {
      // A retained resource whose replacement keeps the old one (UpdateReplacePolicy Retain) loses nothing: a
      // major-version upgrade replaces the parameter group, the old group stays and the instance moves to the new one.
      if (replacing.length > 0 && possibly.length === 0 && isKeptParameterGroup(before)) return;
      const impact = replacing.length > 0 ? 'replaced' : 'possibly replaced';
      const properties = [...replacing, ...possibly].sort();
      findings.push({ ...base, impact, properties, change: changeFingerprint([impact, valuesOf(properties)]) });
    }
    const replicas = before.Type === 'AWS::DynamoDB::GlobalTable' ? removedReplicaRegions(before, after) : [];
    if (replicas.length > 0) {
      losesData.push(
        `the replica${replicas.length > 1 ? 's' : ''} in ${replicas.join(', ')} would be deleted with ${replicas.length > 1 ? 'their' : 'its'} items`,
      );
    }
    if (losesData.length > 0) {
      const properties =
        replicas.length > 0
          ? ['Replicas']
          : Object.keys(change.propertyUpdates)
              .filter((name) => change.propertyUpdates[name].changeImpact === ResourceImpact.MAY_REPLACE)
              .sort();
      findings.push({
        ...base,
        impact: 'changed so that data is lost',
        properties,
        detail: losesData.join('; '),
        change: changeFingerprint(['data', losesData]),
      });
    }
  });
  return findings;
}

/**
 * A stack is identified by name, account and region: the same name elsewhere is a new, empty stack, and every
 * guarded resource of the old one is left behind unmanaged.
 */
function movedStackFindings(environment: string, stack: string, approved: CfnTemplate, current: CfnTemplate): GuardFinding[] {
  return Object.entries(approved.Resources ?? {})
    .filter(([, resource]) => isGuardedCfnResource(resource))
    .map(([logicalId, resource]) => ({
      environment,
      stack,
      resource: logicalId,
      resourceType: resource.Type,
      impact: 'orphaned (its stack moves to another account or region)' as const,
      properties: [],
      detail: `${approved.Environment} → ${current.Environment}: CDK creates a new, empty stack there and leaves this one unmanaged`,
      change: changeFingerprint(['moved', approved.Environment, current.Environment]),
    }));
}

/** The guarded part of a template, with the stack's account and region: what the baseline keeps. */
export function guardedCfnResources(template: CfnTemplate, environment?: string): CfnTemplate {
  const resources = Object.entries(template.Resources ?? {}).filter(([, resource]) => isGuardedCfnResource(resource));
  return { ...(environment ? { Environment: environment } : {}), Resources: Object.fromEntries(resources) };
}
