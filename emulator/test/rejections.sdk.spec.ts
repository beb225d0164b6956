import {
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient,
  type ConverseCommandInput,
  type CountTokensCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '../src';
import { REJECTIONS, type RejectionCase } from './rejections.cases';
import { caught, collect, runtimeClient } from './support/sdk';

/** The SDK takes blobs as bytes: turn the wire JSON's base64 `source.bytes` back into Uint8Array. */
function sdkShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sdkShape);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const isBlob = key === 'bytes' && typeof v === 'string';
    out[key] = isBlob ? new Uint8Array(Buffer.from(v, 'base64')) : sdkShape(v);
  }
  return out;
}

async function send(client: BedrockRuntimeClient, c: RejectionCase): Promise<unknown> {
  const { modelId } = c;
  const nativeBody = new Uint8Array(Buffer.from(JSON.stringify(c.body)));
  const contentType = c.contentType ?? 'application/json';
  switch (c.operation) {
    case 'Converse':
      return client.send(
        new ConverseCommand({ modelId, ...(sdkShape(c.body) as Omit<ConverseCommandInput, 'modelId'>) }),
      );
    case 'ConverseStream': {
      const out = await client.send(
        new ConverseStreamCommand({
          modelId,
          ...(sdkShape(c.body) as Omit<ConverseCommandInput, 'modelId'>),
        }),
      );
      return collect(out.stream);
    }
    case 'CountTokens':
      return client.send(
        new CountTokensCommand({
          modelId,
          ...(sdkShape(c.body) as Omit<CountTokensCommandInput, 'modelId'>),
        }),
      );
    case 'InvokeModel':
      return client.send(new InvokeModelCommand({ modelId, body: nativeBody, contentType }));
    case 'InvokeModelWithResponseStream': {
      const out = await client.send(
        new InvokeModelWithResponseStreamCommand({ modelId, body: nativeBody, contentType }),
      );
      return collect(out.body);
    }
  }
}

describe('Bedrock rejections through the real AWS SDK', () => {
  let emulator: RunningEmulator;
  const clients = new Map<string, BedrockRuntimeClient>();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    for (const client of clients.values()) client.destroy();
    await emulator.close();
  });

  function clientFor(region: string): BedrockRuntimeClient {
    let client = clients.get(region);
    if (!client) {
      client = runtimeClient(emulator, { region, maxAttempts: 1 });
      clients.set(region, client);
    }
    return client;
  }

  it.each(REJECTIONS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const error = await caught(() => send(clientFor(c.region ?? 'us-east-1'), c));
    expect({
      name: error.name,
      status: (error.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode,
      message: error.message,
    }).toEqual({ name: c.exception, status: c.status, message: c.message });
  });
});
