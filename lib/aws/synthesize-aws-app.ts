import { App } from 'aws-cdk-lib';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT as FAIL_SYNTH_ON_VALIDATION_ERRORS } from 'aws-cdk-lib/cx-api';
import { validateInOnePass } from '../config/one-pass-validation';
import { assertPolicies } from '../policy/assert-policies';
import { addAwsEnvironments, loadSelectedEnvironments } from './aws-app';
import { assertTemplateSizes } from './stack-limits';

/**
 * What the AWS app does (bin/aws.ts): validate and policy-check the selected environments before the App exists
 * (a bad config exits non-zero with nothing written), add `checks` to the App, one Stage per environment, synthesize,
 * and fail on a template close to CloudFormation's size limit. `checks` is the app's compliance checks; the benchmark
 * passes none to measure what they cost.
 */
export function synthesizeAwsApp(checks: (app: App) => void): void {
  validateInOnePass();
  const environments = loadSelectedEnvironments();
  assertPolicies(environments);
  // The CDK CLI asks the app to leave validation failures to it (failSynthOnValidationErrors=false) and then exits 0
  // on them (aws-cdk 2.1148): the app reports them itself and exits non-zero, under `cdk synth` and `cdk deploy` alike.
  const app = new App({ postCliContext: { [FAIL_SYNTH_ON_VALIDATION_ERRORS]: true } });
  checks(app);
  addAwsEnvironments(app, environments);
  assertTemplateSizes(app.synth());
}
