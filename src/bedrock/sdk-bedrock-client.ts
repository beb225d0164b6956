import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseRequest,
  ConverseResponse,
  ConverseStreamCommand,
  ConverseStreamOutput,
  ConverseStreamRequest,
  CountTokensCommand,
  CountTokensCommandInput,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ResponseStream,
} from '@aws-sdk/client-bedrock-runtime';
import {
  BedrockClient,
  CountTokensRequest,
  InvokeRequest,
  InvokeResponse,
  InvokeStreamChunk,
} from './bedrock-client';

const TOKEN_HEADERS = {
  input: 'x-amzn-bedrock-input-token-count',
  output: 'x-amzn-bedrock-output-token-count',
};

/**
 * The reference transport: the stock `@aws-sdk/client-bedrock-runtime` client. Endpoint, region and
 * credentials come from the SDK's standard configuration (`AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, the default
 * credentials chain), never from gateway code.
 */
export class SdkBedrockClient extends BedrockClient {
  constructor(
    private readonly client: BedrockRuntimeClient,
    onRetry?: (operation: string) => void,
  ) {
    super();
    if (onRetry) observeRetries(client, onRetry);
    // InvokeModel's token counts travel in headers the SDK does not model; keep them for usage accounting.
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const headers = (result.response as { headers?: Record<string, string> } | undefined)?.headers;
        const output = result.output as { $tokenCounts?: { input?: number; output?: number } } | undefined;
        if (!headers || !output || !(TOKEN_HEADERS.input in headers)) return result;
        const input = Number(headers[TOKEN_HEADERS.input]);
        const out = Number(headers[TOKEN_HEADERS.output]);
        output.$tokenCounts = {
          input: Number.isFinite(input) ? input : undefined,
          output: Number.isFinite(out) ? out : undefined,
        };
        return result;
      },
      // 'high' runs outside the deserializer, so the parsed output exists when this sees the result.
      { step: 'deserialize', name: 'bedrockTokenCountHeaders', priority: 'high' },
    );
  }

  async converse(input: ConverseRequest, signal: AbortSignal): Promise<ConverseResponse> {
    return this.client.send(new ConverseCommand(input), { abortSignal: signal });
  }

  async converseStream(
    input: ConverseStreamRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    const out = await this.client.send(new ConverseStreamCommand(input), { abortSignal: signal });
    if (!out.stream) throw new Error('Bedrock returned a ConverseStream response without a stream');
    return out.stream;
  }

  async invokeModel(input: InvokeRequest, signal: AbortSignal): Promise<InvokeResponse> {
    const out = await this.client.send(new InvokeModelCommand(invokeInput(input)), { abortSignal: signal });
    const counts = (out as { $tokenCounts?: { input?: number; output?: number } }).$tokenCounts;
    return {
      body: out.body,
      contentType: out.contentType ?? 'application/json',
      inputTokens: counts?.input,
      outputTokens: counts?.output,
    };
  }

  async invokeModelStream(
    input: InvokeRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<InvokeStreamChunk>> {
    const out = await this.client.send(new InvokeModelWithResponseStreamCommand(invokeInput(input)), {
      abortSignal: signal,
    });
    if (!out.body)
      throw new Error('Bedrock returned an InvokeModelWithResponseStream response without a stream');
    return chunksOf(out.body);
  }

  async countTokens(input: CountTokensRequest, signal: AbortSignal): Promise<number> {
    const union =
      'converse' in input.input
        ? { converse: input.input.converse }
        : {
            invokeModel: {
              body:
                typeof input.input.invokeModel.body === 'string'
                  ? Buffer.from(input.input.invokeModel.body)
                  : input.input.invokeModel.body,
            },
          };
    const out = await this.client.send(
      new CountTokensCommand({ modelId: input.modelId, input: union as CountTokensCommandInput['input'] }),
      { abortSignal: signal },
    );
    return out.inputTokens ?? 0;
  }

  destroy(): void {
    this.client.destroy();
  }
}

function invokeInput(input: InvokeRequest) {
  return {
    modelId: input.modelId,
    body: typeof input.body === 'string' ? Buffer.from(input.body) : input.body,
    contentType: input.contentType ?? 'application/json',
    accept: input.accept ?? 'application/json',
  };
}

/** The SDK's stream union carries exceptions as members too, but throws them; only `chunk` events remain. */
async function* chunksOf(stream: AsyncIterable<ResponseStream>): AsyncGenerator<InvokeStreamChunk> {
  for await (const event of stream) {
    if (event.chunk?.bytes) yield { chunk: { bytes: event.chunk.bytes } };
  }
}

/**
 * Tells `onRetry` of every attempt after the first. Runs inside the SDK's retry loop (the retry middleware is
 * in the same step at a higher priority), where the `amz-sdk-request` header it sets carries the attempt.
 */
function observeRetries(client: BedrockRuntimeClient, onRetry: (operation: string) => void): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      const header = (args.request as { headers?: Record<string, string> } | undefined)?.headers?.[
        'amz-sdk-request'
      ];
      if (header !== undefined && !header.startsWith('attempt=1;')) {
        onRetry(String(context.commandName ?? '').replace(/Command$/, ''));
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'gatewayRetryObserver', priority: 'low' },
  );
}
