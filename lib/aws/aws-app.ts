import type { App } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as fs from 'fs';
import { listEnvironments, selectEnvironments } from '../environments/load-environments';
import { planEnvironments, type PlannedEnvironment } from '../environments/plan-environments';
import { EnvironmentStage } from './environment-stage';

/**
 * The `-c env=<names>` selection, read from the context the CDK CLI hands to the app. Read before the App exists,
 * because constructing an App already creates the output folder: a bad config must leave nothing behind.
 */
export function cliEnvironmentSelection(): string | undefined {
  const overflow = process.env[cxapi.CONTEXT_OVERFLOW_LOCATION_ENV];
  const json = overflow ? fs.readFileSync(overflow, 'utf8') : process.env[cxapi.CONTEXT_ENV];
  const context = json ? JSON.parse(json) : {};
  return typeof context.env === 'string' ? context.env : undefined;
}

/** The selected environments (`-c env=…`, else `DB_ENV`, else all) through the pipeline; throws on any problem. */
export function planSelectedEnvironments(selection = cliEnvironmentSelection() ?? process.env.DB_ENV): PlannedEnvironment[] {
  return planEnvironments(selectEnvironments(selection, listEnvironments()));
}

/** Adds a Stage for every environment that has an AWS section. */
export function addAwsEnvironments(app: App, environments: readonly PlannedEnvironment[]): EnvironmentStage[] {
  return environments.filter(({ plan }) => plan.aws).map(({ plan }) => new EnvironmentStage(app, plan));
}
