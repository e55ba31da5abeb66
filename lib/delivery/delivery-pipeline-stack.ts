/**
 * The delivery pipeline (CDK Pipelines): source → synth (`npm ci`, `npm run synth`, the pipeline app) → self-update →
 * gates (type-check, tests, replacement guard, cfn-lint, compliance report) → one stage per environment in promotion
 * order, each the same EnvironmentStage `cdk deploy` uses, with a manual approval before every production environment
 * and, after each, its Google Cloud deploy and `dbctl verify`.
 */
import { Stack, type StackProps, pipelines } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import { Construct, type IConstruct } from 'constructs';
import { acknowledge } from '../../constructs/aws/foundation/compliance-acknowledgements';
import type { DeliveryConfig } from '../../config/schema/delivery';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import type { EnvironmentStage } from '../aws/environment-stage';
import { ArtifactStorage } from './artifact-storage';
import { gateSteps, NPM_CI } from './gate-steps';
import { gcpDeployStep } from './gcp-deploy-step';
import { acknowledgePipelineFindings } from './pipeline-acknowledgements';
import { verifyStep } from './verify-step';

/** Where the synth step writes the pipeline app's cloud assembly (package.json `synth:pipeline`). */
export const PIPELINE_ASSEMBLY_DIR = 'pipeline.out';
/** The wave of gates; no stage deploys before it passes. */
export const GATES_WAVE = 'Gates';

/**
 * CodeBuild's standard 7.0 image (Ubuntu 22.04) offers Node.js 20 (AWS CodeBuild User Guide, "Runtimes of Docker
 * images provided by CodeBuild"); our engines field asks for >= 20.
 */
const NODE_RUNTIME = codebuild.BuildSpec.fromObject({ phases: { install: { 'runtime-versions': { nodejs: '20' } } } });

export interface DeliveryPipelineStackProps extends StackProps {
  readonly delivery: DeliveryConfig;
  /** In promotion order. */
  readonly environments: readonly ResolvedEnvironment[];
  /** The AWS stage of each environment that has one, by name. */
  readonly stages: ReadonlyMap<string, EnvironmentStage>;
}

export class DeliveryPipelineStack extends Stack {
  readonly pipeline: pipelines.CodePipeline;
  readonly storage: ArtifactStorage;

  constructor(scope: Construct, id: string, props: DeliveryPipelineStackProps) {
    const { delivery } = props;
    super(scope, id, {
      ...props,
      stackName: delivery.pipeline.name,
      env: { account: delivery.pipeline.account, region: delivery.pipeline.region },
      terminationProtection: true,
      description: `Delivery pipeline of the database environments: ${delivery.environments.join(' → ')}`,
    });
    this.storage = new ArtifactStorage(this, 'Storage', { pipelineName: delivery.pipeline.name });

    const source = pipelines.CodePipelineSource.connection(delivery.source.repository, delivery.source.branch, {
      connectionArn: delivery.source.connectionArn,
    });
    const synth = new pipelines.CodeBuildStep('Synth', {
      input: source,
      commands: [NPM_CI, 'npm run synth', `npm run synth:pipeline`],
      primaryOutputDirectory: PIPELINE_ASSEMBLY_DIR,
    });
    const outputs = {
      source,
      cloudFormation: synth.addOutputDirectory('cdk.out'),
      terraform: synth.addOutputDirectory('cdktf.out'),
      pipelineAssembly: synth.primaryOutput!,
    };

    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      pipelineName: delivery.pipeline.name,
      synth,
      artifactBucket: this.storage.bucket,
      crossAccountKeys: true,
      enableKeyRotation: true,
      codeBuildDefaults: {
        partialBuildSpec: NODE_RUNTIME,
        buildEnvironment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0, computeType: codebuild.ComputeType.MEDIUM },
        logging: { cloudWatch: { logGroup: this.storage.buildLogs } },
      },
    });

    this.pipeline.addWave(GATES_WAVE, { pre: gateSteps(outputs) });

    for (const environment of props.environments) {
      const approval =
        environment.tier === 'production'
          ? [
              new pipelines.ManualApprovalStep(`Approve-${environment.name}`, {
                comment: `Promote to ${environment.name} (production tier): review what the earlier stages deployed and verified`,
              }),
            ]
          : [];
      const access = delivery.googleCloud[environment.name];
      const googleCloud = environment.gcp && access ? [gcpDeployStep(this, delivery.pipeline.name, environment, access, source)] : [];
      const verify = environment.aws ? [verifyStep(this, environment, source)] : [];
      // Verify after the Google Cloud deploy: drift anywhere stops the promotion only once everything is deployed.
      for (const step of verify) for (const deploy of googleCloud) step.addStepDependency(deploy);
      const post = [...googleCloud, ...verify];
      const stage = props.stages.get(environment.name);
      if (stage) this.pipeline.addStage(stage, { pre: approval, post });
      else this.pipeline.addWave(environment.name, { pre: approval, post });
    }

    // Built now rather than at synth, so its generated resources exist to be acknowledged.
    this.pipeline.buildPipeline();
    acknowledgePipelineFindings(this);
    for (const support of Object.values(this.pipeline.pipeline.crossRegionSupport)) acknowledgeReplicationBucket(support.replicationBucket);
  }
}

/**
 * The bucket CDK creates in each other region an environment deploys to (its "cross-region support stack"), holding
 * copies of the artifacts for the actions there. CDK offers no setting for its logging or versioning.
 */
function acknowledgeReplicationBucket(bucket: IConstruct): void {
  const copies =
    "copies of the pipeline's artifacts for the actions in this region; the artifact bucket they come from is versioned and access-logged, and CDK Pipelines has no setting for this generated bucket";
  acknowledge(bucket, {
    'AwsSolutions-S1': copies,
    'HIPAA.Security-S3BucketLoggingEnabled': copies,
    'HIPAA.Security-S3BucketVersioningEnabled': copies,
    'HIPAA.Security-S3BucketReplicationEnabled': 'pipeline artifacts are rebuilt from the repository on every run; a replica would protect nothing',
  });
}
