/**
 * The guarded resources of each environment, per stack and cloud: read from synthesized output (cdk.out,
 * cdktf.out) or from the committed baseline (guard/baseline/<env>.json).
 */
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as fs from 'fs';
import * as path from 'path';
import { CfnTemplate, guardedCfnResources } from './cloudformation-changes';
import { guardedTerraformResources, TerraformConfig } from './terraform-changes';

export interface EnvironmentTemplates {
  readonly aws: Record<string, CfnTemplate>;
  readonly gcp: Record<string, TerraformConfig>;
}

const empty = (): EnvironmentTemplates => ({ aws: {}, gcp: {} });

/** CDK: one nested assembly per environment Stage (the stage id is the environment name). */
export function readCdkOutput(outdir: string): Map<string, EnvironmentTemplates> {
  const byEnvironment = new Map<string, EnvironmentTemplates>();
  if (!fs.existsSync(path.join(outdir, 'manifest.json'))) return byEnvironment;
  for (const assembly of new cxapi.CloudAssembly(outdir).nestedAssemblies) {
    const environment = assembly.displayName;
    const templates = byEnvironment.get(environment) ?? empty();
    for (const stack of assembly.nestedAssembly.stacks) {
      templates.aws[stack.stackName] = guardedCfnResources(stack.template, `aws://${stack.environment.account}/${stack.environment.region}`);
    }
    byEnvironment.set(environment, templates);
  }
  return byEnvironment;
}

/** CDKTF: stacks are named `<environment>-…`; the longest matching environment name wins. */
export function readCdktfOutput(outdir: string, environments: readonly string[]): Map<string, EnvironmentTemplates> {
  const byEnvironment = new Map<string, EnvironmentTemplates>();
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return byEnvironment;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const longestFirst = [...environments].sort((a, b) => b.length - a.length);
  for (const stack of Object.values<{ name: string; synthesizedStackPath: string }>(manifest.stacks)) {
    const environment = longestFirst.find((name) => stack.name.startsWith(`${name}-`));
    if (!environment) continue;
    const config = JSON.parse(fs.readFileSync(path.join(outdir, stack.synthesizedStackPath), 'utf8'));
    const templates = byEnvironment.get(environment) ?? empty();
    templates.gcp[stack.name] = guardedTerraformResources(config);
    byEnvironment.set(environment, templates);
  }
  return byEnvironment;
}

export function mergeOutputs(...maps: Array<Map<string, EnvironmentTemplates>>): Map<string, EnvironmentTemplates> {
  const merged = new Map<string, EnvironmentTemplates>();
  for (const map of maps) {
    for (const [environment, templates] of map) {
      const into = merged.get(environment) ?? empty();
      Object.assign(into.aws, templates.aws);
      Object.assign(into.gcp, templates.gcp);
      merged.set(environment, into);
    }
  }
  return merged;
}

export const baselineFile = (baselineDir: string, environment: string) => path.join(baselineDir, `${environment}.json`);

export function readBaseline(baselineDir: string, environment: string): EnvironmentTemplates | undefined {
  const file = baselineFile(baselineDir, environment);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

export function listBaselines(baselineDir: string): string[] {
  if (!fs.existsSync(baselineDir)) return [];
  return fs
    .readdirSync(baselineDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** Sorted keys, so a rewrite without changes leaves the file byte-identical. */
export function writeBaseline(baselineDir: string, environment: string, templates: EnvironmentTemplates): void {
  fs.mkdirSync(baselineDir, { recursive: true });
  fs.writeFileSync(baselineFile(baselineDir, environment), `${JSON.stringify(sortKeys(templates), null, 2)}\n`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
