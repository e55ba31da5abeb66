#!/usr/bin/env node
/** CDK app: one Stage per environment (`npx cdk synth -c env=prod`, `npx cdk deploy 'prod/*'`). */
import '../lib/cli/report-errors-cleanly';
import { addComplianceChecks } from '../lib/aws/compliance-checks';
import { synthesizeAwsApp } from '../lib/aws/synthesize-aws-app';

synthesizeAwsApp(addComplianceChecks);
