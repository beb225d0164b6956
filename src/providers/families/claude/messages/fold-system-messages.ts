type Json = Record<string, unknown>;

export interface FoldedConversation {
  system: Json[];
  messages: Json[];
  /** `output_config.effort` a system-role message carried (Claude Code's per-turn control). */
  effort?: string;
}

function textBlocks(content: unknown): Json[] {
  if (typeof content === 'string') return content.trim() ? [{ type: 'text', text: content }] : [];
  return Array.isArray(content) ? (content as Json[]).filter((b) => b && typeof b === 'object') : [];
}

/**
 * Bedrock's Claude body takes only `user` and `assistant` turns (`#/messages/N/role: system is not a valid enum
 * value`), while Anthropic's API lets a conversation carry `role: "system"` messages (Claude Code ends every
 * request with one describing the environment). Their blocks are appended to the system prompt in the order
 * they appear, `cache_control` kept; turns of the same role left next to each other are merged, as
 * Anthropic's API itself does.
 */
export function foldSystemMessages(system: unknown, messages: Json[]): FoldedConversation {
  const out: FoldedConversation = { system: textBlocks(system), messages: [] };
  for (const message of messages) {
    if (message.role === 'system') {
      out.system.push(...textBlocks(message.content));
      const effort = (message.output_config as Json | undefined)?.effort;
      if (typeof effort === 'string') out.effort = effort;
      continue;
    }
    const last = out.messages[out.messages.length - 1];
    if (last && last.role === message.role) {
      out.messages[out.messages.length - 1] = {
        role: last.role,
        content: [...asBlocks(last.content), ...asBlocks(message.content)],
      };
    } else {
      out.messages.push({ role: message.role, content: message.content });
    }
  }
  return out;
}

function asBlocks(content: unknown): Json[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : (content as Json[]);
}
