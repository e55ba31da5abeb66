/**
 * cdk-nag findings on what CDK Pipelines generates, acknowledged one by one where the generated setting makes them
 * true. Wildcard findings (AwsSolutions-IAM5) are computed from each policy as cdk-nag computes them and acknowledged
 * only when a row below explains every statement that causes them; any other wildcard stays a finding and fails synth.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
// cdk-nag's own rendering of a resource in a finding id (used by IAMNoWildcardPermissions), so ours cannot differ.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { acknowledge } from '../../constructs/aws/foundation/compliance-acknowledgements';

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every wildcard finding of a policy document with the statements that cause it (IAMNoWildcardPermissions' logic). */
export function wildcardFindings(document: { Statement?: Statement[] }): Map<string, Statement[]> {
  const findings = new Map<string, Statement[]>();
  const add = (finding: string, statement: Statement) => findings.set(finding, [...(findings.get(finding) ?? []), statement]);
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of list(statement.Action).filter((a) => a.includes('*'))) add(`Action::${action}`, statement);
    for (const resource of list(statement.Resource)
      .map(flattenCfnReference)
      .filter((r) => r.includes('*')))
      add(`Resource::${resource}`, statement);
  }
  return findings;
}

const resources = (statement: Statement) => list(statement.Resource).map(flattenCfnReference);
const actions = (statement: Statement) => list(statement.Action);

/** The artifact bucket (ours) and the cross-region replication buckets CDK creates per region. */
const ARTIFACT_BUCKET = /^(<StorageArtifacts[0-9A-F]{8}\.Arn>|arn:aws[-a-z]*:s3:::[a-z0-9.-]*replicationbucket[a-z0-9]*)(\/\*)?$/;
const ARTIFACT_KEY = /^<StorageKey[0-9A-F]{8}\.Arn>$/;
const CODEBUILD_OWN_LOGS =
  /^Resource::arn:aws[-a-z]*:(logs:[a-z0-9-]+:\d{12}:log-group:\/aws\/codebuild\/<[A-Za-z0-9]+>:\*|codebuild:[a-z0-9-]+:\d{12}:report-group\/<[A-Za-z0-9]+>-\*)$/;

interface WildcardRow {
  readonly finding: RegExp;
  /** True when the statement causing the finding is the one the reason is about. */
  readonly explains: (statement: Statement) => boolean;
  readonly reason: string;
}

export const WILDCARD_ROWS: readonly WildcardRow[] = [
  {
    finding: /^Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort|PutObject)\*$/,
    explains: (s) => resources(s).every((r) => ARTIFACT_BUCKET.test(r)),
    reason: "CDK Pipelines' read/write grant on the pipeline's own artifact buckets: the wildcard spans one action family, on those buckets only",
  },
  {
    finding: /^Resource::(<StorageArtifacts[0-9A-F]{8}\.Arn>|arn:aws[-a-z]*:s3:::[a-z0-9.-]*replicationbucket[a-z0-9]*)\/\*$/,
    explains: (s) => actions(s).every((a) => a.startsWith('s3:')),
    reason: "every object of the pipeline's own artifact bucket: artifact keys are generated per execution",
  },
  {
    finding: /^Action::kms:(GenerateDataKey|ReEncrypt)\*$/,
    explains: (s) => resources(s).every((r) => ARTIFACT_KEY.test(r) || r === '*'),
    reason: "encrypting and decrypting artifacts with the pipeline's keys (the data-key and re-encrypt action families)",
  },
  {
    // CDK names the key of a cross-region replication bucket by alias, which an IAM resource cannot; the key's own
    // policy still decides who may use it.
    finding: /^Resource::\*$/,
    explains: (s) => actions(s).every((a) => a.startsWith('kms:')),
    reason: "the cross-region replication bucket's key is known to the pipeline by alias only; that key's policy admits the pipeline roles alone",
  },
  {
    finding: CODEBUILD_OWN_LOGS,
    explains: (s) => actions(s).every((a) => a.startsWith('logs:') || a.startsWith('codebuild:')),
    reason: "CodeBuild's grant for its own project's log streams and report groups, named per build",
  },
  {
    finding: /^Resource::\*$/,
    explains: (s) => actions(s).every((a) => a === 'cloudformation:DescribeStacks' || a === 's3:ListBucket'),
    reason: "the self-update step reads stack status and lists the bootstrap buckets, found at run time in each environment's account",
  },
  {
    finding: /^Resource::arn:\*:iam::\d{12}:role\/\*$/,
    explains: (s) => actions(s).every((a) => a === 'sts:AssumeRole') && JSON.stringify(s.Condition ?? {}).includes('aws-cdk:bootstrap-role'),
    reason: 'assumes only roles tagged aws-cdk:bootstrap-role (the CDK bootstrap roles), whose names differ per account and region',
  },
  {
    // Known limit of CDK Pipelines (aws-cdk-lib 2.276): the asset-publishing role is shared by the asset projects it
    // creates, whose names it does not know when it writes the policy.
    finding:
      /^(Resource::\*|Resource::arn:aws[-a-z]*:logs:[a-z0-9-]+:\d{12}:log-group:\/aws\/codebuild\/\*|Resource::arn:aws[-a-z]*:codebuild:[a-z0-9-]+:\d{12}:report-group\/\*)$/,
    explains: (s) => actions(s).every((a) => a.startsWith('codebuild:') || a.startsWith('logs:')),
    reason: "CDK Pipelines' asset-publishing role, shared by the asset projects it generates: builds and logs of this account's CodeBuild only",
  },
];

function acknowledgeWildcards(policy: iam.CfnPolicy): void {
  const document = Stack.of(policy).resolve(policy.policyDocument);
  const found: Record<string, string> = {};
  for (const [finding, statements] of wildcardFindings(document)) {
    const row = WILDCARD_ROWS.find((candidate) => candidate.finding.test(finding) && statements.every(candidate.explains));
    if (row) found[`AwsSolutions-IAM5[${finding}]`] = row.reason;
  }
  acknowledge(policy, {
    ...found,
    'HIPAA.Security-IAMNoInlinePolicy': 'a policy CDK writes for one role of this pipeline, attached to that role only',
  });
}

/**
 * Projects fed by CodePipeline have no repository URL and no credentials: the pipeline's CodeConnections connection
 * fetches the source (HIPAA's rule asks for OAuth on GitHub and Bitbucket sources).
 */
function acknowledgePipelineSource(project: codebuild.CfnProject): void {
  const source = Stack.of(project).resolve(project.source) as { type?: string };
  if (source.type !== 'CODEPIPELINE') return;
  acknowledge(project, {
    'HIPAA.Security-CodeBuildProjectSourceRepoUrl':
      'source type CODEPIPELINE: no repository URL or credentials in the project; the CodeConnections connection fetches the source',
  });
}

/** Applies the acknowledgements to every generated resource under `scope` (the pipeline stack). */
export function acknowledgePipelineFindings(scope: IConstruct): void {
  for (const child of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(child)) continue;
    if (child instanceof iam.CfnPolicy) acknowledgeWildcards(child);
    if (child instanceof codebuild.CfnProject) acknowledgePipelineSource(child);
  }
}
