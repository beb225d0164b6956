import type { ContentBlock, ConverseRequest, Message } from '../engine/converse.types';
import { validationError } from '../engine/engine.errors';

// Real Bedrock messages (docs/bedrock-protocol.md §3.1, public issue threads cited in emulator/docs/engine.md).
export const MUST_START_WITH_USER =
  'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
export const MUST_ALTERNATE =
  'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
export const TOOL_CONFIG_REQUIRED =
  'The toolConfig field must be defined when using toolUse and toolResult content blocks.';

export function emptyContent(i: number): string {
  return `The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`;
}

export function blankText(i: number, j: number): string {
  return `The text field in the ContentBlock object at messages.${i}.content.${j} is blank. Add text to the text field, and try again.`;
}

export function unansweredToolResult(i: number): string {
  return `The number of toolResult blocks at messages.${i}.content exceeds the number of toolUse blocks of previous turn.`;
}

export function missingToolResults(i: number, ids: string[]): string {
  return `Expected toolResult blocks at messages.${i}.content for the following Ids: ${ids.join(', ')}`;
}

/** Every toolUse of an assistant turn must be answered by a toolResult in the user turn right after it. */
function checkToolUsesAnswered(messages: Message[], i: number): void {
  if (messages[i].role !== 'assistant' || i + 1 >= messages.length) return;
  const answered = new Set(
    messages[i + 1].content.flatMap((b) => (b.toolResult ? [b.toolResult.toolUseId] : [])),
  );
  const missing = messages[i].content.flatMap((b) =>
    b.toolUse && !answered.has(b.toolUse.toolUseId) ? [b.toolUse.toolUseId] : [],
  );
  if (missing.length > 0) throw validationError(missingToolResults(i + 1, missing));
}

function checkBlocks(message: Message, i: number, usesTools: { value: boolean }): void {
  message.content.forEach((block: ContentBlock, j: number) => {
    if (block.text !== undefined && block.text.trim().length === 0) throw validationError(blankText(i, j));
    if (block.toolUse || block.toolResult) usesTools.value = true;
  });
}

/** A toolResult must answer a toolUse of the assistant turn right before it. */
function checkToolResults(messages: Message[], i: number): void {
  const results = messages[i].content.filter((b) => b.toolResult);
  if (results.length === 0) return;
  const previous = i > 0 ? messages[i - 1].content : [];
  const ids = new Set(previous.flatMap((b) => (b.toolUse ? [b.toolUse.toolUseId] : [])));
  if (results.length > ids.size || results.some((b) => !ids.has(b.toolResult!.toolUseId))) {
    throw validationError(unansweredToolResult(i));
  }
}

/** Conversation-shape rules Bedrock applies to every model before the model sees the request. */
export function checkConversation(request: ConverseRequest): void {
  const messages = request.messages ?? [];
  const usesTools = { value: false };
  messages.forEach((message, i) => {
    if (i === 0 && message.role !== 'user') throw validationError(MUST_START_WITH_USER);
    if (i > 0 && message.role === messages[i - 1].role) throw validationError(MUST_ALTERNATE);
    if (message.role === 'system') throw validationError(MUST_ALTERNATE);
    if (message.content.length === 0) throw validationError(emptyContent(i));
    checkBlocks(message, i, usesTools);
  });
  if (usesTools.value && !request.toolConfig) throw validationError(TOOL_CONFIG_REQUIRED);
  messages.forEach((_, i) => {
    checkToolUsesAnswered(messages, i);
    checkToolResults(messages, i);
  });
}
