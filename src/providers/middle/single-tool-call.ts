import type { ContentBlock, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';

/**
 * `tools.parallel === false`: at most one tool call per answer. Bedrock's Converse has no such switch, so
 * the calls after the first are dropped from the answer.
 */
export function keepFirstToolCall(content: ContentBlock[]): ContentBlock[] {
  let seen = false;
  return content.filter((b) => {
    if (!b.toolUse) return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}

/** The same for a stream: every event of a second (third, …) tool block is left out. */
export async function* keepFirstToolCallStream(
  events: AsyncIterable<ConverseStreamOutput>,
): AsyncGenerator<ConverseStreamOutput> {
  let toolBlock: number | undefined;
  const skipped = new Set<number>();
  for await (const event of events) {
    const start = event.contentBlockStart;
    if (start?.start?.toolUse) {
      const index = start.contentBlockIndex ?? 0;
      if (toolBlock === undefined) toolBlock = index;
      else {
        skipped.add(index);
        continue;
      }
    }
    const index = event.contentBlockDelta?.contentBlockIndex ?? event.contentBlockStop?.contentBlockIndex;
    if (index !== undefined && skipped.has(index)) continue;
    yield event;
  }
}
