import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { RunningEmulator } from '../../src';

/** Dummy credentials: the emulator checks their shape, never their secret. */
export const CREDENTIALS = { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'not-a-real-secret' };
export const REGION = 'us-east-1';

/** A catalog model that is on-demand and supports everything the protocol tests need. */
export const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

type Extra<T> = Partial<T>;

/** Anything with the emulator's base URL (a RunningEmulator, or a CLI-started one). */
type Target = Pick<RunningEmulator, 'url'>;

function base(emulator: Target): {
  region: string;
  endpoint: string;
  credentials: typeof CREDENTIALS;
} {
  return { region: REGION, endpoint: emulator.url, credentials: CREDENTIALS };
}

/** Default handler: HTTP/2 (NodeHttp2Handler) since SDK 3.798. */
export function runtimeClient(
  emulator: Target,
  extra: Extra<ConstructorParameters<typeof BedrockRuntimeClient>[0]> = {},
): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ ...base(emulator), ...extra });
}

export function controlClient(
  emulator: Target,
  extra: Extra<ConstructorParameters<typeof BedrockClient>[0]> = {},
): BedrockClient {
  return new BedrockClient({ ...base(emulator), ...extra });
}

export function secretsClient(emulator: Target): SecretsManagerClient {
  return new SecretsManagerClient(base(emulator));
}

export function ssmClient(emulator: Target): SSMClient {
  return new SSMClient(base(emulator));
}

export function converseInput(text = 'Hello there', modelId = MODEL): ConverseCommandInput {
  return { modelId, messages: [{ role: 'user', content: [{ text }] }], inferenceConfig: { maxTokens: 200 } };
}

/** Collects every event of a ConverseStream/IMWRS response; rethrows what the SDK throws mid-stream. */
export async function collect<T>(stream: AsyncIterable<T> | undefined): Promise<T[]> {
  const events: T[] = [];
  for await (const event of stream ?? []) events.push(event);
  return events;
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** A SigV4-shaped Authorization header for raw HTTP calls (the emulator never verifies the signature). */
export function sigv4Headers(service = 'bedrock'): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEMULATORTEST/20261122/${REGION}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    'x-amz-date': '20261122T000000Z',
  };
}
