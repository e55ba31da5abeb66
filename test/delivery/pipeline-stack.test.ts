/**
 * The delivery pipeline's template (config/delivery/pipeline.ts and the sample environments): the stage order, the
 * gates before any deployment, the approval before production, the Google Cloud deploy and `dbctl verify` after each
 * stage, cross-account deployment through the bootstrap roles, and the storage, keys and roles around it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { CloudAssembly, CONTEXT_ENV } from 'aws-cdk-lib/cx-api';
import { synthesizeAwsEnvironments } from '../../lib/aws/synthesize-aws-app';
import { addComplianceChecks } from '../../lib/aws/compliance-checks';
import { CFN_LINT_VERSION } from '../../lib/delivery/gate-steps';
import { synthesizePipelineApp } from '../../lib/delivery/synthesize-pipeline-app';
import { planEnvironments } from '../../lib/environments/plan-environments';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-stack-'));
// With cdk.json's feature flags, handed over as the CDK CLI hands them to an app.
process.env[CONTEXT_ENV] = JSON.stringify(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context);
const { stack, assembly } = synthesizePipelineApp({ checks: addComplianceChecks, outdir });
const template = Template.fromStack(stack);
const onDisk = new CloudAssembly(outdir);
// The environment app's synthesis of the same environments (lib/aws/synthesize-aws-app.ts, what `cdk synth` runs).
const cliAssemblies = synthesizeAwsEnvironments(planEnvironments(['dev', 'staging', 'prod']), {
  checks: addComplianceChecks,
  outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-cli-')),
});
const withoutAnalytics = (template: any) => {
  const copy = structuredClone(template);
  delete copy.Resources?.CDKMetadata;
  delete copy.Conditions?.CDKMetadataAvailable;
  return copy;
};
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
const pipeline = Object.values(resources).find((r) => r.Type === 'AWS::CodePipeline::Pipeline')!.Properties;

interface Action {
  Name: string;
  RunOrder: number;
  ActionTypeId: { Category: string; Provider: string };
  Configuration?: any;
  RoleArn?: any;
}
const stages: Array<{ Name: string; Actions: Action[] }> = pipeline.Stages;
const stage = (name: string) => stages.find((s) => s.Name === name)!;
const indexOf = (name: string) => stages.findIndex((s) => s.Name === name);
const deployActions = (name: string) => stage(name).Actions.filter((a) => a.ActionTypeId.Category === 'Deploy');
/** The build commands of the CodeBuild project an action runs. */
function commandsOf(action: Action): string[] {
  const logicalId = action.Configuration.ProjectName.Ref;
  return JSON.parse(resources[logicalId].Properties.Source.BuildSpec).phases.build.commands;
}
function projectOf(action: Action) {
  return resources[action.Configuration.ProjectName.Ref].Properties;
}
const ENVIRONMENTS = [
  { name: 'dev', account: '111111111111', region: 'eu-west-1' },
  { name: 'staging', account: '222222222222', region: 'eu-west-1' },
  { name: 'prod', account: '333333333333', region: 'eu-west-1' },
];

test('the stages run source → synth → self-update → assets → gates → dev → staging → prod', () => {
  expect(stages.map((s) => s.Name)).toEqual(['Source', 'Build', 'UpdatePipeline', 'Assets', 'Gates', 'dev', 'staging', 'prod']);
});

test('the source is the configured repository and branch through the CodeConnections connection', () => {
  expect(stage('Source').Actions[0]).toMatchObject({
    ActionTypeId: { Category: 'Source', Provider: 'CodeStarSourceConnection' },
    Configuration: {
      ConnectionArn: 'arn:aws:codeconnections:eu-west-1:444444444444:connection/0a1b2c3d-4e5f-4789-abcd-ef0123456789',
      FullRepositoryId: 'acme/databases-as-code',
      BranchName: 'main',
    },
  });
});

test('the synth step installs, synthesizes both clouds offline and the pipeline app', () => {
  expect(commandsOf(stage('Build').Actions[0])).toEqual(['npm ci --no-audit --no-fund', 'npm run synth', 'npm run synth:pipeline']);
});

