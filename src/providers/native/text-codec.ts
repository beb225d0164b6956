import type { ContentBlock, ConverseStreamOutput, StopReason } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import type { InferenceRequest } from '../../inference/inference-request';
import { chunkObject, ConverseEventWriter, invocationMetrics, tokenUsage } from './converse-events';
import type { NativeChatApi, NativeChatCodec, NativeCounts } from './native-chat.codec';

/** What a text-generating family's answer (or one stream chunk of it) says. */
export interface TextReading {
  text: string;
  /** The family's own finish reason; null/undefined until the last chunk. */
  stop?: string | null;
  input?: number;
  output?: number;
}

/** Where a stream's text goes: straight into text blocks, or through a splitter (DeepSeek R1's `</think>`). */
export interface TextSink {
  push(text: string, out: ConverseStreamOutput[]): void;
  end(out: ConverseStreamOutput[]): void;
}

/** A family whose native answer is one generated string (Llama, Mistral, Titan Text, DeepSeek R1). */
export interface TextDialect {
  api: NativeChatApi;
  build(req: InferenceRequest, model: ResolvedModel): Record<string, unknown>;
  readResponse(body: Record<string, unknown>): TextReading;
  /** Defaults to readResponse (most families stream the same object, one piece at a time). */
  readChunk?(chunk: Record<string, unknown>): TextReading;
  stopReason(native: string | null | undefined): StopReason | string;
  /** The answer's text as Converse blocks (R1 separates its reasoning); default one text block. */
  blocks?(text: string): ContentBlock[];
  sink?(writer: ConverseEventWriter): TextSink;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The first element of a native `outputs`/`choices`/`results` array. */
export function first(value: unknown): Record<string, unknown> {
  return Array.isArray(value) ? asRecord(value[0]) : {};
}

export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function plainSink(writer: ConverseEventWriter): TextSink {
  return { push: (text, out) => writer.text(text, out), end: () => undefined };
}

class TextStreamDecoder {
  private readonly writer = new ConverseEventWriter();
  private readonly sink: TextSink;
  private input?: number;
  private output?: number;

  constructor(private readonly d: TextDialect) {
    this.sink = (d.sink ?? plainSink)(this.writer);
  }

  decode(chunk: unknown): ConverseStreamOutput[] {
    const out: ConverseStreamOutput[] = [];
    if (this.writer.done) return out;
    const obj = chunkObject(chunk);
    const r = (this.d.readChunk ?? this.d.readResponse)(obj);
    this.input = r.input ?? this.input;
    this.output = r.output ?? this.output;
    this.sink.push(r.text, out);
    const metrics = invocationMetrics(obj);
    if ((r.stop !== undefined && r.stop !== null) || metrics) {
      this.sink.end(out);
      const usage = tokenUsage(
        metrics?.inputTokenCount ?? this.input ?? 0,
        metrics?.outputTokenCount ?? this.output ?? 0,
      );
      this.writer.finish(this.d.stopReason(r.stop), usage, metrics, out);
    }
    return out;
  }
}

/** The codec of a text-generating family, from the pieces that differ. */
export function textCodec(d: TextDialect): NativeChatCodec {
  return {
    api: d.api,
    buildBody: (req, model) => d.build(req, model),
    parseResponse(body: unknown, counts: NativeCounts) {
      const r = d.readResponse(asRecord(body));
      return {
        content: d.blocks ? d.blocks(r.text) : [{ text: r.text }],
        stopReason: d.stopReason(r.stop),
        usage: tokenUsage(r.input ?? counts.inputTokens ?? 0, r.output ?? counts.outputTokens ?? 0),
      };
    },
    streamDecoder: () => new TextStreamDecoder(d),
  };
}

/** `stop` / `length`, as Llama, Mistral and DeepSeek R1 report how they finished. */
export function stopOrLength(native: string | null | undefined): StopReason {
  return native === 'length' || native === 'model_length' ? 'max_tokens' : 'end_turn';
}
