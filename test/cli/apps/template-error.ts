#!/usr/bin/env node
/**
 * The AWS app of bin/aws.ts plus one resource that breaks CloudFormation's resource schema (a property that
 * AWS::SSM::Parameter does not have), so a test can prove that aws-cdk-lib's built-in template validation fails
 * `cdk synth` run through the CLI (the unit tests synthesize without it: test/support/unit-synthesis-settings.ts).
 */
import '../../../lib/cli/report-errors-cleanly';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { addComplianceChecks } from '../../../lib/aws/compliance-checks';
import { synthesizeAwsApp } from '../../../lib/aws/synthesize-aws-app';

synthesizeAwsApp((app) => {
  addComplianceChecks(app);
  new CfnResource(new Stack(app, 'template-probe', { env: { account: '111111111111', region: 'eu-west-1' } }), 'BadParameter', {
    type: 'AWS::SSM::Parameter',
    properties: { Type: 'String', Value: 'probe', NotAProperty: 'x' },
  });
});
