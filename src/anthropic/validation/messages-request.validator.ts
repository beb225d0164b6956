import type { AnthropicMessagesRequest } from '../anthropic-request.types';
import {
  invalid,
  isObject,
  Json,
  oneOf,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringArray,
  requireArray,
  requireObject,
  requireString,
  required,
  wrongType,
} from './anthropic-checks';
import { checkBlock, checkContent } from './content-blocks.validator';

const ROLES = ['user', 'assistant', 'system'] as const;
/** Anthropic's pattern for tool names (Converse takes at most 64: converse/to-inference-request.ts). */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const EFFORTS = ['low', 'medium', 'high', 'max'] as const;

function checkSystem(value: unknown): void {
  if (value === undefined || value === null || typeof value === 'string') return;
  requireArray(value, 'system').forEach((block, i) => {
    checkBlock(block, `system.${i}`);
    if ((block as Json).type !== 'text') throw invalid(`system.${i}.type`, "Input should be 'text'");
  });
}

/** Anthropic's API, and Bedrock's Claude body, refuse a turn without content, or text that is only whitespace. */
function checkNoBlankText(content: string | Json[], path: string): void {
  const blank = (text: unknown) => typeof text === 'string' && text.trim() === '';
  if (typeof content === 'string') {
    if (blank(content)) throw invalid(path, 'text content blocks must be non-empty');
    return;
  }
  if (content.length === 0) throw invalid(path, 'List should have at least 1 item after validation, not 0');
  content.forEach((block, j) => {
    if (block.type === 'text' && blank(block.text))
      throw invalid(`${path}.${j}.text`, 'text content blocks must be non-empty');
  });
}

function checkMessages(value: unknown): void {
  const messages = requireArray(value, 'messages');
  if (messages.length === 0)
    throw invalid('messages', 'List should have at least 1 item after validation, not 0');
  const calls = new ToolCallPairing();
  let first = true;
  messages.forEach((m, i) => {
    const message = requireObject(m, `messages.${i}`);
    const role = oneOf(message.role, `messages.${i}.role`, ROLES);
    checkContent(message.content, `messages.${i}.content`);
    checkOutputConfig(message.output_config, `messages.${i}.output_config`);
    if (role === 'system') return;
    const content = message.content as string | Json[];
    checkNoBlankText(content, `messages.${i}.content`);
    // Bedrock takes no conversation that opens with the model's turn (Converse and Claude's body alike).
    if (first && role === 'assistant')
      throw invalid(`messages.${i}.role`, 'the first message must use the "user" role');
    first = false;
    if (typeof content !== 'string') checkBlockRoles(role, content, i);
    calls.message(role, typeof content === 'string' ? [] : content, i);
  });
  calls.end();
}

/** Blocks only one side of the conversation sends (Bedrock refuses them on the other side). */
const ONLY_FROM: Record<string, 'user' | 'assistant'> = {
  tool_use: 'assistant',
  thinking: 'assistant',
  redacted_thinking: 'assistant',
  tool_result: 'user',
  image: 'user',
  document: 'user',
};

function checkBlockRoles(role: 'user' | 'assistant', blocks: Json[], index: number): void {
  blocks.forEach((b, j) => {
    const only = ONLY_FROM[String(b.type)];
    if (only !== undefined && only !== role)
      throw invalid(
        `messages.${index}.content.${j}.type`,
        `'${String(b.type)}' blocks may only appear in ${only} messages`,
      );
  });
}

/**
 * Anthropic's API (and Bedrock, for every family) wants each `tool_use` of an assistant turn answered by a
 * `tool_result` in the user turn right after it, and no `tool_result` that answers nothing. Consecutive
 * messages of one role count as one turn, as Anthropic joins them.
 */
class ToolCallPairing {
  /** tool_use ids of the latest assistant turn not yet answered, with the message that made them. */
  private pending = new Map<string, number>();
  private role: 'user' | 'assistant' | undefined;

