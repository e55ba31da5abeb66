/**
 * An environment's Google Cloud stacks, deployed in the same promotion: `cdktf deploy '<env>-*'` in a CodeBuild step
 * that signs in with workload identity federation (no key file). Its role has a fixed name so the Google side can
 * admit exactly this role (docs/delivery.md: the provider's attribute condition) and no AWS permissions beyond the
 * step's logs and artifacts: GetCallerIdentity, which the sign-in signs, needs none.
 */
import { pipelines, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { GoogleCloudAccess } from '../../config/schema/delivery';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { awsExternalAccountConfig } from './gcp-credential-config';
import { NPM_CI } from './gate-steps';

/** IAM role names are at most 64 characters (IAM User Guide, "IAM object quotas"); pipeline names are checked to fit. */
export const gcpDeployRoleName = (pipelineName: string, environment: string) => `${pipelineName}-gcp-deploy-${environment}`;

export function gcpDeployStep(
  scope: Stack,
  pipelineName: string,
  environment: ResolvedEnvironment,
  access: GoogleCloudAccess,
  input: pipelines.IFileSetProducer,
): pipelines.CodeBuildStep {
  const role = new iam.Role(scope, `GoogleCloudDeployRole-${environment.name}`, {
    roleName: gcpDeployRoleName(pipelineName, environment.name),
    description: `Signs in to Google Cloud (workload identity federation) to deploy ${environment.name}'s Cloud SQL stacks`,
    assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
  });
  return new pipelines.CodeBuildStep(`DeployGoogleCloud-${environment.name}`, {
    input,
    role,
    env: { GCP_CREDENTIAL_CONFIG: JSON.stringify(awsExternalAccountConfig(access)) },
    commands: [NPM_CI, `bash bin/deploy-google-cloud.sh ${environment.name}`],
  });
}
