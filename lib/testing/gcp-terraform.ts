/** The Terraform JSON of one environment, as `cdktf synth` writes it. Loaded only for environments with `gcp`. */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { addGcpEnvironment } from '../gcp/gcp-environment';
import type { EnvironmentPlan } from '../plan/plan-types';

/** Terraform JSON by stack name, without cdktf's `//` metadata (it carries the cdktf version and paths). */
export function gcpTerraform(plan: EnvironmentPlan, outdir: string): Record<string, Record<string, any>> {
  const app = new App({ outdir });
  const stacks = addGcpEnvironment(app, plan);
  if (!stacks) return {};
  app.synth();
  return Object.fromEntries(
    [stacks.foundation, ...stacks.databaseStacks].map((stack) => {
      const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      delete json['//'];
      return [stack.node.id, json];
    }),
  );
}
