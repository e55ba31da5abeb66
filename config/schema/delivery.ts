/**
 * The delivery pipeline's settings (`config/delivery/pipeline.ts`): where the pipeline lives, where it reads the
 * repository from, the order environments are promoted in, and how it reaches Google Cloud. Deliberately outside the
 * `config/<name>.ts` rule (lib/environments/load-environments.ts): it is not an environment.
 */
import { z } from 'zod';
import { awsRegion, ENVIRONMENT_NAME_MAX_LENGTH } from './fields';

/**
 * Used as the CodePipeline name, the pipeline stack's name and the prefix of the Google Cloud deploy roles, so it must
 * satisfy all three: a pipeline name is 1–100 of `[A-Za-z0-9.@_-]` (CodePipeline API Reference,
 * PipelineDeclaration.name), a stack name starts with a letter and holds letters, digits and hyphens (CloudFormation
 * User Guide, "Stack name"), and `<name>-gcp-deploy-<environment>` must fit IAM's 64-character role names (IAM User
 * Guide, "IAM object quotas"): 64 - 12 ("-gcp-deploy-") - 20 (longest environment name) = 32.
 */
export const PIPELINE_NAME_MAX_LENGTH = 64 - '-gcp-deploy-'.length - ENVIRONMENT_NAME_MAX_LENGTH;
const pipelineName = z.string().regex(new RegExp(`^[A-Za-z][A-Za-z0-9-]{0,${PIPELINE_NAME_MAX_LENGTH - 1}}$`), {
  error: `must start with a letter and hold only letters, digits and hyphens, at most ${PIPELINE_NAME_MAX_LENGTH} characters (it names the pipeline, its stack and its IAM roles)`,
});

export const awsAccountId = z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' });

/**
 * A CodeConnections (formerly CodeStar Connections) connection: `arn:<partition>:codestar-connections:<region>:<account>:connection/<uuid>`
 * ("Connection", AWS CodeStar Connections API Reference: "arn:aws:codestar-connections:region-id:aws-account_id:connection/connection-id");
 * connections created since the 2024 rename use the `codeconnections` service prefix, which CodePipeline accepts too.
 */
export const CONNECTION_ARN =
  /^arn:aws(-cn|-us-gov)?:(codestar-connections|codeconnections):[a-z]{2}(-gov)?-[a-z]+-\d+:\d{12}:connection\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const connectionArn = z.string().regex(CONNECTION_ARN, {
  error:
    'must be a connection ARN such as arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789 (Developer Tools console › Settings › Connections)',
});

/** `owner/name` (GitHub, Bitbucket) or `group/subgroup/name` (GitLab): the FullRepositoryId of the source action. */
const repository = z.string().regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/, {
  error: 'must be the full repository id, owner/name (GitLab: group/…/name), letters, digits, . _ - only',
});

/** A branch name as `git check-ref-format --branch` accepts it (git-check-ref-format(1)), in the rules a typo breaks. */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (/[\s~^:?*[\\\x00-\x1f\x7f]/.test(name)) return 'holds a space or one of ~ ^ : ? * [ \\, which git refuses in a branch name';
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/')) return 'starts with - or / or ends with /, which git refuses';
  if (name.includes('..') || name.includes('//') || name.includes('@{')) return 'holds .., // or @{, which git refuses';
  if (name.endsWith('.') || name.endsWith('.lock') || name.split('/').some((part) => part.startsWith('.'))) {
    return 'ends with . or .lock, or has a part starting with ., which git refuses';
  }
  return undefined;
}
const branch = z.string().check((ctx) => {
  const problem = branchNameProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: `a branch name that ${problem}`, input: ctx.value });
});

/**
 * Workload identity federation: the pipeline's CodeBuild role signs in to Google Cloud through this provider and
 * impersonates the service account; no key file. Pool and provider ids are 4–32 of `[a-z0-9-]` ("Manage workload
 * identity pools and providers", cloud.google.com/iam/docs/manage-workload-identity-pools-providers).
 */
export const WORKLOAD_IDENTITY_PROVIDER = /^projects\/\d{6,19}\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
/** Service account ids are 6–30 characters (IAM docs, "Create service accounts"); the project id rule is gcp.projectId's. */
export const SERVICE_ACCOUNT_EMAIL = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/;

const googleCloudAccess = z.strictObject({
  workloadIdentityProvider: z.string().regex(WORKLOAD_IDENTITY_PROVIDER, {
    error: 'must be projects/<project number>/locations/global/workloadIdentityPools/<pool id>/providers/<provider id> (ids: 4-32 of a-z, 0-9, -)',
  }),
  serviceAccount: z.string().regex(SERVICE_ACCOUNT_EMAIL, {
    error: 'must be a service account email such as databases-deployer@acme-databases-prod.iam.gserviceaccount.com',
  }),
});

export const deliverySchema = z.strictObject({
  pipeline: z.strictObject({
    name: pipelineName.default('databases-delivery'),
    /** The tooling account the pipeline runs in; each environment account trusts it (`cdk bootstrap --trust`). */
    account: awsAccountId,
    region: awsRegion,
  }),
  source: z.strictObject({ connectionArn, repository, branch: branch.default('main') }),
  /** Environments (`config/<name>.ts`) in promotion order; tiers may only go up, production last. */
  environments: z
    .array(z.string())
    .min(1, { error: 'must name at least one environment, in promotion order' })
    .refine((names) => new Set(names).size === names.length, { error: 'names an environment twice' }),
  /** Per environment with Google Cloud databases: how its deploy step signs in. */
  googleCloud: z.record(z.string(), googleCloudAccess).default({}),
});

export type DeliveryInput = z.input<typeof deliverySchema>;
export type DeliveryConfig = z.output<typeof deliverySchema>;
export type GoogleCloudAccess = z.output<typeof googleCloudAccess>;

/** Declares the delivery pipeline with type checking; validated when the pipeline app loads it. */
export function defineDelivery(config: DeliveryInput): DeliveryInput {
  return config;
}