describe('the gates', () => {
  const gates = Object.fromEntries(stage('Gates').Actions.map((a) => [a.Name, a]));

  test('every gate is a CodeBuild step, and they all come before the first deployment', () => {
    expect(Object.keys(gates).sort()).toEqual(['ComplianceReport', 'ReplacementGuard', 'TemplateLint', 'Tests', 'TypeCheck']);
    for (const gate of Object.values(gates)) expect(gate.ActionTypeId).toMatchObject({ Category: 'Build', Provider: 'CodeBuild' });
    const firstDeploy = stages.findIndex((s) => s.Actions.some((a) => a.ActionTypeId.Category === 'Deploy'));
    expect(indexOf('Gates')).toBeLessThan(firstDeploy);
    expect(firstDeploy).toBe(indexOf('dev'));
  });

  test.each([
    ['TypeCheck', 'npm run typecheck'],
    ['Tests', 'npm test'],
    ['ReplacementGuard', 'npm run guard'],
    ['TemplateLint', 'npm run lint:templates'],
    ['ComplianceReport', 'npm run compliance:report'],
  ])('%s runs `%s`', (gate, command) => {
    expect(commandsOf(gates[gate])).toContain(command);
  });

  test('cfn-lint is the version our templates are linted with', () => {
    expect(commandsOf(gates.TemplateLint)).toContain(`pip3 install --quiet cfn-lint==${CFN_LINT_VERSION}`);
  });

  test('cfn-lint and the compliance report also check the pipeline stack itself', () => {
    expect(commandsOf(gates.TemplateLint)).toContain('CDK_OUTDIR_TO_LINT=pipeline.out npm run lint:templates');
    expect(commandsOf(gates.ComplianceReport)).toContain('npm run compliance:report -- pipeline.out');
  });

  test('the guard, cfn-lint and the compliance report check the templates the synth step produced', () => {
    for (const name of ['ReplacementGuard', 'TemplateLint', 'ComplianceReport']) {
      // CDK Pipelines hands a step its extra inputs as secondary artifacts and copies them into the named folders.
      const copies = JSON.stringify(JSON.parse(projectOf(gates[name]).Source.BuildSpec).phases.install);
      expect(copies).toContain('cdk.out');
      expect(copies).toContain('cdktf.out');
      expect(copies).toContain('pipeline.out');
    }
  });
});

