import type { ContentBlock, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { finishStructuredOutput } from '../converse/structured-output/finish-structured-output';
import type { StructuredOutputPlan } from '../converse/structured-output/structured-output.plan';

/**
 * Structured output resolved in the middle, whichever way the family carried it out (native output config,
 * a forced response tool, an instruction): the answer reaches the dialect as text that matched the schema.
 * When the model called one of the client's own tools instead, the answer is left as it is (tool calls and
 * any text), minus the response tool.
 */
export function resolveStructuredAnswer(
  content: ContentBlock[],
  stopReason: string,
  plan: StructuredOutputPlan,
): { content: ContentBlock[]; stopReason: string } {
  const isResponseTool = (b: ContentBlock) => b.toolUse !== undefined && b.toolUse.name === plan.toolName;
  if (content.some((b) => b.toolUse && !isResponseTool(b))) {
    return { content: content.filter((b) => !isResponseTool(b)), stopReason };
  }
  const tool = content.find(isResponseTool);
  const text = content.map((b) => b.text ?? '').join('');
  const answer = finishStructuredOutput(tool ? JSON.stringify(tool.toolUse!.input ?? {}) : text, plan);
  const reasoning = content.filter((b) => b.reasoningContent);
  return {
    content: [...reasoning, { text: answer }],
    // The answer came through the response tool (or as text): the turn is done.
    stopReason: stopReason === 'tool_use' ? 'end_turn' : stopReason,
  };
}

/**
 * The same for a stream, event by event: the response tool's input is streamed as text as it arrives, text
 * beside it is held back (and dropped if the tool answered); an instruction answer is held whole and sent at
 * the end; native output streams as it comes. At messageStop the whole answer is checked against the schema
 * (a strict mismatch ends the stream with an error instead of a stop).
 */
export async function* resolveStructuredStream(
  events: AsyncIterable<ConverseStreamOutput>,
  plan: StructuredOutputPlan,
): AsyncGenerator<ConverseStreamOutput> {
  const responseBlocks = new Set<number>();
  let clientTools = 0;
  let lastIndex = -1;
  let structuredText = '';
  let heldText = '';
  for await (const event of events) {
    const start = event.contentBlockStart;
    const delta = event.contentBlockDelta;
    const index =
      start?.contentBlockIndex ?? delta?.contentBlockIndex ?? event.contentBlockStop?.contentBlockIndex;
    if (index !== undefined) lastIndex = Math.max(lastIndex, index);
    if (start?.start?.toolUse) {
      if (start.start.toolUse.name === plan.toolName) {
        responseBlocks.add(start.contentBlockIndex ?? 0);
        continue;
      }
      clientTools++;
    } else if (delta?.delta?.toolUse && responseBlocks.has(delta.contentBlockIndex ?? 0)) {
      const input = delta.delta.toolUse.input ?? '';
      structuredText += input;
      if (input)
        yield { contentBlockDelta: { contentBlockIndex: delta.contentBlockIndex, delta: { text: input } } };
      continue;
    } else if (delta?.delta?.text !== undefined) {
      if (plan.via === 'native') structuredText += delta.delta.text;
      else {
        heldText += delta.delta.text;
        continue;
      }
    } else if (event.messageStop) {
      yield* finish(event, plan, {
        clientTools,
        responseBlocks: responseBlocks.size,
        structuredText,
        heldText,
        lastIndex,
      });
      continue;
    }
    yield event;
  }
}

function* finish(
  event: ConverseStreamOutput,
  plan: StructuredOutputPlan,
  s: {
    clientTools: number;
    responseBlocks: number;
    structuredText: string;
    heldText: string;
    lastIndex: number;
  },
): Generator<ConverseStreamOutput> {
  const stop = event.messageStop!;
  const text = (t: string): ConverseStreamOutput[] => [
    { contentBlockDelta: { contentBlockIndex: s.lastIndex + 1, delta: { text: t } } },
    { contentBlockStop: { contentBlockIndex: s.lastIndex + 1 } },
  ];
  if (s.clientTools > 0) {
    // The model called one of the client's own tools: its text is ordinary content, not the structured answer.
    if (s.heldText) yield* text(s.heldText);
    yield event;
    return;
  }
  const stopReason = stop.stopReason === 'tool_use' ? 'end_turn' : stop.stopReason;
  if (plan.via === 'native' || s.responseBlocks > 0) {
    finishStructuredOutput(s.structuredText, plan);
  } else {
    // No response tool call: the text is the answer (instruction tier, or a model that answered in words).
    yield* text(finishStructuredOutput(s.heldText, plan));
  }
  yield { messageStop: { ...stop, stopReason } };
}
