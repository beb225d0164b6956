/** Jest: unit specs live beside the code, end-to-end specs in test/. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/support/jest.setup.ts'],
};

const e2e = { ...common, testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 30000 };

module.exports = {
  maxWorkers: 2,
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
    // The same end-to-end suite once per Bedrock transport: the default (lean) and the stock SDK client.
    { ...e2e, displayName: 'e2e' },
    {
      ...e2e,
      displayName: 'e2e-sdk',
      setupFiles: [...common.setupFiles, '<rootDir>/test/support/sdk-transport.setup.ts'],
    },
  ],
};
