import { createHash } from 'node:crypto';
import type { CatalogModel } from '../../catalog/catalog.types';
import { validationError } from '../../engine/engine.errors';
import { checkThinking } from '../../validation/thinking.rules';
import type { FieldSpec, ObjectSpec } from '../../validation/native-schema';
import type { FinalReply, OutBlock } from '../reply.types';
import { wordChunks } from '../words';
import { asArray, checkClaudeBody, nativeMessage, nativeSystem, nativeTools } from './claude.native-request';
import type { NativeChatAdapter, NativeContext, NativeTurn } from './native.types';

type Json = Record<string, unknown>;

const NUMBER_0_1: FieldSpec = { type: 'number', minimum: 0, maximum: 1 };
const STRINGS: FieldSpec = { type: 'array', items: { type: 'string' } };

/** Anthropic Messages on Bedrock (docs/bedrock-protocol.md §8.5). `messages` missing reads oddly, but that is the real text. */
const SPEC: ObjectSpec = {
  closed: true,
  required: ['messages', 'max_tokens', 'anthropic_version'],
  missing: { messages: '#: subject must not be valid against schema {"required":["messages"]}' },
  fields: {
    anthropic_version: { type: 'string', enum: ['bedrock-2023-05-31'] },
    anthropic_beta: STRINGS,
    max_tokens: { type: 'integer', minimum: 1 },
    system: { type: ['string', 'array'] },
    messages: {
      type: 'array',
      items: {
        type: 'object',
        object: {
          required: ['role', 'content'],
          fields: {
            role: { type: 'string', enum: ['user', 'assistant'] },
            content: { type: ['string', 'array'], minItems: 1 },
          },
        },
      },
    },
    temperature: NUMBER_0_1,
    top_p: NUMBER_0_1,
    top_k: { type: 'integer', minimum: 0 },
    stop_sequences: STRINGS,
    tools: { type: 'array' },
    tool_choice: {
      type: 'object',
      object: {
        required: ['type'],
        fields: {
          type: { type: 'string', enum: ['auto', 'any', 'tool', 'none'] },
          name: { type: 'string' },
          disable_parallel_tool_use: { type: 'boolean' },
        },
      },
    },
    thinking: { type: 'object' },
    metadata: { type: 'object' },
    // Accepted only with their beta flag (claude.native-request.ts).
    context_management: { type: 'object' },
    output_config: { type: 'object' },
  },
};

export { EMPTY_TEXT_BLOCK } from './claude.native-request';

function turn(body: Json, model: CatalogModel): NativeTurn {
  checkClaudeBody(body, model, anthropicModelName(model));
  const thinking = body.thinking as Json | undefined;
  const budget =
    thinking?.type === 'enabled' && model.chat?.reasoning === 'thinking'
      ? Number(thinking.budget_tokens)
      : undefined;
  const maxTokens = body.max_tokens as number;
  if (budget !== undefined && budget < 1024) {
    throw validationError('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
  }
  if (budget !== undefined && maxTokens <= budget) {
    throw validationError('`max_tokens` must be greater than `thinking.budget_tokens`.');
  }
  const request = {
    system: nativeSystem(body.system),
    messages: asArray(body.messages).map(nativeMessage),
    toolConfig: nativeTools(body),
    inferenceConfig: { temperature: body.temperature as number, topP: body.top_p as number },
  };
  // Signed history, forced tools and sampling are checked as for Converse (same Anthropic rules).
  if (budget !== undefined) checkThinking({ key: 'thinking', budgetTokens: budget }, request, maxTokens);
  return {
    request,
    maxTokens,
    stopSequences: body.stop_sequences as string[] | undefined,
    thinkingBudget: budget,
    singleToolCall: ((body.tool_choice ?? {}) as Json).disable_parallel_tool_use === true,
  };
}

/** `claude-3-haiku-20240307` from `anthropic.claude-3-haiku-20240307-v1:0`, as the Messages API names it. */
function anthropicModelName(model: CatalogModel): string {
  return model.modelId.replace(/^anthropic\./, '').replace(/-v\d+(:\d+)?$/, '');
}

function messageId(raw: Buffer): string {
  return `msg_bdrk_${createHash('sha256').update(raw).digest('base64url').slice(0, 24)}`;
}

/** Native tool ids follow Anthropic's `toolu_bdrk_` form; the suffix is the Converse id's. */
function nativeToolId(id: string): string {
  return id.replace(/^tooluse_/, 'toolu_bdrk_');
}

function contentOf(b: OutBlock): Json {
  if (b.kind === 'reasoning') return { type: 'thinking', thinking: b.text, signature: b.signature ?? '' };
  if (b.kind === 'text') return { type: 'text', text: b.text };
  return { type: 'tool_use', id: nativeToolId(b.toolUseId), name: b.name, input: b.input };
}

/** Anthropic's usage: `input_tokens` excludes what was read from or written to the prompt cache. */
function usageOf(ctx: NativeContext): Json {
  const read = ctx.cache?.read ?? 0;
  const write = ctx.cache?.write ?? 0;
  const usage: Json = { input_tokens: ctx.inputTokens - read - write, output_tokens: ctx.outputTokens };
  if (ctx.cache) Object.assign(usage, { cache_creation_input_tokens: write, cache_read_input_tokens: read });
  return usage;
}

function stopFields(reply: FinalReply): Json {
  return { stop_reason: reply.stopReason, stop_sequence: reply.stopSequence ?? null };
}

function response(reply: FinalReply, ctx: NativeContext): Json {
  return {
    id: messageId(ctx.rawBody),
    type: 'message',
    role: 'assistant',
    model: anthropicModelName(ctx.model),
    content: reply.blocks.map(contentOf),
    ...stopFields(reply),
    usage: usageOf(ctx),
  };
}

function blockChunks(b: OutBlock, index: number): Json[] {
  const start: Json =
    b.kind === 'toolUse'
      ? { type: 'tool_use', id: nativeToolId(b.toolUseId), name: b.name, input: {} }
      : b.kind === 'reasoning'
        ? { type: 'thinking', thinking: '' }
        : { type: 'text', text: '' };
  const out: Json[] = [{ type: 'content_block_start', index, content_block: start }];
  const delta = (d: Json) => out.push({ type: 'content_block_delta', index, delta: d });
  if (b.kind === 'toolUse') delta({ type: 'input_json_delta', partial_json: JSON.stringify(b.input) });
  else if (b.kind === 'reasoning') {
    for (const piece of wordChunks(b.text)) delta({ type: 'thinking_delta', thinking: piece });
    if (b.signature) delta({ type: 'signature_delta', signature: b.signature });
  } else for (const piece of wordChunks(b.text)) delta({ type: 'text_delta', text: piece });
  out.push({ type: 'content_block_stop', index });
  return out;
}

/** Anthropic's stream events (docs/bedrock-protocol.md §4.4); the handler appends Bedrock's invocation metrics to the last. */
function chunks(reply: FinalReply, ctx: NativeContext): Json[] {
  const start = response({ ...reply, blocks: [] }, { ...ctx, outputTokens: 1 });
  const out: Json[] = [
    { type: 'message_start', message: { ...start, content: [], stop_reason: null, stop_sequence: null } },
  ];
  reply.blocks.forEach((b, i) => out.push(...blockChunks(b, i)));
  out.push({ type: 'message_delta', delta: stopFields(reply), usage: { output_tokens: ctx.outputTokens } });
  out.push({ type: 'message_stop' });
  return out;
}

export const claudeNative: NativeChatAdapter = { spec: SPEC, turn, response, chunks };
