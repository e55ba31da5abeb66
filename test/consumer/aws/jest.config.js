// The README's "Test your own environments" example runs here as a team would run it: jest with ts-jest.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { strict: true, esModuleInterop: true, types: ['node', 'jest'] } }] },
  testTimeout: 120000,
};
