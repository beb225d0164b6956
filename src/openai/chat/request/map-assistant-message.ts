import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../../common/errors/api-error';
import type { AssistantMessage, ReasoningDetail } from '../chat-request.types';

type JsonDocument = NonNullable<NonNullable<ContentBlock['toolUse']>['input']>;

/**
 * Signed reasoning goes back to Claude exactly as received ("include the text and its signature unmodified",
 * ReasoningTextBlock.signature in the service model): without it a thinking + tools conversation is rejected.
 * Unsigned reasoning (DeepSeek R1) is not sent back; R1 is meant not to see earlier chains of thought. Whether
 * a model gets signed reasoning back at all is its family's decision (only Claude's thinking models do).
 */
function reasoningBlocks(details: ReasoningDetail[] | undefined): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  for (const d of details ?? []) {
    if (d.type === 'reasoning.encrypted' && d.data) {
      blocks.push({ reasoningContent: { redactedContent: Buffer.from(d.data, 'base64') } });
    } else if (d.signature && d.text !== undefined) {
      blocks.push({ reasoningContent: { reasoningText: { text: d.text, signature: d.signature } } });
    }
  }
  return blocks;
}

function parseArguments(args: string, param: string): JsonDocument {
  if (!args.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(args);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as JsonDocument;
  } catch {
    // fall through to the 400 below
  }
  throw invalidRequest(
    `Invalid '${param}': the arguments of a tool call must be a JSON object.`,
    param,
    'invalid_value',
  );
}

/** An assistant message → Converse blocks: reasoning first, then text, then tool calls (Claude's order). */
export function mapAssistantContent(m: AssistantMessage, i: number): ContentBlock[] {
  const blocks = reasoningBlocks(m.reasoning_details);
  if (typeof m.content === 'string') {
    if (m.content.trim()) blocks.push({ text: m.content });
  } else if (Array.isArray(m.content)) {
    for (const part of m.content) {
      const text = part.type === 'text' ? part.text : part.refusal;
      if (text.trim()) blocks.push({ text });
    }
  }
  m.tool_calls?.forEach((call, j) => {
    blocks.push({
      toolUse: {
        toolUseId: call.id,
        name: call.function.name,
        input: parseArguments(call.function.arguments, `messages[${i}].tool_calls[${j}].function.arguments`),
      },
    });
  });
  return blocks;
}
