import type { ContentBlock, Message, ToolResultContentBlock } from '@aws-sdk/client-bedrock-runtime';

const resultText = (content: ToolResultContentBlock[] | undefined): string =>
  (content ?? [])
    .map((c) => (c.text !== undefined ? c.text : c.json !== undefined ? JSON.stringify(c.json) : ''))
    .join('\n');

/**
 * Bedrock refuses toolUse/toolResult blocks in a request without `toolConfig` ("The toolConfig field must be
 * defined when using toolUse and toolResult content blocks"). When no tools are offered — none were sent, or
 * `tool_choice: "none"`, which must never yield a tool call — earlier tool calls and results are kept as
 * plain text, so the model still sees what happened.
 */
export function renderToolHistoryAsText(messages: Message[]): void {
  for (const m of messages) {
    if (!m.content?.some((b) => b.toolUse || b.toolResult)) continue;
    m.content = m.content.map((b): ContentBlock => {
      if (b.toolUse)
        return {
          text: `[Called tool ${b.toolUse.name} (${b.toolUse.toolUseId}) with ${JSON.stringify(b.toolUse.input ?? {})}]`,
        };
      if (b.toolResult)
        return {
          text: `[Result of tool call ${b.toolResult.toolUseId}: ${resultText(b.toolResult.content)}]`,
        };
      return b;
    });
  }
}
