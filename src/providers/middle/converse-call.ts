import type { ConverseRequest, ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockClient } from '../../bedrock/bedrock-client';
import type { UpstreamCall } from '../../bedrock/upstream-call';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { ApiError } from '../../common/errors/api-error';
import { replayAsStream } from '../converse/replay-converse';
import type { PreparedConverse } from '../family-adapter';
import type { BedrockCall, RawAnswer } from './bedrock-call';

async function converse(
  bedrock: BedrockClient,
  input: ConverseRequest,
  call: UpstreamCall,
): Promise<ConverseResponse> {
  const out = await bedrock.converse(input, call.signal);
  // A response cut off after its headers reaches the SDK's HTTP/2 handler as an empty success.
  if (!out.output?.message || !out.stopReason) {
    throw new ApiError(502, 'Bedrock returned an incomplete response.', { code: 'upstream_incomplete' });
  }
  return out;
}

/**
 * The Converse back-end: the family adapter's Converse request, sent as Converse or ConverseStream. A
 * streamed request with tools for a model that cannot stream tool use (Llama, Mistral, …) is made without
 * streaming and replayed as stream events, so the client still streams.
 */
export function converseCall(
  prepared: PreparedConverse,
  model: ResolvedModel,
  bedrock: BedrockClient,
): BedrockCall {
  const input = prepared.input;
  return {
    structured: prepared.structured,
    async complete(call): Promise<RawAnswer> {
      const out = await converse(bedrock, input, call);
      const answer: RawAnswer = {
        content: out.output!.message!.content ?? [],
        stopReason: out.stopReason!,
        usage: out.usage ?? { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      };
      if (out.metrics?.latencyMs !== undefined) answer.latencyMs = out.metrics.latencyMs;
      return answer;
    },
    async stream(call) {
      const replay = input.toolConfig !== undefined && !model.profile.chat.streamingToolUse;
      return replay
        ? replayAsStream(await converse(bedrock, input, call))
        : bedrock.converseStream(input, call.signal);
    },
  };
}
