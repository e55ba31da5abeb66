/** The CloudFormation templates of one environment, as `cdk synth` writes them. Loaded only for environments with `aws`. */
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { synthesizeAwsEnvironments } from '../aws/synthesize-aws-app';
import { addComplianceChecks } from '../aws/compliance-checks';

/** Templates by stack name, without CDK's version analytics (they change with every CDK release, not with you). */
export function awsTemplates(environment: ResolvedEnvironment, outdir: string): Record<string, Record<string, any>> {
  const assembly = synthesizeAwsEnvironments([environment], { checks: addComplianceChecks, outdir }).get(environment.name);
  if (!assembly) return {};
  return Object.fromEntries(
    assembly.stacks.map((stack) => {
      const template = structuredClone(stack.template);
      delete template.Resources?.CDKMetadata;
      delete template.Conditions?.CDKMetadataAvailable;
      return [stack.stackName, template];
    }),
  );
}
