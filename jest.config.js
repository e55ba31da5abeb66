/** Tests are transpiled only (isolatedModules in tsconfig.json); `npm run typecheck` checks the types once. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Expected CDK validation warnings stay out of the output; anything else still prints (see the file).
  setupFiles: ['<rootDir>/test/support/quiet-expected-warnings.ts'],
  snapshotSerializers: ['<rootDir>/lib/testing/snapshot-serializer.ts'],
  // Synthesizing whole environments is CPU-bound; two workers match the 2-core CI machine.
  maxWorkers: 2,
  testTimeout: 120000,
};
