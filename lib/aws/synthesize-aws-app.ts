import { App, Stage } from 'aws-cdk-lib';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT as FAIL_SYNTH_ON_VALIDATION_ERRORS } from 'aws-cdk-lib/cx-api';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { validateInOnePass } from '../config/one-pass-validation';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { assertPolicies } from '../policy/assert-policies';
import { addAwsEnvironments, loadSelectedEnvironments } from './aws-app';
import { assertTemplateSizes } from './stack-limits';

/**
 * What the AWS app does (bin/aws.ts): validate and policy-check the selected environments before the App exists
 * (a bad config exits non-zero with nothing written), then synthesize them. `checks` is the app's compliance checks;
 * the benchmark passes none to measure what they cost.
 */
export function synthesizeAwsApp(checks: (app: App) => void): void {
  validateInOnePass();
  synthesizeAwsEnvironments(loadSelectedEnvironments(), { checks });
}

export interface AwsSynthesisOptions {
  /** Adds the compliance checks to the App. */
  readonly checks: (app: App) => void;
  /** @default - the CDK CLI's output folder (`CDK_OUTDIR`), else `cdk.out` */
  readonly outdir?: string;
}

/**
 * Policy-checks loaded environments, adds `checks` and one Stage per environment to a new App, synthesizes, and fails
 * on a template close to CloudFormation's size limit. Returns the stages' assemblies by environment name. Shared by the
 * app and the testing helpers (lib/testing), so a team's tests synthesize exactly what `cdk synth` does.
 */
export function synthesizeAwsEnvironments(environments: readonly ResolvedEnvironment[], options: AwsSynthesisOptions): Map<string, CloudAssembly> {
  assertPolicies(environments);
  // The CDK CLI asks the app to leave validation failures to it (failSynthOnValidationErrors=false) and then exits 0
  // on them (aws-cdk 2.1148): the app reports them itself and exits non-zero, under `cdk synth` and `cdk deploy` alike.
  const app = new App({ outdir: options.outdir, postCliContext: { [FAIL_SYNTH_ON_VALIDATION_ERRORS]: true } });
  options.checks(app);
  const stages: Stage[] = addAwsEnvironments(app, environments);
  assertTemplateSizes(app.synth());
  // A stage synthesized with its app returns its cached assembly.
  return new Map(stages.map((stage) => [stage.stageName, stage.synth()]));
}
