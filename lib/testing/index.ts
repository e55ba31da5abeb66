/**
 * `databases-as-code/testing`: test your own environments in your own CI. Synthesize one environment from your config
 * folder exactly as `cdk synth` and `cdktf synth` do (validation, policies, compliance checks) and assert on the
 * templates or snapshot them. Each cloud's libraries are loaded only for an environment that has that cloud's section,
 * so an AWS-only project needs no cdktf and a Google-only one no aws-cdk-lib.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listEnvironments as listConfigFiles } from '../environments/load-environments';
import { planEnvironments } from '../environments/plan-environments';

export { snapshotSerializer } from './snapshot-serializer';

/** A CloudFormation template or a Terraform JSON document. */
export type SynthesizedDocument = Record<string, any>;

export interface SynthesizedEnvironment {
  readonly environment: string;
  /** CloudFormation templates by stack name (`prod-rds-orders`); empty without an `aws` section. */
  readonly awsTemplates: Readonly<Record<string, SynthesizedDocument>>;
  /** Terraform JSON by stack name (`prod-cloudsql-ledger`); empty without a `gcp` section. */
  readonly terraform: Readonly<Record<string, SynthesizedDocument>>;
}

export interface SynthesizeEnvironmentOptions {
  /** The folder of `<environment>.ts` files. @default 'config' (of the current directory) */
  readonly configDir?: string;
}

/** The environment names of a config folder (one per `<name>.ts`), to run a test per environment with `test.each`. */
export function listEnvironments(configDir = 'config'): string[] {
  return listConfigFiles(path.resolve(configDir));
}

/**
 * Synthesizes one environment of your config folder into a temporary folder and returns its documents. A config that
 * the apps would refuse throws the same error (ConfigError, with every problem), so a test can also assert a refusal.
 */
export function synthesizeEnvironment(environment: string, options: SynthesizeEnvironmentOptions = {}): SynthesizedEnvironment {
  const configDir = path.resolve(options.configDir ?? 'config');
  const [planned] = planEnvironments([environment], { configDir });
  const { plan } = planned;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `dbac-${environment}-`));
  try {
    // Required here, not imported above: each cloud's libraries load only when the environment uses that cloud.
    const awsTemplates = plan.aws ? (require('./aws-templates') as typeof import('./aws-templates')).awsTemplates(planned, path.join(outdir, 'cdk.out')) : {};
    const terraform = plan.gcp ? (require('./gcp-terraform') as typeof import('./gcp-terraform')).gcpTerraform(plan, path.join(outdir, 'cdktf.out')) : {};
    return { environment, awsTemplates, terraform };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
