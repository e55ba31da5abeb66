/**
 * Settings for the unit set's in-process synthesis (jest.config.js loads this file for that set only).
 *
 * - `CDK_VALIDATION=false` skips aws-cdk-lib's built-in CloudFormation Validate engine (a WebAssembly rule engine
 *   started on every `app.synth()`): it took over half of the unit set's CPU, re-checking the same kinds of template
 *   in every suite. Our own validation plugins (cdk-nag's packs, the global-table checks) still run on every synth.
 *   The built-in engine still checks what users synthesize, through the real CLI, where the
 *   `@aws-cdk/core:validateAgainstDefaultRules` flag makes a finding fail: `npm run synth` in CI (every sample
 *   environment) and test/cli/compliance-gate.integration.test.ts (every engine row; a schema error fails synth).
 * - `CDK_DISABLE_STACK_TRACE=1` stops aws-cdk-lib from recording a stack trace with every annotation (the warnings
 *   and acknowledgements cdk-nag reads), as the CDK CLI does unless run with `--debug`: under jest each trace is also
 *   source-mapped, and no test reads them.
 * - the context `aws:cdk:disable-creation-stack-traces` (through `CDK_CONTEXT_JSON`, which every App reads) does the
 *   same for the stack trace each CloudFormation element records where it was created.
 * Processes a unit test starts inherit these; none is a CDK app (apps and CLIs run in the integration set).
 */
process.env.CDK_VALIDATION = 'false';
process.env.CDK_DISABLE_STACK_TRACE = '1';
process.env.CDK_CONTEXT_JSON = JSON.stringify({ 'aws:cdk:disable-creation-stack-traces': true });
