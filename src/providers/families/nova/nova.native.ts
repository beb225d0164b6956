import type {
  ContentBlock,
  ConverseStreamOutput,
  StopReason,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { chunkObject, invocationMetrics, tokenUsage } from '../../native/converse-events';
import type { NativeChatCodec, NativeCounts } from '../../native/native-chat.codec';
import { asRecord, num } from '../../native/text-codec';
import { buildNovaBody } from './nova.native-request';

type Json = Record<string, unknown>;

/** Nova's usage names cache counts `cache…InputTokenCount`; Converse says `cache…InputTokens`. */
function usage(u: Json, counts: NativeCounts): TokenUsage {
  const read = num(u.cacheReadInputTokenCount) ?? num(u.cacheReadInputTokens);
  const write = num(u.cacheWriteInputTokenCount) ?? num(u.cacheWriteInputTokens);
  const extra: Partial<TokenUsage> = {};
  if (read !== undefined) extra.cacheReadInputTokens = read;
  if (write !== undefined) extra.cacheWriteInputTokens = write;
  return tokenUsage(
    num(u.inputTokens) ?? counts.inputTokens ?? 0,
    num(u.outputTokens) ?? counts.outputTokens ?? 0,
    extra,
  );
}

function parseResponse(body: unknown, counts: NativeCounts) {
  const b = asRecord(body);
  const message = asRecord(asRecord(b.output).message);
  const content = (Array.isArray(message.content) ? message.content : []) as ContentBlock[];
  return {
    content: content.length > 0 ? content : [{ text: '' }],
    stopReason: (b.stopReason as StopReason | undefined) ?? 'end_turn',
    usage: usage(asRecord(b.usage), counts),
  };
}

/**
 * Nova streams ConverseStream's own events as chunks, so they pass through; `metadata` gets Converse's
 * required metrics (Bedrock's invocation latency) and closes the stream.
 */
function streamDecoder() {
  let stopped = false;
  let done = false;
  return {
    decode(chunk: unknown): ConverseStreamOutput[] {
      const out: ConverseStreamOutput[] = [];
      if (done) return out;
      const c = chunkObject(chunk);
      if (c.messageStart) out.push({ messageStart: { role: 'assistant' } });
      if (c.contentBlockStart) out.push({ contentBlockStart: c.contentBlockStart as never });
      if (c.contentBlockDelta) out.push({ contentBlockDelta: c.contentBlockDelta as never });
      if (c.contentBlockStop) out.push({ contentBlockStop: c.contentBlockStop as never });
      if (c.messageStop) {
        stopped = true;
        out.push({ messageStop: { stopReason: asRecord(c.messageStop).stopReason as StopReason } });
      }
      const metrics = invocationMetrics(c);
      if (c.metadata || metrics) {
        if (!stopped) out.push({ messageStop: { stopReason: 'end_turn' } });
        const u = asRecord(asRecord(c.metadata).usage);
        const counts = { inputTokens: metrics?.inputTokenCount, outputTokens: metrics?.outputTokenCount };
        out.push({
          metadata: { usage: usage(u, counts), metrics: { latencyMs: metrics?.invocationLatency ?? 0 } },
        });
        done = true;
      }
      return out;
    },
  };
}

export const novaCodec: NativeChatCodec = {
  api: 'nova-messages-v1',
  buildBody: buildNovaBody,
  parseResponse,
  streamDecoder,
};

/** Nova's understanding models (Micro, Lite, Pro, Premier, Nova 2); not its embeddings, speech or media models. */
export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  if (model.profile.kind !== 'chat' || /nova-(sonic|canvas|reel)|embed/.test(model.baseModelId))
    return undefined;
  return novaCodec;
}
