/**
 * What the pipeline app does (bin/pipeline.ts): validate the delivery config and its environments before the App
 * exists (a bad config exits non-zero with nothing written), then synthesize the pipeline stack and one
 * EnvironmentStage per AWS environment, with the same compliance checks and size limits as the environment app.
 */
import type { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { awsEnvironmentsApp, synthesizeWithinLimits } from '../aws/synthesize-aws-app';
import { CONFIG_DIR } from '../environments/load-environments';
import { validateInOnePass } from '../environments/one-pass-validation';
import { DeliveryPipelineStack } from './delivery-pipeline-stack';
import { loadDelivery } from './load-delivery';

/** The pipeline stack's construct id (and, through `pipeline.name`, not its stack name). */
export const PIPELINE_STACK_ID = 'Delivery';

export interface PipelineSynthesisOptions {
  readonly checks: (app: App) => void;
  readonly configDir?: string;
  /** @default - the CDK CLI's output folder (`CDK_OUTDIR`), else `cdk.out` */
  readonly outdir?: string;
}

export function synthesizePipelineApp(options: PipelineSynthesisOptions): { app: App; stack: DeliveryPipelineStack; assembly: CloudAssembly } {
  validateInOnePass();
  const { delivery, environments } = loadDelivery(options.configDir ?? CONFIG_DIR);
  // The environment app's App and stages (policies, compliance checks that fail synth), plus the pipeline stack.
  const { app, stages } = awsEnvironmentsApp(environments, options);
  const stack = new DeliveryPipelineStack(app, PIPELINE_STACK_ID, {
    delivery,
    environments: environments.map(({ environment }) => environment),
    stages: new Map(stages.map((stage) => [stage.stageName, stage])),
  });
  return { app, stack, assembly: synthesizeWithinLimits(app) };
}
