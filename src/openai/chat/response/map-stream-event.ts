import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ChunkDelta, CompletionUsage, FinishReason } from '../chat-response.types';
import { convertUsage } from './convert-usage';
import { mapFinishReason } from './map-finish-reason';
import type { StreamState } from './stream-state';

export type StreamOutput =
  | { kind: 'delta'; delta: ChunkDelta }
  | { kind: 'finish'; reason: FinishReason }
  | { kind: 'usage'; usage: CompletionUsage };

type ReasoningDelta = NonNullable<
  NonNullable<ConverseStreamOutput['contentBlockDelta']>['delta']
>['reasoningContent'];

function reasoningDelta(index: number, r: ReasoningDelta, state: StreamState): ChunkDelta | undefined {
  if (!r) return undefined;
  if (r.text !== undefined) {
    state.reasoningText.set(index, (state.reasoningText.get(index) ?? '') + r.text);
    return { reasoning_content: r.text };
  }
  if (r.signature !== undefined) {
    // The whole signed block goes out once its signature is known, so a client that collects
    // `reasoning_details` entries can send them back unchanged.
    const text = state.reasoningText.get(index) ?? '';
    state.reasoningText.delete(index);
    return {
      reasoning_details: [
        { type: 'reasoning.text', text, signature: r.signature, index: state.reasoningBlocks++ },
      ],
    };
  }
  if (r.redactedContent !== undefined) {
    const data = Buffer.from(r.redactedContent).toString('base64');
    return { reasoning_details: [{ type: 'reasoning.encrypted', data, index: state.reasoningBlocks++ }] };
  }
  return undefined;
}

function toolStart(
  index: number,
  tool: { toolUseId?: string; name?: string },
  state: StreamState,
): StreamOutput {
  const toolIndex = state.toolIndexByBlock.size;
  state.toolIndexByBlock.set(index, toolIndex);
  return {
    kind: 'delta',
    delta: {
      tool_calls: [
        {
          index: toolIndex,
          id: tool.toolUseId,
          type: 'function',
          function: { name: tool.name, arguments: '' },
        },
      ],
    },
  };
}

function toolInput(index: number, input: string | undefined, state: StreamState): StreamOutput | undefined {
  if (input === undefined || input === '') return undefined;
  const toolIndex = state.toolIndexByBlock.get(index);
  return toolIndex === undefined
    ? undefined
    : { kind: 'delta', delta: { tool_calls: [{ index: toolIndex, function: { arguments: input } }] } };
}

/**
 * One ConverseStream event → what the OpenAI stream should carry (docs/bedrock-protocol.md, "ConverseStream events"). Text and tool blocks are
 * told apart by their contentBlockIndex; tool calls get OpenAI indexes from 0 in order of appearance, with id
 * and name in their first delta and argument fragments after.
 */
export function mapStreamEvent(event: ConverseStreamOutput, state: StreamState): StreamOutput | undefined {
  if (event.contentBlockDelta) {
    const index = event.contentBlockDelta.contentBlockIndex ?? 0;
    const d = event.contentBlockDelta.delta;
    if (!d) return undefined;
    if (d.text !== undefined)
      return d.text === '' ? undefined : { kind: 'delta', delta: { content: d.text } };
    if (d.toolUse) return toolInput(index, d.toolUse.input, state);
    const r = reasoningDelta(index, d.reasoningContent, state);
    return r ? { kind: 'delta', delta: r } : undefined;
  }
  if (event.contentBlockStart?.start?.toolUse) {
    return toolStart(
      event.contentBlockStart.contentBlockIndex ?? 0,
      event.contentBlockStart.start.toolUse,
      state,
    );
  }
  if (event.messageStart) return { kind: 'delta', delta: { role: 'assistant', content: '' } };
  if (event.messageStop) {
    state.finishReason = mapFinishReason(event.messageStop.stopReason);
    return { kind: 'finish', reason: state.finishReason };
  }
  if (event.metadata) {
    return {
      kind: 'usage',
      usage: convertUsage(event.metadata.usage, state.reasoningBlocks > 0 || state.reasoningText.size > 0),
    };
  }
  return undefined;
}
