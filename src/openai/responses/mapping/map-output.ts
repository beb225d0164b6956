import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { OutputItem, OutputMessageItem } from '../dto/response-object.types';
import { functionCallFromToolUse, OutputContext, reasoningItem, textContent } from './output-items';
import { newId } from './response-ids';

/**
 * Converse content blocks → Responses output items, in order: reasoning items, one assistant message per text
 * block (as the stream gives them), function calls (names mapped back to the client's, namespaced or not).
 */
export function mapOutput(
  content: ContentBlock[],
  ctx: OutputContext,
): { output: OutputItem[]; reasoningChars: number } {
  const output: OutputItem[] = [];
  let reasoningChars = 0;
  for (const block of content) {
    if (block.text !== undefined) {
      const message: OutputMessageItem = {
        type: 'message',
        id: newId('msg'),
        role: 'assistant',
        status: 'completed',
        content: [textContent(block.text)],
      };
      output.push(message);
    } else if (block.reasoningContent) {
      reasoningChars += block.reasoningContent.reasoningText?.text?.length ?? 0;
      output.push(reasoningItem(newId('rs'), block.reasoningContent, ctx));
    } else if (block.toolUse) output.push(functionCallFromToolUse(block.toolUse, ctx));
  }
  return { output, reasoningChars };
}
