import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { InferenceResponse } from '../../../inference/inference-response';
import type { ReasoningDetail, ToolCall } from '../chat-request.types';
import type { AssistantResponseMessage, ChatCompletion } from '../chat-response.types';
import type { CompletionMeta } from './completion-meta';
import { convertUsage } from './convert-usage';
import { mapFinishReason } from './map-finish-reason';

interface Collected {
  text: string;
  reasoning: string;
  details: ReasoningDetail[];
  toolCalls: ToolCall[];
}

function collect(blocks: ContentBlock[]): Collected {
  const out: Collected = { text: '', reasoning: '', details: [], toolCalls: [] };
  for (const block of blocks) {
    if (block.text !== undefined) {
      out.text += block.text;
    } else if (block.reasoningContent) {
      const r = block.reasoningContent;
      if (r.reasoningText) {
        out.reasoning += r.reasoningText.text ?? '';
        out.details.push({
          type: 'reasoning.text',
          text: r.reasoningText.text ?? '',
          signature: r.reasoningText.signature,
        });
      } else if (r.redactedContent) {
        out.details.push({
          type: 'reasoning.encrypted',
          data: Buffer.from(r.redactedContent).toString('base64'),
        });
      }
    } else if (block.toolUse) {
      out.toolCalls.push({
        id: block.toolUse.toolUseId ?? '',
        type: 'function',
        function: { name: block.toolUse.name ?? '', arguments: JSON.stringify(block.toolUse.input ?? {}) },
      });
    }
  }
  return out;
}

/**
 * The internal answer → `chat.completion`. Text blocks are concatenated into `content` (text beside tool calls is
 * kept); reasoning goes to `reasoning_content`, never into `content`, and the signed blocks to
 * `reasoning_details` so a client can send them back for the next turn.
 */
export function toChatCompletion(out: InferenceResponse, meta: CompletionMeta): ChatCompletion {
  const c = collect(out.content);
  const content: string | null = c.text === '' && c.toolCalls.length > 0 ? null : c.text;
  const finish = mapFinishReason(out.stopReason);
  const message: AssistantResponseMessage = { role: 'assistant', content, refusal: null };
  if (c.toolCalls.length > 0) message.tool_calls = c.toolCalls;
  if (c.details.length > 0) {
    message.reasoning_content = c.reasoning;
    message.reasoning_details = c.details;
  }
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    usage: convertUsage(out.usage, c.details.length > 0),
    system_fingerprint: null,
  };
}
