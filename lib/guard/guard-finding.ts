/** A stateful resource that a change would replace, remove, move away or strip of data. */
import { createHash } from 'crypto';

export interface GuardFinding {
  readonly environment: string;
  readonly stack: string;
  /** CloudFormation logical id, or Terraform address (`<type>.<name>`). */
  readonly resource: string;
  readonly resourceType: string;
  readonly impact:
    | 'replaced'
    | 'possibly replaced'
    | 'destroyed'
    | 'orphaned (removed from the stack)'
    | 'orphaned (its stack moves to another account or region)'
    | 'changed so that data is lost';
  /** The properties that force it, when the impact comes from property changes. */
  readonly properties: readonly string[];
  /** What exactly happens, when the properties alone do not say it (e.g. which replica region is deleted). */
  readonly detail?: string;
  /**
   * A fingerprint of this change (impact, properties, values before and after): an approval names it, so it cannot
   * let a later, different change of the same resource through.
   */
  readonly change: string;
}

/** The 12 hex digits an approval's `change` names. */
export function changeFingerprint(evidence: unknown): string {
  return createHash('sha256').update(JSON.stringify(evidence)).digest('hex').slice(0, 12);
}

/** The key an approval names: `<stack>/<resource>`. */
export const findingKey = (finding: Pick<GuardFinding, 'stack' | 'resource'>) => `${finding.stack}/${finding.resource}`;

export function formatFinding(finding: GuardFinding): string {
  const cause = finding.properties.length > 0 ? ` because ${finding.properties.join(', ')} changes` : '';
  const detail = finding.detail ? ` (${finding.detail})` : '';
  return (
    `${finding.environment} › ${finding.stack} › ${finding.resource} (${finding.resourceType}) would be ${finding.impact}${cause}${detail}. ` +
    `Fix: revert the change, or if it is intended add to config/${finding.environment}.ts ` +
    `approvedReplacements: [{ resource: '${findingKey(finding)}', change: '${finding.change}', reason: '<why this is safe>' }], ` +
    'then run `npm run guard -- --approve`.'
  );
}
