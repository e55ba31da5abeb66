#!/usr/bin/env node
/**
 * Our AWS app (bin/aws.ts) minus its compliance checks (cdk-nag packs and our global-table rules): the benchmark
 * runs it next to ours and the plain app to show what the abstraction costs apart from the checks. Not for use: the
 * real app always runs the checks.
 */
import { synthesizeAwsApp } from '../lib/aws/synthesize-aws-app';

synthesizeAwsApp(() => undefined);
