import { getMetadataStorage } from 'class-validator';
import { EnvironmentVariables } from '../src/config/env.schema';

/**
 * Every environment variable the gateway reads: the properties of its validated schema
 * (src/config/env.schema.ts), the one source the deployment checks compare against.
 */
export function gatewaySettingNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvironmentVariables, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}

/** Settings that hold API keys: never plain environment variables in a deployment (Secrets Manager instead). */
export const KEY_SETTINGS = ['API_KEY', 'API_KEYS', 'OPENAI_API_KEY'];
