/** Tests are TypeScript compiled by swc (types are checked separately by `npm run typecheck`). */
module.exports = {
  // Jest's node environment with the built-ins bound lexically (test/helpers/environment.cjs): faster.
  testEnvironment: '<rootDir>/test/helpers/environment.cjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/test/helpers/global-setup.cjs',
  // Slowest files first, from jest's timing cache or, in a clean clone (CI), the last measured times.
  testSequencer: '<rootDir>/test/helpers/sequencer.cjs',
  reporters: [['default', { summaryThreshold: 0 }], '<rootDir>/test/helpers/summary-reporter.cjs'],
  testTimeout: 60000,
  // Two cores on CI and on the team's machine: one worker per core (jest's default leaves one idle).
  maxWorkers: 2,
};
