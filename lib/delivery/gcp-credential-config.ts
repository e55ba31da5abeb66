/**
 * The credential configuration file of workload identity federation with AWS: what `gcloud iam
 * workload-identity-pools create-cred-config … --aws` writes ("Configure workload identity federation with AWS",
 * cloud.google.com/iam/docs/workload-identity-federation-with-other-clouds). It holds no secret: the build's AWS
 * credentials sign an STS GetCallerIdentity request that Google's STS exchanges for a token of the service account.
 */
import type { GoogleCloudAccess } from '../../config/schema/delivery';

export interface AwsExternalAccountConfig {
  readonly type: 'external_account';
  readonly audience: string;
  readonly subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request';
  readonly token_url: string;
  readonly service_account_impersonation_url: string;
  readonly credential_source: {
    readonly environment_id: 'aws1';
    readonly regional_cred_verification_url: string;
  };
}

export function awsExternalAccountConfig(access: GoogleCloudAccess): AwsExternalAccountConfig {
  return {
    type: 'external_account',
    audience: `//iam.googleapis.com/${access.workloadIdentityProvider}`,
    subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
    token_url: 'https://sts.googleapis.com/v1/token',
    service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${access.serviceAccount}:generateAccessToken`,
    // No region_url/url (the EC2 metadata server, which CodeBuild does not have): Google's AWS credential source reads
    // AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION first (golang.org/x/oauth2,
    // google/externalaccount/aws.go, getSecurityCredentials/getRegion); bin/deploy-google-cloud.sh exports them.
    credential_source: {
      environment_id: 'aws1',
      regional_cred_verification_url: 'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
    },
  };
}
