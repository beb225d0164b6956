import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ChunkDelta, CompletionUsage, FinishReason } from '../../chat/dto/chat-response.types';
import { convertUsage } from './convert-usage';
import { mapFinishReason } from './map-finish-reason';
import type { StreamState } from './stream-state';
import { finishStructuredOutput } from './structured-output/finish-structured-output';

export type StreamOutput =
  | { kind: 'delta'; delta: ChunkDelta }
  /** `flush`: content held back until the end (structured output given as an instruction, checked whole). */
  | { kind: 'finish'; reason: FinishReason; flush?: string }
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

function textDelta(text: string, state: StreamState): StreamOutput | undefined {
  if (text === '') return undefined;
  const plan = state.meta.structured;
  if (plan?.via === 'native') state.structuredText += text;
  // Through a tool or an instruction the content is settled only at the end (see finish).
  if (plan && plan.via !== 'native') {
    state.heldText += text;
    return undefined;
  }
  return { kind: 'delta', delta: { content: text } };
}

function toolStart(
  index: number,
  tool: { toolUseId?: string; name?: string },
  state: StreamState,
): StreamOutput | undefined {
  if (tool.name !== undefined && tool.name === state.meta.structured?.toolName) {
    state.responseBlocks.add(index);
    return undefined;
  }
  if (state.meta.singleToolCall && state.toolIndexByBlock.size === 1) {
    state.skippedBlocks.add(index);
    return undefined;
  }
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
  if (state.responseBlocks.has(index)) {
    state.structuredText += input;
    return { kind: 'delta', delta: { content: input } };
  }
  const toolIndex = state.toolIndexByBlock.get(index);
  return toolIndex === undefined
    ? undefined
    : { kind: 'delta', delta: { tool_calls: [{ index: toolIndex, function: { arguments: input } }] } };
}

function finish(stopReason: string | undefined, state: StreamState): StreamOutput {
  let reason = mapFinishReason(stopReason);
  const plan = state.meta.structured;
  if (!plan) {
    state.finishReason = reason;
    return { kind: 'finish', reason };
  }
  if (state.toolIndexByBlock.size > 0) {
    // The model called one of the client's own tools: its text is ordinary content, not the structured answer.
    state.finishReason = reason;
    return state.heldText ? { kind: 'finish', reason, flush: state.heldText } : { kind: 'finish', reason };
  }
  if (reason === 'tool_calls') reason = 'stop';
  state.finishReason = reason;
  if (plan.via === 'native' || state.responseBlocks.size > 0) {
    // Already streamed; checked whole now (a strict mismatch ends the stream with an error instead of [DONE]).
    finishStructuredOutput(state.structuredText, plan);
    return { kind: 'finish', reason };
  }
  // No response tool call: the text is the answer (instruction tier, or a model that answered in words).
  return { kind: 'finish', reason, flush: finishStructuredOutput(state.heldText, plan) };
}

/**
 * One ConverseStream event → what the OpenAI stream should carry (wire doc §4.3). Text and tool blocks are
 * told apart by their contentBlockIndex; tool calls get OpenAI indexes from 0 in order of appearance, with id
 * and name in their first delta and argument fragments after.
 */
export function mapStreamEvent(event: ConverseStreamOutput, state: StreamState): StreamOutput | undefined {
  if (event.contentBlockDelta) {
    const index = event.contentBlockDelta.contentBlockIndex ?? 0;
    const d = event.contentBlockDelta.delta;
    if (!d) return undefined;
    if (d.text !== undefined) return textDelta(d.text, state);
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
  if (event.messageStop) return finish(event.messageStop.stopReason, state);
  if (event.metadata) {
    return {
      kind: 'usage',
      usage: convertUsage(event.metadata.usage, state.reasoningBlocks > 0 || state.reasoningText.size > 0),
    };
  }
  return undefined;
}
