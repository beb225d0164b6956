import type { ConverseResponse, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';

/**
 * A finished Converse answer as the ConverseStream events Bedrock would have sent for it (docs/bedrock-protocol.md §4.3
 * order). Models that cannot stream tool use are called without streaming and replayed through the same
 * stream mapper, so the client still gets a well-formed stream.
 */
export function replayConverse(out: ConverseResponse): ConverseStreamOutput[] {
  const events: ConverseStreamOutput[] = [{ messageStart: { role: 'assistant' } }];
  (out.output?.message?.content ?? []).forEach((block, contentBlockIndex) => {
    if (block.toolUse) {
      const { toolUseId, name, input } = block.toolUse;
      events.push({ contentBlockStart: { contentBlockIndex, start: { toolUse: { toolUseId, name } } } });
      events.push({
        contentBlockDelta: { contentBlockIndex, delta: { toolUse: { input: JSON.stringify(input ?? {}) } } },
      });
    } else if (block.text !== undefined) {
      events.push({ contentBlockDelta: { contentBlockIndex, delta: { text: block.text } } });
    } else if (block.reasoningContent?.reasoningText) {
      const { text, signature } = block.reasoningContent.reasoningText;
      events.push({
        contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { text: text ?? '' } } },
      });
      if (signature)
        events.push({ contentBlockDelta: { contentBlockIndex, delta: { reasoningContent: { signature } } } });
    } else if (block.reasoningContent?.redactedContent) {
      events.push({
        contentBlockDelta: {
          contentBlockIndex,
          delta: { reasoningContent: { redactedContent: block.reasoningContent.redactedContent } },
        },
      });
    } else {
      return;
    }
    events.push({ contentBlockStop: { contentBlockIndex } });
  });
  events.push({ messageStop: { stopReason: out.stopReason } });
  events.push({ metadata: { usage: out.usage, metrics: out.metrics } });
  return events;
}

/** The replayed events as the async stream the stream mapper reads. */
export async function* replayAsStream(out: ConverseResponse): AsyncGenerator<ConverseStreamOutput> {
  yield* replayConverse(out);
}
