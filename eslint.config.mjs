// eslint (flat config): typescript-eslint's `recommended` rules. `npm run lint` runs it with prettier (formatting, so
// no stylistic rules here) and the import boundaries (.dependency-cruiser.cjs). Not type-aware: tsc already type-checks
// in CI, and the type-aware rules would build the whole program again.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'cdk.out/', 'cdktf.out/', 'pipeline.out/', 'coverage/', 'bench/out/', '.gen/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading `_` marks a name left unused on purpose (a destructured field dropped from a rest copy, an ignored
      // argument), the convention tsc's noUnusedLocals/noUnusedParameters already accept.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // CommonJS files (jest and dependency-cruiser configs, the bench's RSS probe) run in Node and can only require.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // These load at run time what an import would load at start: config files by a path known only then, ts-node on
    // demand, and each cloud's libraries only when an environment uses that cloud (lib/testing) or a tool exists.
    files: [
      'lib/config/config-files.ts',
      'lib/config/typescript-configs.ts',
      'lib/testing/index.ts',
      'bench/plain/raw-environments.ts',
      'test/support/local-tools.ts',
    ],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and the ./testing entry read synthesized templates and Terraform JSON by path and feed deliberately
    // ill-typed configs to the validators; typing each document would be a cast at every step.
    files: ['test/**', 'lib/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // git refuses control characters in branch names (git-check-ref-format(1)); the regex matches them on purpose.
    files: ['config/schema/delivery.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
