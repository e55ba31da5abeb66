#!/usr/bin/env node
/**
 * Our AWS app (bin/aws.ts) minus its compliance checks (cdk-nag packs and our global-table rules): the benchmark
 * runs it next to ours and the plain app to show what the abstraction costs apart from the checks. Not for use: the
 * real app always runs the checks.
 */
import { App } from 'aws-cdk-lib';
import { addAwsEnvironments, loadSelectedEnvironments } from '../lib/aws/aws-app';
import { assertTemplateSizes } from '../lib/aws/stack-limits';
import { validateInOnePass } from '../lib/config/one-pass-validation';
import { assertPolicies } from '../lib/policy/assert-policies';

validateInOnePass();
const environments = loadSelectedEnvironments();
assertPolicies(environments);
const app = new App();
addAwsEnvironments(app, environments);
assertTemplateSizes(app.synth());
