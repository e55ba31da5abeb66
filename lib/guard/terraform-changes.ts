/** Replacements and removals of guarded Terraform resources, from the rules by which the provider forces new. */
import { changeFingerprint, GuardFinding } from './guard-finding';
import { isGuardedTerraformResource, STATEFUL_TERRAFORM_TYPES } from './stateful-resources';
import { ForceNewRule, TERRAFORM_FORCE_NEW } from './terraform-force-new';

/** The `resource` block of a synthesized cdk.tf.json: type → name → attributes. */
export type TerraformResources = Record<string, Record<string, Record<string, unknown>>>;

export interface TerraformConfig {
  readonly resource?: TerraformResources;
}

/** The value at a dotted path; through a list of blocks (an array), the values of every element. */
export function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  if (Array.isArray(value)) return value.map((element) => valueAt(element, path));
  if (!value || typeof value !== 'object') return undefined;
  const [key, ...rest] = path.split('.');
  return valueAt((value as Record<string, unknown>)[key], rest.join('.'));
}

/** Without cdktf's `//` metadata, which changes with construct paths but not with the resource. */
function withoutMetadata(attributes: Record<string, unknown>): Record<string, unknown> {
  const { ['//']: _metadata, ...rest } = attributes;
  return rest;
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Whether the provider would plan a replacement for this rule, given the configured values before and after. */
export function forcesNew(rule: ForceNewRule, configuredBefore: unknown, configuredAfter: unknown): boolean {
  const before = configuredBefore ?? rule.default;
  // Left out of the config: an Optional + Computed attribute keeps its value, one with a Default takes the default.
  const after = configuredAfter === undefined ? (rule.keptWhenOmitted ? before : rule.default) : configuredAfter;
  if (JSON.stringify(before) === JSON.stringify(after)) return false;
  switch (rule.when) {
    case 'changes':
      return true;
    case 'decreases':
      return typeof before === 'number' && typeof after === 'number' && after < before;
    case 'removed':
      return isSet(before) && !isSet(after);
    case 'redis-version-decreases':
      return redisVersionDecreases(before, after);
  }
}

/** The provider's isRedisVersionDecreasing: REDIS_<major>_<minor> both sides, compared as <major>.<minor>. */
function redisVersionDecreases(before: unknown, after: unknown): boolean {
  const parse = (value: unknown) => {
    const match = typeof value === 'string' ? /REDIS_(\d+)_(\d+)/.exec(value) : null;
    return match ? Number(`${match[1]}.${match[2]}`) : undefined;
  };
  const [old, next] = [parse(before), parse(after)];
  return old !== undefined && next !== undefined && next < old;
}

export function terraformFindings(environment: string, stack: string, approved: TerraformConfig, current: TerraformConfig | undefined): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const type of STATEFUL_TERRAFORM_TYPES) {
    const rules = TERRAFORM_FORCE_NEW[type];
    for (const [name, before] of Object.entries(approved.resource?.[type] ?? {})) {
      if (!isGuardedTerraformResource(type, before)) continue;
      const after = current?.resource?.[type]?.[name];
      const base = { environment, stack, resource: `${type}.${name}`, resourceType: type };
      if (!after) {
        findings.push({ ...base, impact: 'destroyed', properties: [], change: changeFingerprint(['destroyed']) });
        continue;
      }
      const changed = rules.filter((rule) => forcesNew(rule, valueAt(before, rule.path), valueAt(after, rule.path)));
      if (changed.length === 0) continue;
      const properties = changed.map((rule) => rule.path);
      const details = changed.flatMap((rule) => (rule.detail ? [rule.detail] : []));
      const values = properties.map((path) => [path, valueAt(before, path), valueAt(after, path)]);
      findings.push({
        ...base,
        impact: 'replaced',
        properties,
        ...(details.length > 0 ? { detail: details.join('; ') } : {}),
        change: changeFingerprint(['replaced', values]),
      });
    }
  }
  return findings;
}

/** The guarded part of a Terraform config: what the baseline keeps. */
export function guardedTerraformResources(config: TerraformConfig): TerraformConfig {
  const resource: TerraformResources = {};
  for (const type of STATEFUL_TERRAFORM_TYPES) {
    const instances = config.resource?.[type];
    if (!instances) continue;
    const guarded = Object.entries(instances).filter(([, attributes]) => isGuardedTerraformResource(type, attributes));
    if (guarded.length === 0) continue;
    resource[type] = Object.fromEntries(guarded.map(([name, attributes]) => [name, withoutMetadata(attributes)]));
  }
  return { resource };
}
