import type { ContentBlock, ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import type { ReasoningDetail, ToolCall } from '../../chat/dto/chat-request.types';
import type { AssistantResponseMessage, ChatCompletion } from '../../chat/dto/chat-response.types';
import type { CompletionMeta } from './completion-meta';
import { convertUsage } from './convert-usage';
import { mapFinishReason } from './map-finish-reason';
import { finishStructuredOutput } from './structured-output/finish-structured-output';

interface Collected {
  text: string;
  /** Input of the structured-output tool, when the model answered through it. */
  structured?: string;
  reasoning: string;
  details: ReasoningDetail[];
  toolCalls: ToolCall[];
}

function collect(blocks: ContentBlock[], meta: CompletionMeta): Collected {
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
    } else if (block.toolUse && block.toolUse.name === meta.structured?.toolName) {
      out.structured = JSON.stringify(block.toolUse.input ?? {});
    } else if (block.toolUse) {
      if (meta.singleToolCall && out.toolCalls.length === 1) continue;
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
 * Converse output → `chat.completion`. Text blocks are concatenated into `content` (text beside tool calls is
 * kept); reasoning goes to `reasoning_content`, never into `content`, and the signed blocks to
 * `reasoning_details` so a client can send them back for the next turn.
 */
export function toChatCompletion(out: ConverseResponse, meta: CompletionMeta): ChatCompletion {
  const c = collect(out.output?.message?.content ?? [], meta);
  let content: string | null = c.text === '' && c.toolCalls.length > 0 ? null : c.text;
  let finish = mapFinishReason(out.stopReason);
  const plan = meta.structured;
  if (plan && c.toolCalls.length === 0) {
    // The answer came through the response tool (or as text): it is the message content, and the turn is done.
    content = finishStructuredOutput(c.structured ?? c.text, plan);
    if (finish === 'tool_calls') finish = 'stop';
  }
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
  };
}
