#!/usr/bin/env node
/** CDK app: one Stage per environment (`npx cdk synth -c env=prod`, `npx cdk deploy 'prod/*'`). */
import { App } from 'aws-cdk-lib';
import { addAwsEnvironments, loadSelectedEnvironments } from '../lib/aws/aws-app';
import { addComplianceChecks } from '../lib/aws/compliance-checks';
import { assertTemplateSizes } from '../lib/aws/stack-limits';
import { validateInOnePass } from '../lib/config/one-pass-validation';
import { assertPolicies } from '../lib/policy/assert-policies';

// Validate every selected environment before the App exists: a bad config exits non-zero with nothing written.
validateInOnePass();
const environments = loadSelectedEnvironments();
assertPolicies(environments);
const app = new App();
addComplianceChecks(app);
addAwsEnvironments(app, environments);
// Stacks close to CloudFormation's limits fail here, not at deploy time.
assertTemplateSizes(app.synth());
