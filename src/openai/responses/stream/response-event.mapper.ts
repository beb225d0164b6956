import type {
  ConverseStreamOutput,
  ReasoningContentBlock,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime';
import { ApiError } from '../../../common/errors/api-error';
import type { ResponseEvent } from '../dto/response-events.types';
import type { OutputItem, ResponseObject } from '../dto/response-object.types';
import { mapStatus } from '../mapping/map-status';
import { mapUsage } from '../mapping/map-usage';
import { functionCallItem, OutputContext, reasoningItem, textContent } from '../mapping/output-items';
import { finishResponse } from '../mapping/response-frame';
import { newId } from '../mapping/response-ids';

type OpenBlock =
  | { kind: 'text'; outputIndex: number; id: string; text: string }
  | {
      kind: 'reasoning';
      outputIndex: number;
      id: string;
      text: string;
      signature?: string;
      redacted: Uint8Array[];
    }
  | { kind: 'tool'; outputIndex: number; id: string; callId: string; name: string; args: string };

/**
 * ConverseStream events → Responses stream events (without sequence numbers, added as they are written).
 * Each Converse content block becomes one output item: text → a `message` with one `output_text` part,
 * reasoning → a `reasoning` item (summary deltas when a summary was asked for; the signed block sealed into
 * `encrypted_content` on `output_item.done`), toolUse → a `function_call`. Per-stream state lives here, one
 * mapper per response.
 */
export class ResponseEventMapper {
  private readonly open = new Map<number, OpenBlock>();
  private readonly done: OutputItem[] = [];
  private nextOutput = 0;
  private stopReason?: string;
  private usage?: TokenUsage;
  private reasoningChars = 0;

  constructor(
    private readonly frame: ResponseObject,
    private readonly ctx: OutputContext,
  ) {}

  start(): ResponseEvent[] {
    return [
      { type: 'response.created', response: this.frame },
      { type: 'response.in_progress', response: this.frame },
    ];
  }

  map(event: ConverseStreamOutput): ResponseEvent[] {
    const out: ResponseEvent[] = [];
    if (event.contentBlockStart) {
      const { contentBlockIndex = 0, start } = event.contentBlockStart;
      if (start?.toolUse)
        this.openTool(contentBlockIndex, start.toolUse.toolUseId!, start.toolUse.name!, out);
    } else if (event.contentBlockDelta) {
      const { contentBlockIndex = 0, delta } = event.contentBlockDelta;
      if (delta?.text !== undefined) this.text(contentBlockIndex, delta.text, out);
      else if (delta?.reasoningContent) this.reasoning(contentBlockIndex, delta.reasoningContent, out);
      else if (delta?.toolUse) this.toolInput(contentBlockIndex, delta.toolUse.input ?? '', out);
    } else if (event.contentBlockStop) {
      this.close(event.contentBlockStop.contentBlockIndex ?? 0, out);
    } else if (event.messageStop) {
      this.stopReason = event.messageStop.stopReason;
      for (const index of [...this.open.keys()]) this.close(index, out);
    } else if (event.metadata) {
      this.usage = event.metadata.usage;
    }
    return out;
  }

  /** The last event (`response.completed` or `response.incomplete`) and the finished response. */
  finish(): { event: ResponseEvent; response: ResponseObject } {
    // A stream cut after its head ends quietly in the SDK's HTTP/2 handler: no metadata means no answer.
    if (!this.usage || this.stopReason === undefined) {
      throw new ApiError(502, 'Bedrock ended the stream before the response was complete.', {
        code: 'upstream_incomplete',
      });
    }
    const status = mapStatus(this.stopReason);
    const response = finishResponse(this.frame, this.done, status, mapUsage(this.usage, this.reasoningChars));
    return {
      event: { type: status.status === 'completed' ? 'response.completed' : 'response.incomplete', response },
      response,
    };
  }

  private add(block: OpenBlock, index: number, item: OutputItem, out: ResponseEvent[]): void {
    this.open.set(index, block);
    out.push({ type: 'response.output_item.added', output_index: block.outputIndex, item });
  }

  private openText(index: number, out: ResponseEvent[]): OpenBlock & { kind: 'text' } {
    const block = { kind: 'text' as const, outputIndex: this.nextOutput++, id: newId('msg'), text: '' };
    this.add(
      block,
      index,
      { type: 'message', id: block.id, role: 'assistant', status: 'in_progress', content: [] },
      out,
    );
    out.push({
      type: 'response.content_part.added',
      item_id: block.id,
      output_index: block.outputIndex,
      content_index: 0,
      part: textContent(''),
    });
    return block;
  }

  private text(index: number, delta: string, out: ResponseEvent[]): void {
    const open = this.open.get(index);
    const block = open?.kind === 'text' ? open : this.openText(index, out);
    block.text += delta;
    out.push({
      type: 'response.output_text.delta',
      item_id: block.id,
      output_index: block.outputIndex,
      content_index: 0,
      delta,
      logprobs: [],
    });
  }

  private reasoning(
    index: number,
    delta: { text?: string; signature?: string; redactedContent?: Uint8Array },
    out: ResponseEvent[],
  ): void {
    let block = this.open.get(index);
    if (block?.kind !== 'reasoning') {
      block = { kind: 'reasoning', outputIndex: this.nextOutput++, id: newId('rs'), text: '', redacted: [] };
      this.add(block, index, { type: 'reasoning', id: block.id, summary: [] }, out);
      if (this.ctx.summary) {
        out.push({
          type: 'response.reasoning_summary_part.added',
          item_id: block.id,
          output_index: block.outputIndex,
          summary_index: 0,
          part: { type: 'summary_text', text: '' },
        });
      }
    }
    if (delta.text) {
      block.text += delta.text;
      if (this.ctx.summary) {
        out.push({
          type: 'response.reasoning_summary_text.delta',
          item_id: block.id,
          output_index: block.outputIndex,
          summary_index: 0,
          delta: delta.text,
        });
      }
    }
    if (delta.signature) block.signature = (block.signature ?? '') + delta.signature;
    if (delta.redactedContent) block.redacted.push(delta.redactedContent);
  }

  private openTool(index: number, callId: string, name: string, out: ResponseEvent[]): void {
    const block = {
      kind: 'tool' as const,
      outputIndex: this.nextOutput++,
      id: newId('fc'),
      callId,
      name,
      args: '',
    };
    const item = functionCallItem(block.id, callId, name, '', this.ctx);
    this.add(block, index, { ...item, status: 'in_progress' }, out);
  }

  private toolInput(index: number, delta: string, out: ResponseEvent[]): void {
    const block = this.open.get(index);
    if (block?.kind !== 'tool') return;
    block.args += delta;
    out.push({
      type: 'response.function_call_arguments.delta',
      item_id: block.id,
      output_index: block.outputIndex,
      delta,
    });
  }

  private close(index: number, out: ResponseEvent[]): void {
    const block = this.open.get(index);
    if (!block) return;
    this.open.delete(index);
    let item: OutputItem;
    if (block.kind === 'text') {
      const part = textContent(block.text);
      out.push({
        type: 'response.output_text.done',
        item_id: block.id,
        output_index: block.outputIndex,
        content_index: 0,
        text: block.text,
        logprobs: [],
      });
      out.push({
        type: 'response.content_part.done',
        item_id: block.id,
        output_index: block.outputIndex,
        content_index: 0,
        part,
      });
      item = { type: 'message', id: block.id, role: 'assistant', status: 'completed', content: [part] };
    } else if (block.kind === 'reasoning') {
      this.reasoningChars += block.text.length;
      const content: ReasoningContentBlock = block.redacted.length
        ? { redactedContent: Buffer.concat(block.redacted) }
        : { reasoningText: { text: block.text, ...(block.signature ? { signature: block.signature } : {}) } };
      item = reasoningItem(block.id, content, this.ctx);
      if (this.ctx.summary) {
        const part = { type: 'summary_text', text: block.text };
        out.push({
          type: 'response.reasoning_summary_text.done',
          item_id: block.id,
          output_index: block.outputIndex,
          summary_index: 0,
          text: block.text,
        });
        out.push({
          type: 'response.reasoning_summary_part.done',
          item_id: block.id,
          output_index: block.outputIndex,
          summary_index: 0,
          part,
        });
      }
    } else {
      const args = block.args || '{}';
      item = functionCallItem(block.id, block.callId, block.name, args, this.ctx);
      out.push({
        type: 'response.function_call_arguments.done',
        item_id: block.id,
        output_index: block.outputIndex,
        name: item.name,
        arguments: args,
      });
    }
    this.done[block.outputIndex] = item;
    out.push({ type: 'response.output_item.done', output_index: block.outputIndex, item });
  }
}
