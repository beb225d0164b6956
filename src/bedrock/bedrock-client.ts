import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
  ConverseStreamRequest,
} from '@aws-sdk/client-bedrock-runtime';

/** InvokeModel with a model-native JSON body (embeddings, native chat bodies). */
export interface InvokeRequest {
  modelId: string;
  body: string | Uint8Array;
  contentType?: string;
  accept?: string;
}

/** One `chunk` event of InvokeModelWithResponseStream: a piece of the model-native stream, as the SDK gives it. */
export interface InvokeStreamChunk {
  chunk: { bytes: Uint8Array };
}

/** CountTokens: the prompt of a Converse request or of a native InvokeModel body (wire doc §5.1). */
export interface CountTokensRequest {
  modelId: string;
  input: { converse: Omit<ConverseRequest, 'modelId'> } | { invokeModel: { body: string | Uint8Array } };
}

export interface InvokeResponse {
  body: Uint8Array;
  contentType: string;
  /** From `x-amzn-bedrock-input-token-count` where Bedrock sends it (the only count some families give). */
  inputTokens?: number;
  outputTokens?: number;
}

/**
 * The gateway's one door to Bedrock's runtime. Implementations differ in transport (the stock AWS SDK client,
 * or a lean SigV4 + keep-alive client) but not in behaviour: same inputs, same outputs, and the same error
 * objects (`name` = Bedrock exception name, `$metadata.httpStatusCode`, `$fault`), which
 * `common/errors/to-api-error.ts` maps for the client.
 *
 * Every call takes an AbortSignal tied to the client's connection: a client that hangs up stops the call.
 */
export abstract class BedrockClient {
  abstract converse(input: ConverseRequest, signal: AbortSignal): Promise<ConverseResponse>;

  /**
   * Resolves once Bedrock has accepted the stream (errors before the first event reject here); the events
   * then arrive through the iterable, which throws on an in-stream exception.
   */
  abstract converseStream(
    input: ConverseStreamRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ConverseStreamOutput>>;

  abstract invokeModel(input: InvokeRequest, signal: AbortSignal): Promise<InvokeResponse>;

  /** InvokeModelWithResponseStream: resolves once Bedrock accepted the stream, like {@link converseStream}. */
  abstract invokeModelStream(
    input: InvokeRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<InvokeStreamChunk>>;

  /** CountTokens: the input tokens Bedrock would count for the prompt (no model call, no charge). */
  abstract countTokens(input: CountTokensRequest, signal: AbortSignal): Promise<number>;

  /** Releases sockets and sessions at shutdown. */
  abstract destroy(): void;
}
