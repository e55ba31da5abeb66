/** The CloudFormation templates of one environment, as `cdk synth` writes them. Loaded only for environments with `aws`. */
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { PlannedEnvironment } from '../environments/plan-environments';
import { synthesizeAwsEnvironments } from '../aws/synthesize-aws-app';
import { addComplianceChecks } from '../aws/compliance-checks';

export function awsTemplates(planned: PlannedEnvironment, outdir: string): Record<string, Record<string, any>> {
  const assembly = synthesizeAwsEnvironments([planned], { checks: addComplianceChecks, outdir }).get(planned.environment.name);
  return assembly ? templatesByStack(assembly) : {};
}

/** Templates by stack name, without CDK's version analytics (they change with every CDK release, not with you). */
export function templatesByStack(assembly: CloudAssembly): Record<string, Record<string, any>> {
  return Object.fromEntries(
    assembly.stacks.map((stack) => {
      const template = structuredClone(stack.template);
      delete template.Resources?.CDKMetadata;
      delete template.Conditions?.CDKMetadataAvailable;
      return [stack.stackName, template];
    }),
  );
}
