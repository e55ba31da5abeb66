// The README's "Test your own environments" example runs here as a team would run it: jest with ts-jest.
module.exports = { preset: 'ts-jest', testEnvironment: 'node', roots: ['<rootDir>/test'], testTimeout: 120000 };
