/** Replacements and removals of guarded Terraform resources, from the attributes the provider forces new on. */
import { changeFingerprint, GuardFinding } from './guard-finding';
import { ForceNewRule, TERRAFORM_FORCE_NEW } from './terraform-force-new';

/** The `resource` block of a synthesized cdk.tf.json: type → name → attributes. */
export type TerraformResources = Record<string, Record<string, Record<string, unknown>>>;

export interface TerraformConfig {
  readonly resource?: TerraformResources;
}

const valueAt = (attributes: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), attributes);

/** Without cdktf's `//` metadata, which changes with construct paths but not with the resource. */
function withoutMetadata(attributes: Record<string, unknown>): Record<string, unknown> {
  const { ['//']: _metadata, ...rest } = attributes;
  return rest;
}

function forcesNew(rule: ForceNewRule, before: unknown, after: unknown): boolean {
  if (JSON.stringify(before) === JSON.stringify(after)) return false;
  if (rule.when === 'changes') return true;
  // ForceNewIfChange(isDiskShrinkage): only a known, smaller new value forces new.
  return typeof before === 'number' && typeof after === 'number' && after < before;
}

export function terraformFindings(
  environment: string,
  stack: string,
  approved: TerraformConfig,
  current: TerraformConfig | undefined,
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const [type, rules] of Object.entries(TERRAFORM_FORCE_NEW)) {
    for (const [name, before] of Object.entries(approved.resource?.[type] ?? {})) {
      const after = current?.resource?.[type]?.[name];
      const base = { environment, stack, resource: `${type}.${name}`, resourceType: type };
      if (!after) {
        findings.push({ ...base, impact: 'destroyed', properties: [], change: changeFingerprint(['destroyed']) });
        continue;
      }
      const changed = rules.filter((rule) => forcesNew(rule, valueAt(before, rule.path), valueAt(after, rule.path)));
      if (changed.length === 0) continue;
      const properties = changed.map((rule) => rule.path);
      const detail = changed.some((rule) => rule.when === 'decreases') ? 'the provider replaces the instance when the disk shrinks' : undefined;
      const values = properties.map((path) => [path, valueAt(before, path), valueAt(after, path)]);
      findings.push({ ...base, impact: 'replaced', properties, ...(detail ? { detail } : {}), change: changeFingerprint(['replaced', values]) });
    }
  }
  return findings;
}

/** The guarded part of a Terraform config: what the baseline keeps. */
export function guardedTerraformResources(config: TerraformConfig): TerraformConfig {
  const resource: TerraformResources = {};
  for (const type of Object.keys(TERRAFORM_FORCE_NEW)) {
    const instances = config.resource?.[type];
    if (!instances) continue;
    resource[type] = Object.fromEntries(Object.entries(instances).map(([name, attributes]) => [name, withoutMetadata(attributes)]));
  }
  return { resource };
}
