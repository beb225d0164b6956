import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config.validate';

async function main(): Promise<void> {
  // A local .env file is read when present (Node's own loader); real deployments use the environment.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`bedrock-gateway: ${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  new Logger('Gateway').log(
    `listening on http://${config.host}:${config.port} (OpenAI base paths: ${config.routePrefixes.join(', ')})`,
  );
}

void main();