  message(role: 'user' | 'assistant', blocks: Json[], index: number): void {
    if (role === 'assistant') {
      if (this.role === 'user') this.unanswered();
      if (this.role !== 'assistant') this.pending = new Map();
      for (const b of blocks) if (b.type === 'tool_use') this.pending.set(String(b.id), index);
    } else {
      blocks.forEach((b, j) => {
        if (b.type !== 'tool_result') return;
        const id = String(b.tool_use_id);
        if (this.pending.delete(id)) return;
        throw invalid(
          `messages.${index}.content.${j}`,
          `unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      });
    }
    this.role = role;
  }

  /** The conversation ends: a user turn must have answered every call before it. */
  end(): void {
    if (this.role === 'user') this.unanswered();
  }

  private unanswered(): void {
    const [id, index] = this.pending.entries().next().value ?? [];
    if (id === undefined) return;
    throw invalid(
      `messages.${index}`,
      `\`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${id}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
    );
  }
}

function checkTools(value: unknown): void {
  if (value === undefined || value === null) return;
  requireArray(value, 'tools').forEach((t, i) => {
    const tool = requireObject(t, `tools.${i}`);
    const name = requireString(tool.name, `tools.${i}.name`);
    if (!TOOL_NAME.test(name))
      throw invalid(`tools.${i}.name`, "String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
    const type = optionalString(tool.type, `tools.${i}.type`);
    if (type === undefined || type === 'custom') {
      requireObject(tool.input_schema, `tools.${i}.input_schema`);
      optionalString(tool.description, `tools.${i}.description`);
    }
  });
}

function checkToolChoice(value: unknown): void {
  const choice = optionalObject(value, 'tool_choice');
  if (!choice) return;
  const type = oneOf(choice.type, 'tool_choice.type', ['auto', 'any', 'tool', 'none']);
  if (type === 'tool') requireString(choice.name, 'tool_choice.name');
  optionalBoolean(choice.disable_parallel_tool_use, 'tool_choice.disable_parallel_tool_use');
}

function checkThinking(value: unknown, maxTokens: number | undefined): void {
  const thinking = optionalObject(value, 'thinking');
  if (!thinking) return;
  const type = oneOf(thinking.type, 'thinking.type', ['enabled', 'disabled', 'adaptive']);
  if (type !== 'enabled') return;
  const budget = optionalNumber(thinking.budget_tokens, 'thinking.enabled.budget_tokens', {
    integer: true,
    min: 1024,
  });
  if (budget === undefined) throw required('thinking.enabled.budget_tokens');
  if (maxTokens !== undefined && budget >= maxTokens) {
    throw invalid('max_tokens', 'must be greater than `thinking.budget_tokens`');
  }
}

function checkOutputConfig(value: unknown, path: string): void {
  const config = optionalObject(value, path);
  if (config?.effort !== undefined) oneOf(config.effort, `${path}.effort`, EFFORTS);
}

/**
 * Anthropic's Messages request, validated in place (no copy of the message array, which can be megabytes for
 * Claude Code): types, required members and ranges Anthropic's API enforces, with its field paths. Members
 * this gateway does not know are left in the body for the back-end to keep or drop.
 */
export function validateMessagesRequest(
  value: unknown,
  { countOnly = false } = {},
): AnthropicMessagesRequest {
  if (!isObject(value)) throw wrongType('body', 'object');
  const model = requireString(value.model, 'model');
  if (model === '') throw invalid('model', 'String should have at least 1 character');
  let maxTokens: number | undefined;
  if (!countOnly) {
    if (value.max_tokens === undefined || value.max_tokens === null) throw required('max_tokens');
    maxTokens = optionalNumber(value.max_tokens, 'max_tokens', { integer: true, min: 1 });
  }
  checkMessages(value.messages);
  checkSystem(value.system);
  optionalNumber(value.temperature, 'temperature', { min: 0, max: 1 });
  optionalNumber(value.top_p, 'top_p', { min: 0, max: 1 });
  optionalNumber(value.top_k, 'top_k', { min: 0, integer: true });
  optionalStringArray(value.stop_sequences, 'stop_sequences');
  optionalBoolean(value.stream, 'stream');
  checkTools(value.tools);
  checkToolChoice(value.tool_choice);
  checkThinking(value.thinking, maxTokens);
  checkOutputConfig(value.output_config, 'output_config');
  optionalObject(value.context_management, 'context_management');
  const metadata = optionalObject(value.metadata, 'metadata');
  if (metadata) optionalString(metadata.user_id, 'metadata.user_id');
  return value as unknown as AnthropicMessagesRequest;
}
