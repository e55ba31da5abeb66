#!/usr/bin/env node
/**
 * CDK app of the delivery pipeline (`npm run pipeline -- synth`, `npm run pipeline -- deploy`): config/delivery/pipeline.ts
 * and the environments it promotes. README "Deploying through a pipeline".
 */
import '../lib/cli/report-errors-cleanly';
import { addComplianceChecks } from '../lib/aws/compliance-checks';
import { synthesizePipelineApp } from '../lib/delivery/synthesize-pipeline-app';

synthesizePipelineApp({ checks: addComplianceChecks });
