import type { ContentBlock, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { randomUUID } from 'node:crypto';
import type { AnthropicJson, AnthropicUsage } from '../../inference/anthropic-native';
import type { InferenceResponse } from '../../inference/inference-response';

/** Converse stop reasons → Anthropic's (`guardrail_intervened` / `content_filtered` are Anthropic's `refusal`). */
const STOP_REASONS: Record<string, string> = {
  end_turn: 'end_turn',
  tool_use: 'tool_use',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  guardrail_intervened: 'refusal',
  content_filtered: 'refusal',
  model_context_window_exceeded: 'model_context_window_exceeded',
};

export const anthropicStopReason = (reason: string): string => STOP_REASONS[reason] ?? 'end_turn';

export const messageId = (): string => `msg_${randomUUID().replace(/-/g, '')}`;

/** Converse usage → Anthropic's: `input_tokens` excludes cache reads and writes in both. */
export function anthropicUsage(usage: TokenUsage | undefined): AnthropicUsage {
  return {
    input_tokens: usage?.inputTokens ?? 0,
    output_tokens: usage?.outputTokens ?? 0,
    cache_creation_input_tokens: usage?.cacheWriteInputTokens ?? 0,
    cache_read_input_tokens: usage?.cacheReadInputTokens ?? 0,
  };
}

function block(b: ContentBlock): AnthropicJson | undefined {
  if (b.text !== undefined) return { type: 'text', text: b.text };
  if (b.toolUse)
    return { type: 'tool_use', id: b.toolUse.toolUseId, name: b.toolUse.name, input: b.toolUse.input ?? {} };
  const reasoning = b.reasoningContent;
  if (reasoning?.reasoningText) {
    return {
      type: 'thinking',
      thinking: reasoning.reasoningText.text ?? '',
      signature: reasoning.reasoningText.signature ?? '',
    };
  }
  if (reasoning?.redactedContent) {
    return { type: 'redacted_thinking', data: Buffer.from(reasoning.redactedContent).toString('base64') };
  }
  return undefined;
}

/** The internal answer → Anthropic's message object, named as the client named the model. */
export function toAnthropicMessage(res: InferenceResponse, model: string): AnthropicJson {
  return {
    id: messageId(),
    type: 'message',
    role: 'assistant',
    model,
    content: res.content.map(block).filter((b): b is AnthropicJson => b !== undefined),
    stop_reason: anthropicStopReason(String(res.stopReason)),
    stop_sequence: null,
    usage: anthropicUsage(res.usage),
  };
}
