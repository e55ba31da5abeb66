/**
 * What the pipeline app does (bin/pipeline.ts): validate the delivery config and its environments before the App
 * exists (a bad config exits non-zero with nothing written), then synthesize the pipeline stack and one
 * EnvironmentStage per AWS environment, with the same compliance checks and size limits as the environment app.
 */
import { App } from 'aws-cdk-lib';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT as FAIL_SYNTH_ON_VALIDATION_ERRORS } from 'aws-cdk-lib/cx-api';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { addAwsEnvironments } from '../aws/aws-app';
import { assertTemplateSizes } from '../aws/stack-limits';
import { CONFIG_DIR } from '../config/load-environments';
import { validateInOnePass } from '../config/one-pass-validation';
import { assertPolicies } from '../policy/assert-policies';
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
  assertPolicies(environments);
  // As in the environment app (lib/aws/synthesize-aws-app.ts): the app fails synth on compliance findings itself.
  const app = new App({ outdir: options.outdir, postCliContext: { [FAIL_SYNTH_ON_VALIDATION_ERRORS]: true } });
  options.checks(app);
  const stages = addAwsEnvironments(app, environments);
  const stack = new DeliveryPipelineStack(app, PIPELINE_STACK_ID, {
    delivery,
    environments,
    stages: new Map(stages.map((stage) => [stage.stageName, stage])),
  });
  const assembly = app.synth();
  assertTemplateSizes(assembly);
  return { app, stack, assembly };
}
