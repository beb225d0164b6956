import type {
  ContentBlock,
  ConversationRole,
  Message,
  SystemContentBlock,
  ToolResultContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest, unsupportedFeature } from '../../../common/errors/api-error';
import type { ModelInputs } from '../../../inference/inference';
import type { MediaResolver } from '../../../media/media.service';
import type {
  ContentPart,
  FunctionCallItem,
  FunctionCallOutputItem,
  InputItem,
  MessageItem,
  ReasoningInputItem,
  ToolOutputPart,
} from '../dto/responses-request.types';
import type { ReasoningSealer } from '../reasoning/reasoning-sealer';
import { flatToolName } from './tool-names';

export interface InputContext {
  /** The model as the client named it (for refusals). */
  model: string;
  /** What the model takes besides text (an image for a model without vision is a 400 naming the part). */
  inputs: ModelInputs;
  /** Media parts → Bedrock blocks (remote images already fetched). */
  media: MediaResolver;
  sealer: ReasoningSealer;
  /** The API key name the request came with (sealed reasoning is bound to it). */
  owner: string;
}

export interface MappedInput {
  system: SystemContentBlock[];
  messages: Message[];
}

/** Items of a conversation as sent, each with the param that names it in the client's request. */
export interface LocatedItem {
  item: InputItem;
  param: string;
}

function userPart(
  part: ContentPart | ToolOutputPart,
  param: string,
  ctx: InputContext,
): ContentBlock | undefined {
  switch (part.type) {
    case 'input_text':
      return part.text.trim() ? { text: part.text } : undefined;
    case 'input_image':
      if (!ctx.inputs.images) throw unsupportedFeature(ctx.model, 'image input', param);
      return { image: ctx.media.image(part.image_url!, param) };
    case 'input_file':
      if (!ctx.inputs.documents) throw unsupportedFeature(ctx.model, 'document input', param);
      return {
        document: ctx.media.document({ file: { file_data: part.file_data, filename: part.filename } }, param),
      };
    case 'output_text':
      return part.text.trim() ? { text: part.text } : undefined;
    case 'refusal':
      return part.refusal.trim() ? { text: part.refusal } : undefined;
  }
}

function messageBlocks(item: MessageItem, param: string, ctx: InputContext): ContentBlock[] {
  if (typeof item.content === 'string') return item.content.trim() ? [{ text: item.content }] : [];
  const blocks: ContentBlock[] = [];
  item.content.forEach((part, j) => {
    const block = userPart(part, `${param}.content[${j}]`, ctx);
    if (block) blocks.push(block);
  });
  return blocks;
}

function systemText(item: MessageItem): string {
  if (typeof item.content === 'string') return item.content;
  return item.content.map((p) => ('text' in p ? p.text : '')).join('\n');
}

function toolUse(item: FunctionCallItem, param: string): ContentBlock {
  let input: unknown;
  try {
    input = item.arguments.trim() === '' ? {} : JSON.parse(item.arguments);
  } catch {
    throw invalidRequest(
      `Invalid '${param}.arguments': not valid JSON.`,
      `${param}.arguments`,
      'invalid_value',
    );
  }
  return {
    toolUse: {
      toolUseId: item.call_id,
      name: flatToolName({ name: item.name, namespace: item.namespace }),
      input: input as never,
    },
  };
}

function toolResult(item: FunctionCallOutputItem, param: string, ctx: InputContext): ContentBlock {
  let content: ToolResultContentBlock[];
  if (typeof item.output === 'string') content = [{ text: item.output }];
  else {
    content = [];
    item.output.forEach((part, j) => {
      const block = userPart(part, `${param}.output[${j}]`, ctx);
      if (block) content.push(block as ToolResultContentBlock);
    });
  }
  // Bedrock refuses a blank text block; an empty output is still an answer to the call.
  if (content.length === 0 || (content.length === 1 && content[0].text?.trim() === ''))
    content = [{ text: '(no output)' }];
  return { toolResult: { toolUseId: item.call_id, content } };
}

function reasoning(item: ReasoningInputItem, param: string, ctx: InputContext): ContentBlock | undefined {
  // Without the sealed content there is nothing Bedrock would accept (the thinking must carry its signature).
  if (!item.encrypted_content) return undefined;
  return {
    reasoningContent: ctx.sealer.open(item.encrypted_content, ctx.owner, `${param}.encrypted_content`),
  };
}

/**
 * Responses input items → Converse system blocks and messages. `system`/`developer` messages become system
 * blocks (Converse has no mid-conversation system turn); function calls, their outputs and reasoning items
 * become toolUse, toolResult and reasoningContent blocks; consecutive items of one role are merged into one
 * turn, as Converse requires turns to alternate (Codex sends two user messages in a row).
 */
export function mapInput(
  instructions: string | null | undefined,
  items: LocatedItem[],
  ctx: InputContext,
): MappedInput {
  const system: SystemContentBlock[] = [];
  if (instructions?.trim()) system.push({ text: instructions });
  const messages: Message[] = [];
  const push = (role: ConversationRole, blocks: ContentBlock[]) => {
    if (blocks.length === 0) return;
    const last = messages[messages.length - 1];
    if (last?.role === role) last.content!.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  for (const { item, param } of items) {
    const type = item.type ?? 'message';
    if (type === 'message') {
      const m = item as MessageItem;
      if (m.role === 'system' || m.role === 'developer') {
        const text = systemText(m);
        if (text.trim()) system.push({ text });
      } else push(m.role, messageBlocks(m, param, ctx));
    } else if (type === 'function_call') push('assistant', [toolUse(item as FunctionCallItem, param)]);
    else if (type === 'function_call_output')
      push('user', [toolResult(item as FunctionCallOutputItem, param, ctx)]);
    else if (type === 'reasoning') {
      const block = reasoning(item as ReasoningInputItem, param, ctx);
      if (block) push('assistant', [block]);
    }
  }
  return { system, messages };
}
