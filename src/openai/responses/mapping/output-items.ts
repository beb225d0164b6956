import type { ReasoningContentBlock, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import type {
  OutputFunctionCallItem,
  OutputReasoningItem,
  OutputTextContent,
} from '../dto/response-object.types';
import type { ReasoningSealer } from '../reasoning/reasoning-sealer';
import { newId } from './response-ids';
import type { ToolNames } from './tool-names';

/** What the output mappers (whole answer and stream) need to know about the request. */
export interface OutputContext {
  names: ToolNames;
  sealer: ReasoningSealer;
  owner: string;
  /** `reasoning.summary` was asked for: the thinking text is given as the summary. */
  summary: boolean;
  /** Seal the thinking into `encrypted_content` (asked for through `include`, or kept for the store). */
  seal: boolean;
}

export const textContent = (text: string): OutputTextContent => ({
  type: 'output_text',
  text,
  annotations: [],
  logprobs: [],
});

export function functionCallItem(
  id: string,
  callId: string,
  flatName: string,
  args: string,
  ctx: OutputContext,
): OutputFunctionCallItem {
  const q = ctx.names.resolve(flatName);
  return {
    type: 'function_call',
    id,
    call_id: callId,
    name: q.name,
    ...(q.namespace ? { namespace: q.namespace } : {}),
    arguments: args,
    status: 'completed',
  };
}

export const functionCallFromToolUse = (t: ToolUseBlock, ctx: OutputContext): OutputFunctionCallItem =>
  functionCallItem(newId('fc'), t.toolUseId!, t.name!, JSON.stringify(t.input ?? {}), ctx);

/**
 * A reasoning item: Claude's thinking text as the summary when one was asked for (Claude 4 already
 * summarises its thinking), and the whole block — signature included — sealed into `encrypted_content`.
 */
export function reasoningItem(
  id: string,
  block: ReasoningContentBlock,
  ctx: OutputContext,
): OutputReasoningItem {
  const text = block.reasoningText?.text ?? '';
  return {
    type: 'reasoning',
    id,
    summary: ctx.summary && text ? [{ type: 'summary_text', text }] : [],
    ...(ctx.seal ? { encrypted_content: ctx.sealer.seal(block, ctx.owner) } : {}),
  };
}
