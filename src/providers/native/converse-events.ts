import type { ConverseStreamOutput, StopReason, TokenUsage } from '@aws-sdk/client-bedrock-runtime';

type BlockKind = 'text' | 'reasoning' | 'tool';

/** Bedrock appends these to the last chunk of every InvokeModelWithResponseStream (wire facts, docs/). */
export interface InvocationMetrics {
  inputTokenCount?: number;
  outputTokenCount?: number;
  invocationLatency?: number;
  firstByteLatency?: number;
}

export const INVOCATION_METRICS = 'amazon-bedrock-invocationMetrics';

/** The metrics Bedrock appended to a chunk, if this is the last one. */
export function invocationMetrics(chunk: Record<string, unknown>): InvocationMetrics | undefined {
  const m = chunk[INVOCATION_METRICS];
  return typeof m === 'object' && m !== null ? (m as InvocationMetrics) : undefined;
}

/** A parsed stream chunk, whether the back-end hands over the JSON object or the raw `chunk.bytes`. */
export function chunkObject(chunk: unknown): Record<string, unknown> {
  if (chunk instanceof Uint8Array)
    return JSON.parse(Buffer.from(chunk).toString('utf8')) as Record<string, unknown>;
  if (typeof chunk === 'string') return JSON.parse(chunk) as Record<string, unknown>;
  if (typeof chunk === 'object' && chunk !== null) return chunk as Record<string, unknown>;
  return {};
}

export function tokenUsage(input: number, output: number, extra: Partial<TokenUsage> = {}): TokenUsage {
  const read = extra.cacheReadInputTokens ?? 0;
  const write = extra.cacheWriteInputTokens ?? 0;
  return { inputTokens: input, outputTokens: output, totalTokens: input + output + read + write, ...extra };
}

/**
 * Writes ConverseStream events in Bedrock's observed order: `messageStart`; text and reasoning blocks as
 * deltas without a `contentBlockStart`; tool calls as `contentBlockStart{toolUse}` then input fragments; a
 * `contentBlockStop` whenever a block ends; `messageStop` then `metadata` last. A new block opens when the
 * kind changes, so a decoder only says what arrived.
 */
export class ConverseEventWriter {
  private started = false;
  private index = -1;
  private open: BlockKind | undefined;
  private finished = false;

  private begin(out: ConverseStreamOutput[]): void {
    if (this.started) return;
    this.started = true;
    out.push({ messageStart: { role: 'assistant' } });
  }

  private next(kind: BlockKind, out: ConverseStreamOutput[]): number {
    this.begin(out);
    if (this.open !== kind || kind === 'tool') {
      this.close(out);
      this.index += 1;
      this.open = kind;
    }
    return this.index;
  }

  /** Ends the open block, if any. */
  close(out: ConverseStreamOutput[]): void {
    if (this.open === undefined) return;
    out.push({ contentBlockStop: { contentBlockIndex: this.index } });
    this.open = undefined;
  }

  text(text: string, out: ConverseStreamOutput[]): void {
    if (text === '') return;
    const i = this.next('text', out);
    out.push({ contentBlockDelta: { contentBlockIndex: i, delta: { text } } });
  }

  reasoning(text: string, out: ConverseStreamOutput[]): void {
    if (text === '') return;
    const i = this.next('reasoning', out);
    out.push({ contentBlockDelta: { contentBlockIndex: i, delta: { reasoningContent: { text } } } });
  }

  /** The signature closing a reasoning block (Claude's thinking). */
  signature(signature: string, out: ConverseStreamOutput[]): void {
    const i = this.open === 'reasoning' ? this.index : this.next('reasoning', out);
    out.push({ contentBlockDelta: { contentBlockIndex: i, delta: { reasoningContent: { signature } } } });
  }

  redacted(data: Uint8Array, out: ConverseStreamOutput[]): void {
    const i = this.next('reasoning', out);
    out.push({
      contentBlockDelta: { contentBlockIndex: i, delta: { reasoningContent: { redactedContent: data } } },
    });
    this.close(out);
  }

  toolStart(toolUseId: string, name: string, out: ConverseStreamOutput[]): void {
    const i = this.next('tool', out);
    out.push({ contentBlockStart: { contentBlockIndex: i, start: { toolUse: { toolUseId, name } } } });
  }

  toolInput(input: string, out: ConverseStreamOutput[]): void {
    if (this.open !== 'tool' || input === '') return;
    out.push({ contentBlockDelta: { contentBlockIndex: this.index, delta: { toolUse: { input } } } });
  }

  /** A whole tool call at once (families that stream complete calls). */
  tool(toolUseId: string, name: string, input: unknown, out: ConverseStreamOutput[]): void {
    this.toolStart(toolUseId, name, out);
    this.toolInput(JSON.stringify(input ?? {}), out);
    this.close(out);
  }

  get done(): boolean {
    return this.finished;
  }

  /** Closes the message: `messageStop` and the `metadata` event with usage and Bedrock's latency. */
  finish(
    stopReason: StopReason | string,
    usage: TokenUsage,
    metrics: InvocationMetrics | undefined,
    out: ConverseStreamOutput[],
  ): void {
    if (this.finished) return;
    this.begin(out);
    this.close(out);
    this.finished = true;
    out.push({ messageStop: { stopReason: stopReason as StopReason } });
    out.push({ metadata: { usage, metrics: { latencyMs: metrics?.invocationLatency ?? 0 } } });
  }
}