describe.each(ENVIRONMENTS)('the $name stage', ({ name, account, region }) => {
  const actions = stage(name).Actions;
  const lastDeploy = Math.max(...deployActions(name).map((a) => a.RunOrder));

  test('deploys every stack of its stage, cross-account through the bootstrap deploy role of its account', () => {
    const stackNames = onDisk.getNestedAssembly(`assembly-${name}`).stacks.map((s) => s.stackName);
    expect(stackNames.length).toBeGreaterThan(0);
    expect([...new Set(deployActions(name).map((a) => a.Configuration.StackName))].sort()).toEqual([...stackNames].sort());
    for (const action of deployActions(name)) {
      expect(JSON.stringify(action.RoleArn)).toContain(`:iam::${account}:role/cdk-hnb659fds-deploy-role-${account}-`);
    }
  });

  test('its templates are exactly those `cdk deploy` deploys (the same EnvironmentStage, no second code path)', () => {
    const cli = cliAssemblies.get(name)!;
    const pipelineStage = onDisk.getNestedAssembly(`assembly-${name}`);
    expect(pipelineStage.stacks.map((s) => s.stackName).sort()).toEqual(cli.stacks.map((s) => s.stackName).sort());
    for (const cliStack of cli.stacks) {
      expect(withoutAnalytics(pipelineStage.getStackByName(cliStack.stackName).template)).toEqual(withoutAnalytics(cliStack.template));
    }
  });

  test('ends with the Google Cloud deploy and then `dbctl verify`, after every deployment', () => {
    const gcp = actions.find((a) => a.Name === `DeployGoogleCloud-${name}`)!;
    const verify = actions.find((a) => a.Name === `Verify-${name}`)!;
    expect(gcp.RunOrder).toBeGreaterThan(lastDeploy);
    expect(verify.RunOrder).toBeGreaterThan(gcp.RunOrder);
    expect(Math.max(...actions.map((a) => a.RunOrder))).toBe(verify.RunOrder);
    expect(commandsOf(verify)).toContain(`npm run dbctl -- verify --env ${name}`);
    expect(commandsOf(gcp)).toContain(`bash bin/deploy-google-cloud.sh ${name}`);
  });

  test('verify reads the environment through the bootstrap lookup role, and may assume nothing else', () => {
    const verify = actions.find((a) => a.Name === `Verify-${name}`)!;
    const lookupRole = `arn:aws:iam::${account}:role/cdk-hnb659fds-lookup-role-${account}-${region}`;
    expect(projectOf(verify).Environment.EnvironmentVariables).toContainEqual({ Name: 'VERIFY_ROLE_ARN', Type: 'PLAINTEXT', Value: lookupRole });
    const roleLogicalId = projectOf(verify).ServiceRole['Fn::GetAtt'][0];
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleLogicalId))
      .flatMap((r) => r.Properties.PolicyDocument.Statement);
    const assumes = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('sts:')));
    expect(assumes).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: lookupRole }]);
  });

  test('the Google Cloud deploy signs in with workload identity federation: no key file, no secret', () => {
    const gcp = actions.find((a) => a.Name === `DeployGoogleCloud-${name}`)!;
    const variables = projectOf(gcp).Environment.EnvironmentVariables as Array<{ Name: string; Value: string }>;
    const config = JSON.parse(variables.find((v) => v.Name === 'GCP_CREDENTIAL_CONFIG')!.Value);
    expect(config).toMatchObject({
      type: 'external_account',
      audience: expect.stringMatching(
        /^\/\/iam\.googleapis\.com\/projects\/\d+\/locations\/global\/workloadIdentityPools\/aws-delivery\/providers\/databases-pipeline$/,
      ),
      subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
      service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/databases-deployer@acme-databases-${name}.iam.gserviceaccount.com:generateAccessToken`,
      credential_source: { environment_id: 'aws1' },
    });
    expect(JSON.stringify(config)).not.toMatch(/private_key|client_secret/);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: `databases-delivery-gcp-deploy-${name}` });
  });
});

test('a manual approval comes before every deployment of prod, and only prod (the production tier) has one', () => {
  const approvals = stages.flatMap((s) => s.Actions.filter((a) => a.ActionTypeId.Category === 'Approval').map((a) => [s.Name, a.Name]));
  expect(approvals).toEqual([['prod', 'Approve-prod']]);
  const approval = stage('prod').Actions.find((a) => a.Name === 'Approve-prod')!;
  expect(approval.ActionTypeId.Provider).toBe('Manual');
  expect(Math.min(...deployActions('prod').map((a) => a.RunOrder))).toBeGreaterThan(approval.RunOrder);
});

describe('storage, keys and roles', () => {
  const keyId = Object.keys(resources).find((id) => resources[id].Type === 'AWS::KMS::Key' && /^StorageKey/.test(id))!;

  test('the artifact bucket is encrypted with the customer-managed key, which rotates', () => {
    expect(resources[keyId].Properties.EnableKeyRotation).toBe(true);
    expect(pipeline.ArtifactStores ?? [pipeline.ArtifactStore]).toContainEqual(
      expect.objectContaining({
        ArtifactStore: expect.objectContaining({ EncryptionKey: { Id: { 'Fn::GetAtt': [keyId, 'Arn'] }, Type: 'KMS' } }),
      }),
    );
    const bucket = Object.entries(resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && /^StorageArtifacts/.test(id))![1].Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } } },
    ]);
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: expect.stringMatching(/^StorageAccessLogs/) });
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  test('every CodeBuild project encrypts with the key and logs to the key-encrypted log group', () => {
    const logGroup = Object.entries(resources).find(([, r]) => r.Type === 'AWS::Logs::LogGroup')!;
    expect(logGroup[1].Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    const projects = Object.values(resources).filter((r) => r.Type === 'AWS::CodeBuild::Project');
    expect(projects.length).toBeGreaterThanOrEqual(12);
    for (const project of projects) {
      expect(project.Properties.EncryptionKey).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      expect(project.Properties.LogsConfig.CloudWatchLogs).toMatchObject({ GroupName: { Ref: logGroup[0] }, Status: 'ENABLED' });
    }
  });

  test.each(ENVIRONMENTS)("the key lets $name account's deploy role read the artifacts", ({ account }) => {
    const policy = JSON.stringify(resources[keyId].Properties.KeyPolicy);
    expect(policy).toContain(`:iam::${account}:role/cdk-hnb659fds-deploy-role-${account}-`);
  });

  test('the gates may assume no role and touch nothing but their logs, reports and the artifacts', () => {
    for (const gate of stage('Gates').Actions) {
      const roleLogicalId = projectOf(gate).ServiceRole['Fn::GetAtt'][0];
      const actions = Object.values(resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleLogicalId))
        .flatMap((r) => r.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
      for (const action of actions) expect(action).toMatch(/^(logs|codebuild|s3|kms):/);
    }
  });

  test('the pipeline stack has termination protection', () => {
    expect(stack.terminationProtection).toBe(true);
    expect(assembly.getStackByName(stack.stackName).terminationProtection).toBe(true);
  });
});
