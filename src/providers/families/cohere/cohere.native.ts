import type { ContentBlock, ConverseStreamOutput, StopReason } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import {
  chunkObject,
  ConverseEventWriter,
  invocationMetrics,
  tokenUsage,
} from '../../native/converse-events';
import type { NativeChatCodec, NativeCounts } from '../../native/native-chat.codec';
import { asRecord, str } from '../../native/text-codec';
import { buildCohereBody } from './cohere.native-request';

type Json = Record<string, unknown>;

const REASONS: Record<string, StopReason> = {
  COMPLETE: 'end_turn',
  MAX_TOKENS: 'max_tokens',
  STOP_SEQUENCE: 'stop_sequence',
  ERROR_TOXIC: 'content_filtered',
  ERROR_LIMIT: 'model_context_window_exceeded',
};

function stopReason(native: unknown, calledTools: boolean): StopReason {
  const reason = REASONS[String(native)] ?? 'end_turn';
  return reason === 'end_turn' && calledTools ? 'tool_use' : reason;
}

/** Cohere's calls have no ids; Converse needs one per call, stable for one generation. */
function callId(generationId: string, i: number): string {
  const stem = generationId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 20) || 'cohere';
  return `tooluse_${stem}_${i}`;
}

function toolCalls(value: unknown): { name: string; parameters: unknown }[] {
  return (Array.isArray(value) ? (value as Json[]) : []).map((c) => ({
    name: str(c.name),
    parameters: c.parameters ?? {},
  }));
}

function parseResponse(body: unknown, counts: NativeCounts) {
  const b = asRecord(body);
  const calls = toolCalls(b.tool_calls);
  const content: ContentBlock[] = [];
  if (str(b.text) !== '' || calls.length === 0) content.push({ text: str(b.text) });
  calls.forEach((c, i) =>
    content.push({
      toolUse: { toolUseId: callId(str(b.generation_id), i), name: c.name, input: c.parameters as never },
    }),
  );
  const billed = asRecord(asRecord(b.meta).billed_units);
  return {
    content,
    stopReason: stopReason(b.finish_reason, calls.length > 0),
    usage: tokenUsage(
      counts.inputTokens ?? (billed.input_tokens as number | undefined) ?? 0,
      counts.outputTokens ?? (billed.output_tokens as number | undefined) ?? 0,
    ),
  };
}

/** Cohere's stream events: stream-start, text-generation, tool-calls-generation (whole calls), stream-end. */
function streamDecoder() {
  const writer = new ConverseEventWriter();
  let generationId = '';
  let calls = 0;
  return {
    decode(chunk: unknown): ConverseStreamOutput[] {
      const out: ConverseStreamOutput[] = [];
      if (writer.done) return out;
      const c = chunkObject(chunk);
      switch (c.event_type) {
        case 'stream-start':
          generationId = str(c.generation_id);
          break;
        case 'text-generation':
          writer.text(str(c.text), out);
          break;
        case 'tool-calls-generation':
          for (const call of toolCalls(c.tool_calls))
            writer.tool(callId(generationId, calls++), call.name, call.parameters, out);
          break;
        default:
          // search, citation and tool-call-delta events carry nothing Converse has (whole calls follow).
          break;
      }
      const metrics = invocationMetrics(c);
      if (c.event_type === 'stream-end' || c.is_finished === true || metrics) {
        const usage = tokenUsage(metrics?.inputTokenCount ?? 0, metrics?.outputTokenCount ?? 0);
        writer.finish(stopReason(c.finish_reason, calls > 0), usage, metrics, out);
      }
      return out;
    },
  };
}

/** Cohere Command R / R+ chat through InvokeModel. */
export const cohereCommandRCodec: NativeChatCodec = {
  api: 'cohere-command-r',
  buildBody: buildCohereBody,
  parseResponse,
  streamDecoder,
};

/** Command R and R+ only: the older Command / Command Light speak a generation body without chat. */
export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  if (model.profile.kind !== 'chat' || /command-(text|light)/.test(model.baseModelId)) return undefined;
  return cohereCommandRCodec;
}
