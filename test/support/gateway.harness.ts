import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import OpenAI from 'openai';
import { startEmulator } from '../../emulator/src';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/src';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config.validate';
import { createLogger } from '../../src/common/logging/logger.factory';
import { takeViolations, watchResponses } from './response-conformance';

export const TEST_KEY = 'sk-test-gateway-key';

export interface TestGateway {
  emulator: RunningEmulator;
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The official OpenAI client, pointed at the gateway's /v1 (no retries: tests see each response). */
  openai: OpenAI;
  clientFor(basePath: string, apiKey?: string): OpenAI;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Runs after the emulator starts and before the gateway boots (faults the boot should meet, …). */
  beforeGateway?: (emulator: RunningEmulator) => void;
  /** Receives the gateway's logs (default: errors only, as JSON lines). */
  logger?: LoggerService;
}

/**
 * Starts a Bedrock emulator and the gateway on it, connected only through the AWS SDK's standard settings
 * (endpoint URL variables and static credentials in the environment), as a deployment would be. `AWS_*`
 * entries of `env` override those settings (the SDK reads them from the process environment).
 */
export async function startTestGateway(
  env: Record<string, string> = {},
  emulatorOptions: EmulatorOptions = {},
  options: HarnessOptions = {},
): Promise<TestGateway> {
  const emulator = await startEmulator({ port: 0, ...emulatorOptions });
  const awsEnv = {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
    AWS_ENDPOINT_URL_BEDROCK: emulator.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: emulator.url,
    AWS_ENDPOINT_URL_SSM: emulator.url,
    AWS_ACCESS_KEY_ID: 'AKIAEMULATOR00000000',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    AWS_REGION: 'us-east-1',
    ...Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('AWS_'))),
  };
  Object.assign(process.env, awsEnv);
  options.beforeGateway?.(emulator);
  // The e2e suite runs once per Bedrock transport (jest.config.js); a test's own env still wins.
  const transport = process.env.BEDROCK_TRANSPORT ? { BEDROCK_TRANSPORT: process.env.BEDROCK_TRANSPORT } : {};
  // METRICS_PORT=0 unless a test asks for metrics: parallel gateways cannot share the default port.
  const config = loadConfig({
    ...awsEnv,
    API_KEY: TEST_KEY,
    LOG_LEVEL: 'error',
    METRICS_PORT: '0',
    ...transport,
    ...env,
  });
  const app = await createApp(
    config,
    options.logger ?? createLogger(env.LOG_LEVEL === 'debug' ? 'debug' : 'error', true),
  );
  watchResponses(app.getHttpServer());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const clientFor = (basePath: string, apiKey = TEST_KEY) =>
    new OpenAI({ apiKey, baseURL: `${url}${basePath}`, maxRetries: 0 });
  return {
    emulator,
    app,
    url,
    openai: clientFor('/v1'),
    clientFor,
    close: async () => {
      // Test clients keep pooled (sometimes never-used) sockets open; a real shutdown waits for them, a test need not.
      app.getHttpServer().closeAllConnections();
      await app.close();
      await emulator.close();
    },
  };
}

// Every response a test gateway sent during a test must conform to OpenAI's published schemas
// (test/support/response-conformance.ts); the test that caused a violation fails with it.
afterEach(() => {
  const found = takeViolations();
  if (found.length > 0) {
    throw new Error(
      `Responses that do not conform to OpenAI's schemas:\n  ${found.slice(0, 10).join('\n  ')}`,
    );
  }
});
