/** Jest: unit specs live beside the code, end-to-end specs in test/. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/jest.setup.ts'],
  // Jest 30 soft-deletes test-file globals and warns when a library touches them afterwards; nothing leaks here.
  testEnvironmentOptions: { globalsCleanup: 'off' },
};

module.exports = {
  maxWorkers: 2,
  // E2E specs start an emulator and a gateway per file; a generous ceiling for a loaded 2-core machine.
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/emulator/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: '<rootDir>/test/support/node-realm.environment.js',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
