/**
 * Evaluates every service interaction of a synthesized AWS environment with a real IAM policy evaluator
 * (@cloud-copilot/iam-simulate: identity and resource policies, conditions, explicit denies). AGPL-3.0, so it is a
 * devDependency used by tests only, never shipped in the package.
 *
 * Its unvalidated entry point is used: the validated one drops context keys with a variable part separated by `:`
 * (KMS's `kms:EncryptionContext:<key>`), so every encryption-context condition would read as missing. The policies
 * themselves are checked by cfn-lint; the context keys are ours, from the services' documentation.
 */
import { createValidatedPolicy, validateIdentityPolicy, validateResourcePolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Interaction, serviceInteractions } from './service-interactions';
import { EnvironmentTemplates } from './template-values';

export interface DeployabilityReport {
  /** Interactions checked, by kind. */
  readonly checked: Readonly<Record<string, number>>;
  /** One line per denied interaction or broken reference: the two resources, the action and what is missing. */
  readonly problems: readonly string[];
}

/** The templates of a synthesized stage, with each stack's account and region. */
export function environmentTemplates(assembly: CloudAssembly): EnvironmentTemplates {
  return new EnvironmentTemplates(
    assembly.stacks.map((stack) => ({
      stackName: stack.stackName,
      account: stack.environment.account,
      region: stack.environment.region,
      template: stack.template,
    })),
  );
}

export async function checkDeployability(env: EnvironmentTemplates): Promise<DeployabilityReport> {
  const { interactions, broken } = serviceInteractions(env);
  const problems = broken.map((b) => `${b.from}: ${b.problem}`);
  const checked: Record<string, number> = {};
  for (const interaction of interactions) {
    checked[interaction.kind] = (checked[interaction.kind] ?? 0) + 1;
    for (const action of interaction.actions) {
      const denial = await evaluate(interaction, action);
      if (denial) problems.push(denial);
    }
  }
  return { checked, problems };
}

/** undefined when allowed; otherwise the line that says who cannot do what, and which statement would fix it. */
async function evaluate(interaction: Interaction, action: string): Promise<string | undefined> {
  const result = runUnsafeSimulation(
    {
      request: {
        principal: interaction.principal,
        action,
        resource: { resource: interaction.resourceArn, accountId: interaction.account },
        contextVariables: { ...interaction.context },
      },
      identityPolicies: interaction.identityPolicies.map((p) => ({
        name: p.name,
        policy: createValidatedPolicy(p.policy, validateIdentityPolicy, { name: p.name }),
      })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      // Validated here (the unvalidated entry point would skip it), and named so the engine can report it.
      resourcePolicy: createValidatedPolicy(
        interaction.resourcePolicy,
        interaction.actions.includes('sts:AssumeRole') ? validateTrustPolicy : validateResourcePolicy,
        { name: interaction.resourcePolicyName },
      ),
    } as any,
    {},
  );
  const response = { overallResult: result };
  if (response.overallResult === 'Allowed') return undefined;
  const how = response.overallResult === 'ExplicitlyDenied' ? 'explicitly denied by' : 'not allowed by';
  const context = Object.entries(interaction.context)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return (
    `${interaction.kind}: ${interaction.from} → ${interaction.to}: ${interaction.principal} cannot ${action} on ${interaction.resourceArn} ` +
    `(${how} ${interaction.resourcePolicyName}). Missing: a statement in ${interaction.resourcePolicyName} that allows ` +
    `${interaction.principal} ${action}${context ? ` for a request with ${context}` : ''}`
  );
}
