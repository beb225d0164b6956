import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { ApiError } from '../../common/errors/api-error';
import type { AnthropicEventStream, AnthropicJson, AnthropicUsage } from '../../inference/anthropic-native';
import type { InferenceStream } from '../../inference/inference-response';
import { anthropicStopReason, anthropicUsage, messageId } from './to-anthropic-message';

type BlockKind = 'text' | 'thinking' | 'tool_use' | 'redacted_thinking';

export interface State {
  /** Converse block index → Anthropic block index (Anthropic's are contiguous from 0). */
  indexes: Map<number, number>;
  stopReason?: string;
}

function start(index: number, kind: BlockKind, extra: AnthropicJson = {}): AnthropicJson {
  const contentBlock: AnthropicJson =
    kind === 'text'
      ? { type: 'text', text: '' }
      : kind === 'thinking'
        ? { type: 'thinking', thinking: '', signature: '' }
        : { type: kind, ...extra };
  return {
    type: 'content_block_start',
    index,
    content_block: kind === 'tool_use' ? { ...contentBlock, input: {} } : contentBlock,
  };
}

/**
 * ConverseStream events → Anthropic's stream events. Converse opens text and reasoning blocks with their
 * first delta (no contentBlockStart) and reports usage only in its last `metadata` event, so blocks are opened
 * on first sight and `message_delta` (with the whole usage) is sent when `metadata` arrives.
 */
export function* anthropicEvents(
  event: ConverseStreamOutput,
  state: State,
  model: string,
): Generator<AnthropicJson> {
  if (event.messageStart) {
    yield {
      type: 'message_start',
      message: {
        id: messageId(),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 0, output_tokens: 0 },
      },
    };
    yield { type: 'ping' };
    return;
  }
  if (event.contentBlockStart) {
    const { contentBlockIndex = 0, start: s } = event.contentBlockStart;
    if (s?.toolUse) {
      const index = open(state, contentBlockIndex);
      yield start(index, 'tool_use', { id: s.toolUse.toolUseId, name: s.toolUse.name });
    }
    return;
  }
  if (event.contentBlockDelta) {
    const { contentBlockIndex = 0, delta } = event.contentBlockDelta;
    if (!delta) return;
    const known = state.indexes.get(contentBlockIndex);
    if (delta.text !== undefined) {
      const index = known ?? open(state, contentBlockIndex);
      if (known === undefined) yield start(index, 'text');
      yield { type: 'content_block_delta', index, delta: { type: 'text_delta', text: delta.text } };
    } else if (delta.toolUse) {
      yield {
        type: 'content_block_delta',
        index: known ?? 0,
        delta: { type: 'input_json_delta', partial_json: delta.toolUse.input ?? '' },
      };
    } else if (delta.reasoningContent) {
      const r = delta.reasoningContent;
      if (r.redactedContent !== undefined) {
        const index = known ?? open(state, contentBlockIndex);
        yield start(index, 'redacted_thinking', { data: Buffer.from(r.redactedContent).toString('base64') });
        return;
      }
      const index = known ?? open(state, contentBlockIndex);
      if (known === undefined) yield start(index, 'thinking');
      if (r.text !== undefined)
        yield { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: r.text } };
      if (r.signature !== undefined)
        yield {
          type: 'content_block_delta',
          index,
          delta: { type: 'signature_delta', signature: r.signature },
        };
    }
    return;
  }
  if (event.contentBlockStop) {
    const index = state.indexes.get(event.contentBlockStop.contentBlockIndex ?? 0);
    if (index !== undefined) yield { type: 'content_block_stop', index };
    return;
  }
  if (event.messageStop) {
    state.stopReason = anthropicStopReason(String(event.messageStop.stopReason));
    return;
  }
  if (event.metadata) {
    yield {
      type: 'message_delta',
      delta: { stop_reason: state.stopReason ?? 'end_turn', stop_sequence: null },
      usage: anthropicUsage(event.metadata.usage),
    };
    yield { type: 'message_stop' };
  }
}

function open(state: State, converseIndex: number): number {
  const index = state.indexes.size;
  state.indexes.set(converseIndex, index);
  return index;
}

/** The internal stream as an Anthropic event stream, with the usage of its final `metadata` event. */
export class ConverseAnthropicStream implements AnthropicEventStream {
  private total: AnthropicUsage = { input_tokens: 0, output_tokens: 0 };

  constructor(
    private readonly source: InferenceStream,
    private readonly model: string,
  ) {}

  get modelId(): string {
    return this.source.modelId;
  }

  usage(): AnthropicUsage {
    return this.total;
  }

  cancel(reason?: unknown): void {
    this.source.cancel?.(reason);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AnthropicJson> {
    const state: State = { indexes: new Map() };
    let finished = false;
    for await (const event of this.source) {
      if (event.metadata) {
        this.total = anthropicUsage(event.metadata.usage);
        finished = true;
      }
      yield* anthropicEvents(event, state, this.model);
    }
    if (!finished) {
      throw new ApiError(502, 'Bedrock ended the stream before the message was complete.', {
        code: 'upstream_incomplete',
      });
    }
  }
}
