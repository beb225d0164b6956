import type { StreamEvent } from '../engine/engine.types';
import type { FinalReply, OutBlock } from './reply.types';
import { nominalLatencyMs, type TokenUsage } from './usage';
import { wordChunks } from './words';

/** Extra response members requested through additionalModelResponseFieldPaths (docs/bedrock-protocol.md §3.1). */
export function responseFields(
  reply: FinalReply,
  paths: string[] | undefined,
): Record<string, unknown> | undefined {
  if (!paths?.includes('/stop_sequence') || reply.stopReason !== 'stop_sequence') return undefined;
  return { stop_sequence: reply.stopSequence };
}

function contentBlock(block: OutBlock): Record<string, unknown> {
  switch (block.kind) {
    case 'reasoning':
      return {
        reasoningContent: {
          reasoningText: block.signature
            ? { text: block.text, signature: block.signature }
            : { text: block.text },
        },
      };
    case 'text':
      return { text: block.text };
    case 'toolUse':
      return { toolUse: { toolUseId: block.toolUseId, name: block.name, input: block.input } };
  }
}

export function converseBody(
  reply: FinalReply,
  usage: TokenUsage,
  paths: string[] | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    output: { message: { role: 'assistant', content: reply.blocks.map(contentBlock) } },
    stopReason: reply.stopReason,
    usage,
    metrics: { latencyMs: nominalLatencyMs(reply.outputTokens) },
  };
  const fields = responseFields(reply, paths);
  if (fields) body.additionalModelResponseFields = fields;
  return body;
}

const TOOL_INPUT_FRAGMENT = 12;

/** Tool input JSON arrives in several partial-JSON fragments (docs/bedrock-protocol.md §4.3). */
function jsonFragments(input: unknown): string[] {
  const json = JSON.stringify(input);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += TOOL_INPUT_FRAGMENT) out.push(json.slice(i, i + TOOL_INPUT_FRAGMENT));
  return out;
}

function blockEvents(block: OutBlock, index: number, events: StreamEvent[]): void {
  const delta = (d: Record<string, unknown>) =>
    events.push({ eventType: 'contentBlockDelta', payload: { contentBlockIndex: index, delta: d } });
  if (block.kind === 'toolUse') {
    events.push({
      eventType: 'contentBlockStart',
      payload: {
        contentBlockIndex: index,
        start: { toolUse: { toolUseId: block.toolUseId, name: block.name } },
      },
    });
    for (const fragment of jsonFragments(block.input)) delta({ toolUse: { input: fragment } });
  } else if (block.kind === 'reasoning') {
    for (const chunk of wordChunks(block.text)) delta({ reasoningContent: { text: chunk } });
    if (block.signature) delta({ reasoningContent: { signature: block.signature } });
  } else {
    const chunks = wordChunks(block.text);
    for (const chunk of chunks.length > 0 ? chunks : ['']) delta({ text: chunk });
  }
  events.push({ eventType: 'contentBlockStop', payload: { contentBlockIndex: index } });
}

/** ConverseStream order (docs/bedrock-protocol.md §4.3): messageStart, blocks, messageStop, metadata last. */
export function converseEvents(
  reply: FinalReply,
  usage: TokenUsage,
  paths: string[] | undefined,
): StreamEvent[] {
  const events: StreamEvent[] = [{ eventType: 'messageStart', payload: { role: 'assistant' } }];
  reply.blocks.forEach((block, i) => blockEvents(block, i, events));
  const stop: Record<string, unknown> = { stopReason: reply.stopReason };
  const fields = responseFields(reply, paths);
  if (fields) stop.additionalModelResponseFields = fields;
  events.push({ eventType: 'messageStop', payload: stop });
  events.push({
    eventType: 'metadata',
    payload: { usage, metrics: { latencyMs: nominalLatencyMs(reply.outputTokens) } },
  });
  return events;
}
