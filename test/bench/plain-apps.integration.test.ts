/**
 * The benchmark compares our apps with plain apps (bench/plain/) that declare the same resources by hand. That
 * comparison only means something while both declare the same thing: for every kind of the mix in every environment,
 * both must synthesize the same stacks with the same number of resources of each type, and on AWS templates of about
 * the same size (aws-cdk-lib's template validation, most of a synth, costs more for more template bytes). No timing
 * here (npm run bench).
 *
 * The plain apps do not declare what lives inside the databases (docs/database-access.md: the provisioning custom
 * resource, its functions and security group, the SSM connection contract on AWS; the contract secrets and outputs and
 * the Secret Manager agent's key grant on Google Cloud). Those resources are taken out of our output before comparing,
 * so the comparison holds for everything else; bench/results.md says the plain apps lack them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App as CdkApp } from 'aws-cdk-lib';
import cdkJson from '../../cdk.json';
import cdktfJson from '../../cdktf.json';
import { App as CdktfApp } from 'cdktf';
import { writeFleet } from '../../bench/fleet';
import { cdkStacks, cdktfStacks, StackSummary } from '../../bench/outputs';
import { addPlainAwsEnvironments } from '../../bench/plain/aws-plain';
import { addPlainGcpEnvironments } from '../../bench/plain/gcp-plain';
import { readRawEnvironments } from '../../bench/plain/raw-environments';
import { addAwsEnvironments } from '../../lib/aws/aws-app';
import { listEnvironments, loadEnvironments } from '../../lib/environments/load-environments';
import { addGcpEnvironment } from '../../lib/gcp/gcp-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { planEnvironments } from '../../lib/environments/plan-environments';

/** cdk.json's context without its template validation: it finds nothing to count and is most of the synth time. */
const CDK_CONTEXT = { ...cdkJson.context, '@aws-cdk/core:validateAgainstDefaultRules': false };
const CDKTF_CONTEXT = cdktfJson.context;

/** 24 databases: eight per environment, enough for every kind of the mix (bench/fleet.ts MIX) in each. */
const N = 24;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plain-'));
const fleetDir = path.join(root, 'fleet');
const fleet = writeFleet(fleetDir, N);
// aws-cdk-lib's template validation prints its warnings (hard-coded zones, the same in both apps) to stderr.
beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterAll(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Our resources that the plain apps do not declare (database access): on AWS by logical id (the stacks' `Access`
 * construct, and the database security group's rule admitting its group; apps built here carry no path metadata),
 * on Google Cloud by construct path.
 */
const DATABASE_ACCESS_LOGICAL_ID = /^Access|AccessSecurityGroup/;
const DATABASE_ACCESS_PATH = /\/(Access|Contract)\/|\/SecretManagerServiceAgent$/;

/** Rewrites each template or Terraform stack under `outdir` without the database-access resources (same indentation). */
function withoutDatabaseAccess(outdir: string): void {
  const rewrite = (file: string, strip: (json: any) => void) => {
    const text = fs.readFileSync(file, 'utf8');
    const json = JSON.parse(text);
    strip(json);
    const indent = /\n( +)"/.exec(text)?.[1].length ?? 1;
    fs.writeFileSync(file, JSON.stringify(json, undefined, indent));
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.template.json'))
        rewrite(file, (template) => {
          for (const id of Object.keys(template.Resources ?? {})) {
            if (DATABASE_ACCESS_LOGICAL_ID.test(id)) delete template.Resources[id];
          }
        });
      else if (entry.name === 'cdk.tf.json')
        rewrite(file, (stack) => {
          for (const [type, byName] of Object.entries<Record<string, any>>(stack.resource ?? {})) {
            for (const [name, resource] of Object.entries(byName)) if (DATABASE_ACCESS_PATH.test(resource['//']?.metadata?.path ?? '')) delete byName[name];
            if (Object.keys(byName).length === 0) delete stack.resource[type];
          }
          for (const name of Object.keys(stack.output ?? {})) if (name.startsWith('contract-')) delete stack.output[name];
        });
    }
  };
  walk(outdir);
}

/** Stack name without CDK's hash suffix. */
const stackName = (stack: StackSummary) => stack.name.replace(/[0-9A-F]{8}$/, '');
/** Stack name → resource count per type. */
const byStack = (stacks: readonly StackSummary[]) => Object.fromEntries(stacks.map((stack) => [stackName(stack), stack.resources]));
/** How far a plain template's size may be from ours. */
const MAX_BYTES_DEVIATION = 0.03;
/** Stacks whose plain template is more than MAX_BYTES_DEVIATION larger or smaller than ours, with both sizes. */
function bytesDiffering(ours: readonly StackSummary[], plain: readonly StackSummary[]): string[] {
  const plainBytes = new Map(plain.map((stack) => [stackName(stack), stack.bytes]));
  return ours.flatMap((stack) => {
    const bytes = plainBytes.get(stackName(stack))!;
    const deviation = (bytes - stack.bytes) / stack.bytes;
    return Math.abs(deviation) > MAX_BYTES_DEVIATION
      ? [`${stackName(stack)}: ours ${stack.bytes} bytes, plain ${bytes} (${(deviation * 100).toFixed(1)}%)`]
      : [];
  });
}

/** `<stack> <type> <description>` → parameters, for every RDS parameter group of every template under `outdir`. */
function parameterGroups(outdir: string): Record<string, unknown> {
  const groups: Record<string, unknown> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.template.json')) {
        const stack = entry.name.replace(/[0-9A-F]{8}\.template\.json$|\.template\.json$/, '');
        for (const resource of Object.values<any>(JSON.parse(fs.readFileSync(path.join(dir, entry.name), 'utf8')).Resources ?? {})) {
          if (/^AWS::RDS::DB(Cluster)?ParameterGroup$/.test(resource.Type))
            groups[`${stack} ${resource.Type} ${resource.Properties.Description}`] = resource.Properties.Parameters;
        }
      }
    }
  };
  walk(outdir);
  return groups;
}

