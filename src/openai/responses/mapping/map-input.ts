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
 * Bedrock wants every function call of a model turn answered in the very next turn, and no answer to a call
 * that turn did not make ("Expected toolResult blocks at …"); OpenAI refuses the same conversations ("No tool
 * output found for function call …"). This keeps the account while the items are mapped.
 */
class CallLedger {
  /** Calls of the current (or just ended) model turn: call_id → the param of its item. */
  private made = new Map<string, string>();
  /** Calls the current user turn still has to answer. */
  private open = new Map<string, string>();
  private role: ConversationRole | undefined;

  called(callId: string, param: string): void {
    this.made.set(callId, param);
  }

  answered(callId: string, param: string): void {
    if (!this.open.delete(callId)) {
      throw invalidRequest(
        `Invalid '${param}.call_id': '${callId}' answers no function_call of the model's turn just before it.`,
        `${param}.call_id`,
        'unknown_tool_call',
      );
    }
  }

  /** A new turn starts (or the input ends): the turn that ends must leave no call unanswered. */
  turn(next: ConversationRole | 'end'): void {
    if (this.role === 'user' || (next === 'end' && this.role === 'assistant')) {
      const pending = this.role === 'user' ? this.open : this.made;
      const [callId, param] = pending.entries().next().value ?? [];
      if (callId !== undefined) {
        throw invalidRequest(
          `No tool output found for function call '${callId}' (${param}): a function_call_output must answer it before the conversation goes on.`,
          param ?? null,
          'missing_tool_results',
        );
      }
    }
    if (next === 'user') {
      this.open = this.made;
      this.made = new Map();
    } else if (next === 'assistant') this.made = new Map();
    if (next !== 'end') this.role = next;
  }
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
  const calls = new CallLedger();
  const push = (role: ConversationRole, blocks: ContentBlock[], param: string) => {
    if (blocks.length === 0) return;
    const last = messages[messages.length - 1];
    if (last?.role === role) last.content!.push(...blocks);
    else if (!last && role === 'assistant') {
      // Bedrock refuses a conversation whose first turn is the model's.
      throw invalidRequest(
        `A conversation must start with user input after any system or developer messages; ${param} is the model's.`,
        param,
        'invalid_value',
      );
    } else {
      calls.turn(role);
      messages.push({ role, content: blocks });
    }
  };
  for (const { item, param } of items) {
    const type = item.type ?? 'message';
    if (type === 'message') {
      const m = item as MessageItem;
      if (m.role === 'system' || m.role === 'developer') {
        const text = systemText(m);
        if (text.trim()) system.push({ text });
      } else push(m.role, messageBlocks(m, param, ctx), param);
    } else if (type === 'function_call') {
      const call = item as FunctionCallItem;
      push('assistant', [toolUse(call, param)], param);
      calls.called(call.call_id, param);
    } else if (type === 'function_call_output') {
      const output = item as FunctionCallOutputItem;
      push('user', [toolResult(output, param, ctx)], param);
      calls.answered(output.call_id, param);
    } else if (type === 'reasoning') {
      const block = reasoning(item as ReasoningInputItem, param, ctx);
      if (block) push('assistant', [block], param);
    }
  }
  calls.turn('end');
  return { system, messages };
}
