/** Fixtures for the Google Cloud tests: a test stack, valid construct props, and whole environments synthesized. */
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
// Side-effect import for the types: it declares the cdktf matchers on jest's `expect`.
import 'cdktf/lib/testing/adapters/jest';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { CloudSqlInstanceProps } from '../../constructs/gcp/cloud-sql-instance';
import { loadEnvironments } from '../../lib/environments/load-environments';
import { addGcpEnvironment, GcpEnvironmentStacks } from '../../lib/gcp/gcp-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import type { EnvironmentPlan } from '../../lib/plan/plan-types';

Testing.setupJest();

/** Synthesized Terraform JSON, as parsed objects. */
export type TerraformJson = Record<string, any>;

/** One output folder for every test app (Testing.app() would create a new temp folder per call; synth writes nothing). */
export function testApp(): App {
  return Testing.app({ outdir: path.join(os.tmpdir(), 'cdktf-gcp-tests') });
}

/** A stack with a Google provider, as a platform team's own stack would have. */
export function testStack(id = 'test'): TerraformStack {
  const stack = new TerraformStack(testApp(), id);
  new GoogleProvider(stack, 'google', { project: 'acme-test', region: 'europe-west1' });
  return stack;
}

/** Synthesizes with validations on, as `cdktf synth` does. */
export function synth(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

export function synthJson(stack: TerraformStack): TerraformJson {
  return JSON.parse(synth(stack));
}

/** The only resource of `type` in the synthesized stack; fails when there is not exactly one. */
export function onlyResource(json: TerraformJson, type: string): TerraformJson {
  const resources = Object.values(json.resource?.[type] ?? {}) as TerraformJson[];
  if (resources.length !== 1) throw new Error(`expected exactly one ${type}, found ${resources.length}`);
  return resources[0];
}

export function resources(json: TerraformJson, type: string): TerraformJson[] {
  return Object.values(json.resource?.[type] ?? {}) as TerraformJson[];
}

export const TEST_KEY = 'projects/acme-test/locations/europe-west1/keyRings/test-databases/cryptoKeys/cloud-sql';

/** The required props only: everything else takes the construct's defaults. */
export function instanceProps(overrides: Partial<CloudSqlInstanceProps> = {}): CloudSqlInstanceProps {
  return {
    project: 'acme-test',
    region: 'europe-west1',
    instanceName: 'test-ledger',
    databaseVersion: 'POSTGRES_16',
    edition: 'ENTERPRISE',
    tier: 'db-custom-2-7680',
    encryptionKeyName: TEST_KEY,
    privateNetwork: 'projects/acme-network/global/networks/shared-vpc',
    ...overrides,
  };
}

/** The plan of a real environment (config/<name>.ts). */
export function environmentPlan(name: string): EnvironmentPlan {
  return buildPlan(loadEnvironments([name])[0]);
}

export interface SynthesizedEnvironment {
  readonly stacks: GcpEnvironmentStacks;
  /** Every stack's Terraform JSON by stack name (metadata blocks dropped, cdktf version stubbed). */
  readonly json: Readonly<Record<string, TerraformJson>>;
}

/** Adds the environment's stacks to a test app and synthesizes them the way `app.synth()` does. */
export function synthEnvironment(plan: EnvironmentPlan): SynthesizedEnvironment {
  const stacks = addGcpEnvironment(testApp(), plan);
  if (!stacks) throw new Error(`environment ${plan.environment} has no gcp section`);
  const all = [stacks.foundation, ...stacks.databaseStacks];
  // app.synth() prepares every stack before writing any: that is when cross-stack outputs are added.
  all.forEach((stack) => stack.prepareStack());
  return { stacks, json: Object.fromEntries(all.map((stack) => [stack.node.id, synthJson(stack)])) };
}
