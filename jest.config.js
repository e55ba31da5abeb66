/**
 * Tests are transpiled only (isolatedModules in tsconfig.json); `npm run typecheck` checks the types once.
 *
 * Three sets, by what a test needs besides this process:
 * - unit (`npm test`): config, plans, constructs, stacks and snapshots, in-process; quick tools read for their data
 *   (cfn-lint's data files, `postgres --describe-config`) are fine;
 * - integration (`npm run test:integration`, files named `*.integration.test.ts`): tests that start servers
 *   (PostgreSQL, MariaDB, moto), run our apps and CLIs as the user does (cdk, cdktf, guard, dbctl, jest), or build
 *   the package, the benchmark's apps or the whole fleet;
 * - corpus (`npm run test:guard-corpus`, `*.corpus.ts`): the replacement guard's change corpus.
 * `npx jest <path>` runs any of them by path.
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Expected CDK validation warnings stay out of the output; anything else still prints (see the file).
  setupFiles: ['<rootDir>/test/support/quiet-expected-warnings.ts'],
  snapshotSerializers: ['<rootDir>/lib/testing/snapshot-serializer.ts'],
};

const PROJECTS = [
  {
    ...shared,
    displayName: 'unit',
    testMatch: ['**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.test\\.ts$'],
    // In-process synthesis without aws-cdk-lib's built-in template engine; `npm run synth` runs it (see the file).
    setupFiles: [...shared.setupFiles, '<rootDir>/test/support/unit-synthesis-settings.ts'],
  },
  { ...shared, displayName: 'integration', testMatch: ['**/*.integration.test.ts'] },
  { ...shared, displayName: 'corpus', testMatch: ['**/*.corpus.ts'] },
];

// The npm scripts pick a set with TEST_SET (jest's --selectProjects would swallow the paths and patterns that
// `npm test -- <path>` appends); without it every set runs, so `npx jest <path>` finds any file.
const selected = process.env.TEST_SET;
if (selected !== undefined && !PROJECTS.some((project) => project.displayName === selected)) {
  throw new Error(`TEST_SET=${selected} is not a test set; use one of ${PROJECTS.map((project) => project.displayName).join(', ')}, or leave it unset for all`);
}

module.exports = {
  // One temporary directory per run, removed at its end (see the files).
  globalSetup: '<rootDir>/test/support/run/temp-root-setup.js',
  globalTeardown: '<rootDir>/test/support/run/temp-root-teardown.js',
  projects: selected === undefined ? PROJECTS : PROJECTS.filter((project) => project.displayName === selected),
  // Synthesizing whole environments is CPU-bound; two workers match the 2-core CI machine.
  maxWorkers: 2,
  // A worker ends 0.5 s after its last test file (measured: its 'exit' event fires within 15 ms, the process with its
  // 1.0–1.4 GB of loaded aws-cdk-lib copies is gone 495–562 ms later), which jest's default 500 ms took for a leak
  // ("a worker process has failed to exit gracefully"). A real leak still shows, 3 s later.
  workerGracefulExitTimeout: 3000,
  testTimeout: 120000,
};
