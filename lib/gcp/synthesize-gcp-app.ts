import { App } from 'cdktf';
import { listEnvironments, selectEnvironments } from '../environments/load-environments';
import { validateInOnePass } from '../environments/one-pass-validation';
import { planEnvironments } from '../environments/plan-environments';
import { addGcpEnvironment } from './gcp-environment';

/**
 * What the CDKTF app does (bin/gcp.ts): plan and policy-check the selected environments (`DB_ENV=prod` or
 * `dev,staging`; all when unset) before the App exists (its constructor creates the output folder, and a bad config
 * must leave nothing behind), then synthesize every one that has a `gcp` section.
 */
export function synthesizeGcpApp(selection = process.env.DB_ENV): void {
  validateInOnePass();
  const planned = planEnvironments(selectEnvironments(selection, listEnvironments()));
  const app = new App();
  for (const { plan } of planned) addGcpEnvironment(app, plan);
  app.synth();
}
