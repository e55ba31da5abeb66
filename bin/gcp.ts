#!/usr/bin/env node
/** CDKTF app: every selected environment that has a `gcp` section. `DB_ENV=prod` (or `dev,staging`) selects. */
import '../lib/cli/report-errors-cleanly';
import { App } from 'cdktf';
import { listEnvironments, loadEnvironments, selectEnvironments } from '../lib/environments/load-environments';
import { validateInOnePass } from '../lib/environments/one-pass-validation';
import { buildPlan } from '../lib/plan/build-plan';
import { addGcpEnvironment } from '../lib/gcp/gcp-environment';
import { assertPolicies } from '../lib/policy/assert-policies';

// Load and validate before creating the App: its constructor creates the output folder.
validateInOnePass();
const environments = loadEnvironments(selectEnvironments(process.env.DB_ENV, listEnvironments()));
assertPolicies(environments);
const plans = environments.map(buildPlan);
const app = new App();
for (const plan of plans) addGcpEnvironment(app, plan);
app.synth();
