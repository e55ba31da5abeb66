/**
 * After each stage: `dbctl verify` of the environment against its live databases; drift exits 1 and stops the
 * promotion. It reads the environment's account through the CDK bootstrap lookup role, which `cdk bootstrap --trust
 * <pipeline account>` lets the pipeline account assume and which holds ReadOnlyAccess with kms:Decrypt denied
 * (aws-cdk 2.1148, lib/api/bootstrap/bootstrap-template.yaml, LookupRole): all that verify needs, nothing it could change.
 */
import { DefaultStackSynthesizer, pipelines, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { NPM_CI } from './gate-steps';

/** `cdk-<qualifier>-lookup-role-<account>-<region>`, as the bootstrap template names it (default qualifier). */
export function lookupRoleArn(partition: string, account: string, region: string): string {
  return `arn:${partition}:iam::${account}:role/cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-lookup-role-${account}-${region}`;
}

/** The profile the AWS SDK reads: the lookup role, assumed with the build's own container credentials. */
export const VERIFY_PROFILE = 'verify';

export function verifyStep(scope: Stack, environment: ResolvedEnvironment, input: pipelines.IFileSetProducer): pipelines.CodeBuildStep {
  const aws = environment.aws!;
  const roleArn = lookupRoleArn(scope.partition, aws.account, aws.primaryRegion);
  return new pipelines.CodeBuildStep(`Verify-${environment.name}`, {
    input,
    env: { VERIFY_ROLE_ARN: roleArn, AWS_PROFILE: VERIFY_PROFILE, AWS_REGION: aws.primaryRegion },
    commands: [
      NPM_CI,
      // credential_source EcsContainer: the SDK's ini provider assumes role_arn with CodeBuild's container credentials.
      `mkdir -p ~/.aws && printf '[profile ${VERIFY_PROFILE}]\\nrole_arn = %s\\ncredential_source = EcsContainer\\n' "$VERIFY_ROLE_ARN" > ~/.aws/config`,
      `npm run dbctl -- verify --env ${environment.name}`,
    ],
    rolePolicyStatements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [roleArn] })],
  });
}
