import { App } from 'aws-cdk-lib';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT as FAIL_SYNTH_ON_VALIDATION_ERRORS } from 'aws-cdk-lib/cx-api';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { validateInOnePass } from '../environments/one-pass-validation';
import type { PlannedEnvironment } from '../environments/plan-environments';
import { addAwsEnvironments, planSelectedEnvironments } from './aws-app';
import type { EnvironmentStage } from './environment-stage';
import { assertTemplateSizes } from './stack-limits';

/**
 * What the AWS app does (bin/aws.ts): plan and policy-check the selected environments before the App exists
 * (a bad config exits non-zero with nothing written), then synthesize them. `checks` is the app's compliance checks;
 * the benchmark passes none to measure what they cost.
 */
export function synthesizeAwsApp(checks: (app: App) => void): void {
  validateInOnePass();
  synthesizeAwsEnvironments(planSelectedEnvironments(), { checks });
}

export interface AwsSynthesisOptions {
  /** Adds the compliance checks to the App. */
  readonly checks: (app: App) => void;
  /** @default - the CDK CLI's output folder (`CDK_OUTDIR`), else `cdk.out` */
  readonly outdir?: string;
}

/**
 * A new App with `checks` and one Stage per planned environment (lib/environments/plan-environments.ts): what the
 * environment app, the testing helpers (lib/testing) and the pipeline app (lib/delivery) all build, so each
 * synthesizes exactly what `cdk synth` does. Synthesize it with `synthesizeWithinLimits`.
 */
export function awsEnvironmentsApp(environments: readonly PlannedEnvironment[], options: AwsSynthesisOptions): { app: App; stages: EnvironmentStage[] } {
  // The CDK CLI asks the app to leave validation failures to it (failSynthOnValidationErrors=false) and then exits 0
  // on them (aws-cdk 2.1148): the app reports them itself and exits non-zero, under `cdk synth` and `cdk deploy` alike.
  const app = new App({ outdir: options.outdir, postCliContext: { [FAIL_SYNTH_ON_VALIDATION_ERRORS]: true } });
  options.checks(app);
  return { app, stages: addAwsEnvironments(app, environments) };
}

/** Synthesizes, and fails on a template close to CloudFormation's size limit. */
export function synthesizeWithinLimits(app: App): CloudAssembly {
  const assembly = app.synth();
  assertTemplateSizes(assembly);
  return assembly;
}

/** Synthesizes the environments; returns the stages' assemblies by environment name. */
export function synthesizeAwsEnvironments(environments: readonly PlannedEnvironment[], options: AwsSynthesisOptions): Map<string, CloudAssembly> {
  const { app, stages } = awsEnvironmentsApp(environments, options);
  synthesizeWithinLimits(app);
  // A stage synthesized with its app returns its cached assembly.
  return new Map(stages.map((stage) => [stage.stageName, stage.synth()]));
}
