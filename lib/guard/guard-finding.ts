/** A stateful resource that a change would replace or remove. */
export interface GuardFinding {
  readonly environment: string;
  readonly stack: string;
  /** CloudFormation logical id, or Terraform address (`<type>.<name>`). */
  readonly resource: string;
  readonly resourceType: string;
  readonly impact: 'replaced' | 'possibly replaced' | 'destroyed' | 'orphaned (removed from the stack)';
  /** The properties that force it, when the impact comes from property changes. */
  readonly properties: readonly string[];
}

/** The key an approval names: `<stack>/<resource>`. */
export const findingKey = (finding: Pick<GuardFinding, 'stack' | 'resource'>) => `${finding.stack}/${finding.resource}`;

export function formatFinding(finding: GuardFinding): string {
  const cause = finding.properties.length > 0 ? ` because ${finding.properties.join(', ')} changes` : '';
  return (
    `${finding.environment} › ${finding.stack} › ${finding.resource} (${finding.resourceType}) would be ${finding.impact}${cause}. ` +
    `Fix: revert the change, or if it is intended add to config/${finding.environment}.ts ` +
    `approvedReplacements: [{ resource: '${findingKey(finding)}', reason: '<why this is safe>' }], ` +
    'then run `npm run guard -- --approve`.'
  );
}
