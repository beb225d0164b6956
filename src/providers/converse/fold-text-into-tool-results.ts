import type { Message } from '@aws-sdk/client-bedrock-runtime';

/**
 * Llama 3.x and Mistral Large refuse text blocks in the same user turn as tool results ("Conversation blocks
 * and tool result blocks cannot be provided in the same turn", docs/bedrock-protocol.md, "Tool results"), and the turns must still
 * alternate. The text is moved into the last tool result of that turn, where the model reads it in order.
 */
export function foldTextIntoToolResults(messages: Message[]): void {
  for (const m of messages) {
    if (m.role !== 'user' || !m.content) continue;
    const results = m.content.filter((b) => b.toolResult);
    if (results.length === 0 || results.length === m.content.length) continue;
    const lastBlock = results[results.length - 1];
    // A copy: the blocks may be shared with the internal request, which other calls (n > 1) read again.
    const last = { ...lastBlock.toolResult! };
    for (const b of m.content) {
      if (b.text !== undefined) last.content = [...(last.content ?? []), { text: b.text }];
    }
    m.content = m.content
      .filter((b) => b.text === undefined)
      .map((b) => (b === lastBlock ? { toolResult: last } : b));
  }
}
