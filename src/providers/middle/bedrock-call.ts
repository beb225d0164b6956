import type { ContentBlock, ConverseStreamOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { UpstreamCall } from '../../bedrock/upstream-call';
import type { StructuredOutputPlan } from '../converse/structured-output/structured-output.plan';

/** One answer as a back-end gives it, before the middle's own steps (structured output, one tool call). */
export interface RawAnswer {
  content: ContentBlock[];
  stopReason: string;
  usage: TokenUsage;
  latencyMs?: number;
}

/**
 * A request prepared for one back-end (Converse, or the family's native InvokeModel API): how to call it
 * once, either way, and how structured output was arranged.
 */
export interface BedrockCall {
  structured?: StructuredOutputPlan;
  complete(call: UpstreamCall): Promise<RawAnswer>;
  /** Resolves once Bedrock accepted the stream. */
  stream(call: UpstreamCall): Promise<AsyncIterable<ConverseStreamOutput>>;
}
