/** Reads a synthesized output folder (a CDK cloud assembly or a cdktf.out) and counts stacks and resources. */
import * as fs from 'fs';
import * as path from 'path';

export interface StackSummary {
  readonly name: string;
  readonly bytes: number;
  /** Resource count per type (CloudFormation type, or Terraform resource type; data sources as `data.<type>`). */
  readonly resources: Readonly<Record<string, number>>;
  readonly resourceCount: number;
}

/** Every CloudFormation template in a cloud assembly, nested stage assemblies included. */
export function cdkStacks(outdir: string): StackSummary[] {
  const stacks: StackSummary[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name.startsWith('assembly-')) walk(file);
      else if (entry.isFile() && entry.name.endsWith('.template.json')) {
        const text = fs.readFileSync(file, 'utf8');
        const template = JSON.parse(text);
        const resources: Record<string, number> = {};
        for (const resource of Object.values<{ Type: string }>(template.Resources ?? {})) {
          resources[resource.Type] = (resources[resource.Type] ?? 0) + 1;
        }
        stacks.push(summary(`${path.basename(dir)}/${entry.name.replace(/\.template\.json$/, '')}`, Buffer.byteLength(text), resources));
      }
    }
  };
  walk(outdir);
  return stacks.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every stack of a cdktf.out (`stacks/<name>/cdk.tf.json`). */
export function cdktfStacks(outdir: string): StackSummary[] {
  const stacksDir = path.join(outdir, 'stacks');
  return fs
    .readdirSync(stacksDir)
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8');
      const json = JSON.parse(text);
      const resources: Record<string, number> = {};
      for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) resources[type] = Object.keys(byName).length;
      for (const [type, byName] of Object.entries<Record<string, unknown>>(json.data ?? {})) resources[`data.${type}`] = Object.keys(byName).length;
      return summary(name, Buffer.byteLength(text), resources);
    });
}

function summary(name: string, bytes: number, resources: Record<string, number>): StackSummary {
  return { name, bytes, resources, resourceCount: Object.values(resources).reduce((sum, n) => sum + n, 0) };
}

/** Resource count per type over all stacks. */
export function totalsByType(stacks: readonly StackSummary[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const stack of stacks) for (const [type, n] of Object.entries(stack.resources)) totals[type] = (totals[type] ?? 0) + n;
  return Object.fromEntries(Object.entries(totals).sort(([a], [b]) => a.localeCompare(b)));
}
