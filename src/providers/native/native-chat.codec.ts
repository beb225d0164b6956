import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import type { InferenceRequest } from '../../inference/inference-request';
import type { InferenceResponse } from '../../inference/inference-response';

/** Bedrock's token counts for an InvokeModel call (`x-amzn-bedrock-input-token-count` and friends). */
export interface NativeCounts {
  inputTokens?: number;
  outputTokens?: number;
}

/** Turns one stream's native chunks (in order) into ConverseStream events. */
export interface NativeStreamDecoder {
  /**
   * One InvokeModelWithResponseStream chunk: the JSON object inside `chunk.bytes`, or those bytes themselves.
   * The chunk that ends the stream (Bedrock appends its `amazon-bedrock-invocationMetrics` to it) yields
   * `messageStop` and `metadata`.
   */
  decode(chunk: unknown): ConverseStreamOutput[];
}

/**
 * One family's native InvokeModel API (docs/bedrock-native-apis.md): how the internal request becomes the
 * family's JSON body, and how its answer and stream chunks become Converse shapes again. Codecs are pure (no
 * I/O) so the back-end that calls Bedrock stays the same for every family.
 */
export interface NativeChatCodec {
  readonly api: NativeChatApi;
  /** Throws a 400 ApiError naming what this native API cannot express. */
  buildBody(req: InferenceRequest, model: ResolvedModel): Record<string, unknown>;
  parseResponse(body: unknown, counts: NativeCounts): Omit<InferenceResponse, 'modelId'>;
  /** A fresh decoder per stream (decoders keep state across chunk boundaries). */
  streamDecoder(): NativeStreamDecoder;
}

export type NativeChatApi =
  | 'claude-messages'
  | 'llama3-prompt'
  | 'mistral-prompt'
  | 'mistral-chat'
  | 'titan-text'
  | 'cohere-command-r'
  | 'deepseek-r1-prompt'
  | 'nova-messages-v1';