describe('the plain apps declare what ours declare', () => {
  test('GIVEN the fleet THEN it has every kind of the mix in every environment', () => {
    const kinds = (env: string) => new Set(fleet.filter((db) => db.environment === env).map((db) => db.kind));
    for (const env of ['dev', 'staging', 'prod']) {
      expect([...kinds(env)].sort()).toEqual([
        'aurora-cluster',
        'cloudsql-mysql',
        'cloudsql-postgres',
        'dynamodb-table',
        'elasticache-cluster',
        'memorystore-instance',
        'rds-mysql',
        'rds-postgres',
      ]);
    }
  });

  test('AWS: same stacks, same resource count per type in each, template bytes within ±3% of ours', () => {
    const environments = planEnvironments(listEnvironments(fleetDir), { configDir: fleetDir });
    const ours = new CdkApp({ outdir: path.join(root, 'aws-ours'), context: CDK_CONTEXT });
    addAwsEnvironments(ours, environments);
    ours.synth();
    const plain = new CdkApp({ outdir: path.join(root, 'aws-plain'), context: CDK_CONTEXT });
    addPlainAwsEnvironments(plain, readRawEnvironments(fleetDir));
    plain.synth();

    withoutDatabaseAccess(path.join(root, 'aws-ours'));
    const oursStacks = cdkStacks(path.join(root, 'aws-ours'));
    const plainStacks = cdkStacks(path.join(root, 'aws-plain'));
    expect(oursStacks.length).toBeGreaterThan(20);
    expect(byStack(plainStacks)).toEqual(byStack(oursStacks));
    // The prod cache is a Global Datastore: its secondary has a stack of its own in eu-central-1 (in both apps).
    expect(Object.keys(byStack(oursStacks)).filter((name) => /^assembly-prod\/prodelasticache.*eucentral1$/.test(name))).toHaveLength(1);

    expect(bytesDiffering(oursStacks, plainStacks)).toEqual([]);
    // Byte sizes would not notice a parameter declared in the other group (Aurora: cluster vs instance level).
    expect(parameterGroups(path.join(root, 'aws-plain'))).toEqual(parameterGroups(path.join(root, 'aws-ours')));
  });

  test('Google Cloud: same stacks, same resource count per type in each, stack bytes within ±3% of ours', () => {
    const environments = loadEnvironments(listEnvironments(fleetDir), fleetDir);
    const ours = new CdktfApp({ outdir: path.join(root, 'gcp-ours'), context: CDKTF_CONTEXT });
    for (const env of environments) addGcpEnvironment(ours, buildPlan(env));
    ours.synth();
    const plain = new CdktfApp({ outdir: path.join(root, 'gcp-plain'), context: CDKTF_CONTEXT });
    addPlainGcpEnvironments(plain, readRawEnvironments(fleetDir));
    plain.synth();

    withoutDatabaseAccess(path.join(root, 'gcp-ours'));
    const oursStacks = cdktfStacks(path.join(root, 'gcp-ours'));
    const plainStacks = cdktfStacks(path.join(root, 'gcp-plain'));
    expect(oursStacks.length).toBe(3 + 3 * 3);
    expect(byStack(plainStacks)).toEqual(byStack(oursStacks));
    expect(bytesDiffering(oursStacks, plainStacks)).toEqual([]);
  });
});
