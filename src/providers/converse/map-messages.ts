import type {
  ContentBlock,
  ConversationRole,
  Message,
  SystemContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest, unsupportedFeature } from '../../common/errors/api-error';
import type { ChatMessage, TextPart } from '../../chat/dto/chat-request.types';
import { mapAssistantContent } from './map-assistant-message';
import { mapToolMessage } from './map-tool-message';
import { mapUserContent } from './map-user-content';
import type { MappingContext } from './request-context';

export interface MappedConversation {
  system: SystemContentBlock[];
  messages: Message[];
}

const textOf = (content: string | TextPart[]): string =>
  typeof content === 'string' ? content : content.map((p) => p.text).join('\n');

/**
 * OpenAI messages → Converse `system` + `messages`.
 *
 * Bedrock wants a conversation that starts with a user turn and alternates roles, with no blank text
 * (../shared/docs/bedrock-wire.md §3.1), while OpenAI allows system messages anywhere, consecutive messages of
 * one role, tool results as separate messages and empty strings. So: system and developer messages are
 * collected into `system` in order; blank text is dropped; consecutive messages of one role (tool results
 * count as user content) are merged into one turn.
 */
export function mapMessages(input: ChatMessage[], ctx: MappingContext): MappedConversation {
  const system: SystemContentBlock[] = [];
  const messages: Message[] = [];
  let current: Message | undefined;
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
    switch (m.role) {
      case 'system':
      case 'developer': {
        const text = textOf(m.content);
        if (text.trim()) system.push({ text });
        break;
      }
      case 'user':
        push('user', mapUserContent(m.content, `messages[${i}].content`, ctx), i);
        break;
      case 'assistant':
        push('assistant', mapAssistantContent(m, i, ctx), i);
        break;
      case 'tool':
        push('user', [mapToolMessage(m, i, ctx)], i);
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
  return foldSystemIfUnsupported(system, messages, ctx);
}

/**
 * Models without system-prompt support (Titan Text, Mistral 7B, Mixtral) reject a `system` field; the text
 * is moved to the start of the first user turn instead, which keeps every instruction the client gave.
 */
function foldSystemIfUnsupported(
  system: SystemContentBlock[],
  messages: Message[],
  ctx: MappingContext,
): MappedConversation {
  if (system.length === 0 || ctx.model.profile.chat.systemPrompt) return { system, messages };
  const text = system.map((b) => b.text).join('\n\n');
  if (!text) throw unsupportedFeature(ctx.model.requested, 'system prompts', 'messages');
  messages[0].content!.unshift({ text });
  return { system: [], messages };
}
