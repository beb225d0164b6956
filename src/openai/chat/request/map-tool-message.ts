import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ToolMessage } from '../chat-request.types';

/**
 * A `tool` message → a toolResult block. The text is passed as text (not re-parsed as JSON) so the model sees
 * exactly what the tool returned. An empty result still needs one content item, so it becomes "(empty)".
 */
export function mapToolMessage(m: ToolMessage): ContentBlock {
  const text = typeof m.content === 'string' ? m.content : m.content.map((p) => p.text).join('\n');
  return {
    toolResult: {
      toolUseId: m.tool_call_id,
      content: [{ text: text.trim() ? text : '(empty)' }],
    },
  };
}
