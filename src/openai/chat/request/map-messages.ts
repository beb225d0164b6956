import type {
  ContentBlock,
  ConversationRole,
  Message,
  SystemContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../../common/errors/api-error';
import type { ChatMessage, TextPart } from '../chat-request.types';
import { mapAssistantContent } from './map-assistant-message';
import { mapToolMessage } from './map-tool-message';
import { mapUserContent } from './map-user-content';
import type { DialectContext } from './request-context';

export interface MappedConversation {
  system: SystemContentBlock[];
  messages: Message[];
}

/** System text as blocks: a part marked with cache_control is followed by a cache point, as in user content. */
function systemBlocks(content: string | TextPart[]): SystemContentBlock[] {
  if (typeof content === 'string') return content.trim() ? [{ text: content }] : [];
  return content.flatMap((p): SystemContentBlock[] => {
    const text: SystemContentBlock[] = p.text.trim() ? [{ text: p.text }] : [];
    return p.cache_control
      ? [
          ...text,
          { cachePoint: { type: 'default', ...(p.cache_control.ttl ? { ttl: p.cache_control.ttl } : {}) } },
        ]
      : text;
  });
}

/**
 * OpenAI messages → Converse `system` + `messages`.
 *
 * Bedrock wants a conversation that starts with a user turn and alternates roles, with no blank text
 * (docs/bedrock-protocol.md, "Conversation shape"), while OpenAI allows system messages anywhere, consecutive messages of
 * one role, tool results as separate messages and empty strings. So: system and developer messages are
 * collected into `system` in order; blank text is dropped; consecutive messages of one role (tool results
 * count as user content) are merged into one turn.
 */
export function mapMessages(input: ChatMessage[], model: string, ctx: DialectContext): MappedConversation {
  const system: SystemContentBlock[] = [];
  const messages: Message[] = [];
  let current: Message | undefined;
  /** Ids of the tool calls the latest assistant turn made: the only ones a tool message may answer. */
  let openCalls = new Set<string>();
  const push = (role: ConversationRole, blocks: ContentBlock[], index: number) => {
    if (blocks.length === 0) return;
    if (current && current.role === role) {
      current.content!.push(...blocks);
      return;
    }
    if (!current && role === 'assistant') {
      throw invalidRequest(
        `A conversation must start with a user message after any system messages; messages[${index}] is an assistant message.`,
        `messages[${index}]`,
        'invalid_value',
      );
    }
    current = { role, content: blocks };
    messages.push(current);
  };

  input.forEach((m, i) => {
    // Bedrock wants every tool call answered in the very next turn ("Expected toolResult blocks at …").
    if ((m.role === 'user' || m.role === 'assistant') && openCalls.size > 0) unansweredCalls(openCalls, i);
    switch (m.role) {
      case 'system':
      case 'developer':
        system.push(...systemBlocks(m.content));
        break;
      case 'user':
        push('user', mapUserContent(m.content, `messages[${i}].content`, model, ctx), i);
        break;
      case 'assistant':
        openCalls = new Set((m.tool_calls ?? []).map((c) => c.id));
        push('assistant', mapAssistantContent(m, i), i);
        break;
      case 'tool':
        if (!openCalls.has(m.tool_call_id)) {
          throw invalidRequest(
            `Invalid 'messages[${i}].tool_call_id': '${m.tool_call_id}' does not answer any tool call of the preceding assistant message.`,
            `messages[${i}].tool_call_id`,
            'unknown_tool_call',
          );
        }
        push('user', [mapToolMessage(m)], i);
        openCalls.delete(m.tool_call_id);
        break;
    }
  });

  if (messages.length === 0) {
    throw invalidRequest(
      'The conversation has no user content to send to the model.',
      'messages',
      'invalid_value',
    );
  }
  return { system, messages };
}

/** OpenAI's own 400 for tool calls a conversation goes on without answering. */
function unansweredCalls(open: Set<string>, i: number): never {
  throw invalidRequest(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
    `messages[${i}]`,
    'missing_tool_results',
  );
}
