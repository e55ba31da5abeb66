#!/usr/bin/env node
/** CDK app: one Stage per environment (`npx cdk synth -c env=prod`, `npx cdk deploy 'prod/*'`). */
import { App } from 'aws-cdk-lib';
import { addAwsEnvironments, loadSelectedEnvironments } from '../lib/aws/aws-app';

// Validate every selected environment before the App exists: a bad config exits non-zero with nothing written.
const environments = loadSelectedEnvironments();
const app = new App();
addAwsEnvironments(app, environments);
app.synth();
