import type {
  ContentBlock,
  ConverseStreamOutput,
  StopReason,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime';
import {
  chunkObject,
  ConverseEventWriter,
  invocationMetrics,
  tokenUsage,
} from '../../native/converse-events';
import type { NativeCounts } from '../../native/native-chat.codec';
import { fromBase64 } from '../../native/native-request';
import { asRecord, num, str } from '../../native/text-codec';

type Json = Record<string, unknown>;

/** Anthropic's stop reasons → Converse's (refusals are filtered content; a paused turn simply ended). */
export function claudeStopReason(native: unknown): StopReason | string {
  switch (native) {
    case 'end_turn':
    case 'tool_use':
    case 'max_tokens':
    case 'stop_sequence':
    case 'model_context_window_exceeded':
      return native;
    case 'refusal':
      return 'content_filtered';
    default:
      return 'end_turn';
  }
}

/** Anthropic usage → Converse usage (cache creation is Converse's cache write). */
function usageOf(u: Json, counts: NativeCounts): TokenUsage {
  const extra: Partial<TokenUsage> = {};
  const read = num(u.cache_read_input_tokens);
  const write = num(u.cache_creation_input_tokens);
  if (read) extra.cacheReadInputTokens = read;
  if (write) extra.cacheWriteInputTokens = write;
  return tokenUsage(
    num(u.input_tokens) ?? counts.inputTokens ?? 0,
    num(u.output_tokens) ?? counts.outputTokens ?? 0,
    extra,
  );
}

function converseBlock(b: Json): ContentBlock | undefined {
  switch (b.type) {
    case 'text':
      return { text: str(b.text) };
    case 'tool_use':
      return { toolUse: { toolUseId: str(b.id), name: str(b.name), input: (b.input ?? {}) as never } };
    case 'thinking':
      return {
        reasoningContent: {
          reasoningText: { text: str(b.thinking), signature: str(b.signature) || undefined },
        },
      };
    case 'redacted_thinking':
      return { reasoningContent: { redactedContent: fromBase64(b.data) } };
    default:
      return undefined;
  }
}

export function parseClaudeResponse(body: unknown, counts: NativeCounts) {
  const b = asRecord(body);
  const content = (Array.isArray(b.content) ? (b.content as Json[]) : []).flatMap((x) => {
    const c = converseBlock(asRecord(x));
    return c ? [c] : [];
  });
  return {
    content: content.length > 0 ? content : [{ text: '' }],
    stopReason: claudeStopReason(b.stop_reason),
    usage: usageOf(asRecord(b.usage), counts),
  };
}

/**
 * Anthropic's stream events → ConverseStream events. Anthropic numbers its blocks like Converse, text and
 * thinking open without a start event (as ConverseStream does), tool calls with one; the usage of
 * `message_start` and `message_delta` (else Bedrock's metrics) closes the stream at `message_stop`.
 */
export function claudeStreamDecoder() {
  const writer = new ConverseEventWriter();
  let usage: Json = {};
  let stop: unknown;
  return {
    decode(chunk: unknown): ConverseStreamOutput[] {
      const out: ConverseStreamOutput[] = [];
      if (writer.done) return out;
      const c = chunkObject(chunk);
      const block = asRecord(c.content_block);
      const delta = asRecord(c.delta);
      switch (c.type) {
        case 'message_start':
          usage = { ...asRecord(asRecord(c.message).usage) };
          break;
        case 'content_block_start':
          if (block.type === 'tool_use') writer.toolStart(str(block.id), str(block.name), out);
          else if (block.type === 'redacted_thinking') writer.redacted(fromBase64(block.data), out);
          else if (block.type === 'text') writer.text(str(block.text), out);
          else if (block.type === 'thinking') writer.reasoning(str(block.thinking), out);
          break;
        case 'content_block_delta':
          if (delta.type === 'text_delta') writer.text(str(delta.text), out);
          else if (delta.type === 'thinking_delta') writer.reasoning(str(delta.thinking), out);
          else if (delta.type === 'signature_delta') writer.signature(str(delta.signature), out);
          else if (delta.type === 'input_json_delta') writer.toolInput(str(delta.partial_json), out);
          break;
        case 'content_block_stop':
          writer.close(out);
          break;
        case 'message_delta':
          stop = delta.stop_reason;
          Object.assign(usage, asRecord(c.usage));
          break;
      }
      const metrics = invocationMetrics(c);
      if (c.type === 'message_stop' || metrics) {
        const counts = { inputTokens: metrics?.inputTokenCount, outputTokens: metrics?.outputTokenCount };
        writer.finish(claudeStopReason(stop), usageOf(usage, counts), metrics, out);
      }
      return out;
    },
  };
}
