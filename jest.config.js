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

const e2e = {
  ...common,
  testEnvironment: '<rootDir>/test/support/node-realm.environment.js',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
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
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    // The same end-to-end suite once per Bedrock transport: the default (lean) and the stock SDK client.
    { ...e2e, displayName: 'e2e' },
    {
      ...e2e,
      displayName: 'e2e-sdk',
      setupFiles: [...common.setupFiles, '<rootDir>/test/support/sdk-transport.setup.ts'],
    },
  ],
};
