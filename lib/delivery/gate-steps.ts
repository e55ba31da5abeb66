/**
 * The checks every change passes before any environment is deployed, one CodeBuild step each (a failing step stops
 * the pipeline). They run what CI runs (.ci/run), on the templates the synth step produced, so what is checked is what
 * is deployed.
 */
import { pipelines } from 'aws-cdk-lib';

/** README "Local extras": the cfn-lint our templates are linted with (its warnings list is tuned to this version). */
export const CFN_LINT_VERSION = '1.51.0';

export const NPM_CI = 'npm ci --no-audit --no-fund';

export interface GateDefinition {
  readonly id: string;
  readonly commands: readonly string[];
  /**
   * Needs the synthesized CloudFormation (cdk.out) and Terraform (cdktf.out) of every environment, and the pipeline
   * app's assembly (pipeline.out: the pipeline stack itself).
   */
  readonly needsTemplates: boolean;
}

export const GATES: readonly GateDefinition[] = [
  { id: 'TypeCheck', needsTemplates: false, commands: [NPM_CI, 'npm run typecheck'] },
  { id: 'Tests', needsTemplates: false, commands: [NPM_CI, 'npm test'] },
  // Against the baselines committed in guard/baseline: a change that replaces or destroys a database stops here.
  { id: 'ReplacementGuard', needsTemplates: true, commands: [NPM_CI, 'npm run guard'] },
  {
    id: 'TemplateLint',
    needsTemplates: true,
    commands: [`pip3 install --quiet cfn-lint==${CFN_LINT_VERSION}`, 'npm run lint:templates', 'CDK_OUTDIR_TO_LINT=pipeline.out npm run lint:templates'],
  },
  { id: 'ComplianceReport', needsTemplates: true, commands: [NPM_CI, 'npm run compliance:report', 'npm run compliance:report -- pipeline.out'] },
];

export interface SynthOutputs {
  readonly source: pipelines.IFileSetProducer;
  readonly cloudFormation: pipelines.FileSet;
  readonly terraform: pipelines.FileSet;
  readonly pipelineAssembly: pipelines.FileSet;
}

export function gateSteps(outputs: SynthOutputs): pipelines.CodeBuildStep[] {
  return GATES.map(
    (gate) =>
      new pipelines.CodeBuildStep(gate.id, {
        input: outputs.source,
        additionalInputs: gate.needsTemplates
          ? { 'cdk.out': outputs.cloudFormation, 'cdktf.out': outputs.terraform, 'pipeline.out': outputs.pipelineAssembly }
          : undefined,
        commands: [...gate.commands],
      }),
  );
}
