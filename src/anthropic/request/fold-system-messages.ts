import type { AnthropicMessagesRequest, MessageParam, TextBlock } from '../anthropic-request.types';

type Block = Record<string, unknown>;

function blocks(content: unknown): Block[] {
  if (typeof content === 'string') return content.trim() ? [{ type: 'text', text: content }] : [];
  return Array.isArray(content) ? (content as Block[]) : [];
}

/**
 * Anthropic's API lets a conversation carry `role: "system"` messages (Claude Code ends every request with one
 * describing the environment, with its own `output_config`); Bedrock has no such turn (`#/messages/N/role:
 * system is not a valid enum value`, and Converse has only user/assistant). Their blocks are appended to the
 * system prompt in the order they appear, `cache_control` kept; their effort applies when the request set
 * none; turns of one role left side by side are merged, as Anthropic's API does. Done in place, once, for
 * every back-end.
 */
export function foldSystemMessages(req: AnthropicMessagesRequest): void {
  if (!req.messages.some((m) => m.role === 'system')) return;
  const system = blocks(req.system) as unknown as TextBlock[];
  const messages: MessageParam[] = [];
  for (const message of req.messages) {
    if (message.role === 'system') {
      system.push(...(blocks(message.content) as unknown as TextBlock[]));
      const effort = message.output_config?.effort;
      if (effort && !req.output_config?.effort) req.output_config = { ...req.output_config, effort };
      continue;
    }
    const last = messages[messages.length - 1];
    if (last && last.role === message.role) {
      last.content = [
        ...blocks(last.content),
        ...blocks(message.content),
      ] as unknown as MessageParam['content'];
    } else {
      messages.push({ role: message.role, content: message.content });
    }
  }
  req.system = system;
  req.messages = messages;
}
