#!/usr/bin/env node
/**
 * The AWS app of bin/aws.ts plus one resource with an unacknowledged cdk-nag finding (an SNS topic without a key), so a
 * test can prove that the gate fails `cdk synth` and `cdk deploy` run through the CLI.
 */
import '../../../lib/cli/report-errors-cleanly';
import { Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { addComplianceChecks } from '../../../lib/aws/compliance-checks';
import { synthesizeAwsApp } from '../../../lib/aws/synthesize-aws-app';

synthesizeAwsApp((app) => {
  addComplianceChecks(app);
  new sns.Topic(new Stack(app, 'gate-probe', { env: { account: '111111111111', region: 'eu-west-1' } }), 'PlainTopic');
});
