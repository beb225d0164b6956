/**
 * `npm run start:local`: the gateway on the embedded Bedrock emulator, in one process, for trying the
 * gateway without an AWS account. The two are connected exactly as in production: the emulator's URL goes
 * into the AWS SDK's standard endpoint variables, with throwaway credentials.
 *
 * Settings: PORT (default 8000), HOST (default 127.0.0.1), API_KEY (default `sk-local`), EMULATOR_PORT
 * (default: any free port), and every gateway variable (see the README).
 */
import { startEmulator } from '../emulator/src';
import { createApp } from '../src/app.factory';
import { ConfigError, loadConfig } from '../src/config/config.validate';

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
    AWS_ENDPOINT_URL_BEDROCK: emulator.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: emulator.url,
    AWS_ENDPOINT_URL_SSM: emulator.url,
    AWS_ACCESS_KEY_ID: 'AKIALOCALEMULATOR000',
    AWS_SECRET_ACCESS_KEY: 'local-emulator-secret',
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    API_KEY: process.env.API_KEY ?? 'sk-local',
    HOST: process.env.HOST ?? '127.0.0.1',
    DEFAULT_MODEL: process.env.DEFAULT_MODEL ?? 'anthropic.claude-3-haiku-20240307-v1:0',
    DEFAULT_EMBEDDING_MODEL: process.env.DEFAULT_EMBEDDING_MODEL ?? 'amazon.titan-embed-text-v2:0',
  };
  // The AWS SDK reads its endpoint and credential variables from the process environment.
  Object.assign(process.env, env);
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`bedrock-gateway: ${err.message}\n`);
      await emulator.close();
      process.exit(78);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const key = env.API_KEY;
  process.stdout.write(
    [
      '',
      'bedrock-gateway is running on the embedded Bedrock emulator (no AWS account needed).',
      `  OpenAI base URL : ${base}/v1   (also ${base}/api/v1)`,
      `  API key         : ${key}`,
      `  Emulator        : ${emulator.url}`,
      '',
      'Try it:',
      `  curl ${base}/v1/chat/completions -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" \\`,
      `    -d '{"model":"anthropic.claude-3-haiku-20240307-v1:0","messages":[{"role":"user","content":"Hello!"}]}'`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await app.close();
    await emulator.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
