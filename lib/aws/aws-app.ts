import type { App } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as fs from 'fs';
import { listEnvironments, loadEnvironments, selectEnvironments } from '../environments/load-environments';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { buildPlan } from '../plan/build-plan';
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

/** Loads and validates the selected environments (`-c env=…`, else `DB_ENV`, else all); throws on any problem. */
export function loadSelectedEnvironments(selection = cliEnvironmentSelection() ?? process.env.DB_ENV): ResolvedEnvironment[] {
  return loadEnvironments(selectEnvironments(selection, listEnvironments()));
}

/** Adds a Stage for every environment that has an AWS section. */
export function addAwsEnvironments(app: App, environments: readonly ResolvedEnvironment[]): EnvironmentStage[] {
  return environments
    .map(buildPlan)
    .filter((plan) => plan.aws)
    .map((plan) => new EnvironmentStage(app, plan));
}
