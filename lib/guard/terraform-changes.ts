/** Replacements and removals of guarded Terraform resources, from the attributes the provider forces new on. */
import type { GuardFinding } from './guard-finding';
import { STATEFUL_TERRAFORM_TYPES } from './stateful-resources';

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

export function terraformFindings(
  environment: string,
  stack: string,
  approved: TerraformConfig,
  current: TerraformConfig | undefined,
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const [type, forceNew] of Object.entries(STATEFUL_TERRAFORM_TYPES)) {
    for (const [name, before] of Object.entries(approved.resource?.[type] ?? {})) {
      const after = current?.resource?.[type]?.[name];
      const base = { environment, stack, resource: `${type}.${name}`, resourceType: type };
      if (!after) {
        findings.push({ ...base, impact: 'destroyed', properties: [] });
        continue;
      }
      const changed = forceNew.filter((path) => JSON.stringify(valueAt(before, path)) !== JSON.stringify(valueAt(after, path)));
      if (changed.length > 0) findings.push({ ...base, impact: 'replaced', properties: changed });
    }
  }
  return findings;
}

/** The guarded part of a Terraform config: what the baseline keeps. */
export function guardedTerraformResources(config: TerraformConfig): TerraformConfig {
  const resource: TerraformResources = {};
  for (const type of Object.keys(STATEFUL_TERRAFORM_TYPES)) {
    const instances = config.resource?.[type];
    if (!instances) continue;
    resource[type] = Object.fromEntries(Object.entries(instances).map(([name, attributes]) => [name, withoutMetadata(attributes)]));
  }
  return { resource };
}
