/**
 * Import boundaries, checked by `npm run lint` (dependency-cruiser). Each rule says why it exists. Layers, lowest
 * first: constructs/ (the published library; pure tables under tables/) → config/ and lib/config (resolve and check an
 * environment) → lib/plan and lib/kinds/<kind> plans → stacks and apps. test/lint/import-boundaries.integration.test.ts shows
 * the rules fail on a violation.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes load order matter and hides which module owns a concept. Type-only imports count too (tsPreCompilationDeps): ' +
        'move the shared type to the module that owns it, or to a small types file both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'constructs-are-the-library-layer',
      severity: 'error',
      comment:
        'constructs/ is published as databases-as-code/aws and /gcp and is used without our config: it may not import the ' +
        'config loader, the planner, the apps or the environment files. Move what both need into constructs/ (pure tables).',
      from: { path: '^constructs/' },
      to: { path: '^(lib|config|bin)/' },
    },
    {
      name: 'config-does-not-import-plan',
      severity: 'error',
      comment:
        'Config resolves and checks an environment; the plan builds on the resolved config. lib/config (and the pure helpers ' +
        'below both, lib/naming and lib/backup) import nothing from lib/plan, a kind plan or a stack: move the shared helper ' +
        'below both layers (lib/naming/, lib/backup/).',
      from: { path: '^lib/(config|naming|backup)/' },
      to: { path: ['^lib/plan/', '^lib/kinds/[^/]+/[^/]+-(plan|stack)\\.ts$', '^lib/(aws|gcp)/'] },
    },
    {
      name: 'tables-are-pure',
      severity: 'error',
      comment:
        'Files under a tables/ folder are pure data and functions shared by config validation, the plan and the constructs; ' +
        'loading CDK or CDKTF there would load it for config validation too. Keep construct code beside the tables, not in them.',
      from: { path: '/tables/' },
      to: { path: '(^|/)node_modules/(aws-cdk-lib|constructs|cdktf|@cdktf/)' },
    },
    {
      name: 'aws-constructs-load-no-cdktf',
      severity: 'error',
      comment:
        'databases-as-code/aws must load without cdktf or the Google provider installed (they are optional peers); ' +
        'test/package/public-api.integration.test.ts checks it at run time, this rule at every import.',
      from: { path: '^constructs/aws/' },
      to: { path: '(^|/)node_modules/(cdktf|@cdktf/)' },
    },
    {
      name: 'gcp-constructs-load-no-aws-cdk-lib',
      severity: 'error',
      comment:
        'databases-as-code/gcp must load without aws-cdk-lib installed (an optional peer); test/package/public-api.integration.test.ts ' +
        'checks it at run time, this rule at every import.',
      from: { path: '^constructs/gcp/' },
      to: { path: '(^|/)node_modules/aws-cdk-lib' },
    },
  ],
  options: {
    // Type-only imports are dependencies too: the issue names "the type-only loops in constructs/gcp".
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Not node_modules: the rules look at which packages are imported (doNotFollow keeps them out of the walk).
    exclude: { path: '^(dist|cdk\\.out|cdktf\\.out|pipeline\\.out|coverage)/' },
  },
};
