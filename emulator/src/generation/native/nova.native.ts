import type { Message, SystemBlock, ToolConfig } from '../../engine/converse.types';
import type { FieldSpec, ObjectSpec } from '../../validation/native-schema';
import type { FinalReply, OutBlock } from '../reply.types';
import { wordChunks } from '../words';
import type { NativeChatAdapter, NativeContext } from './native.types';

type Json = Record<string, unknown>;

const NUMBER: FieldSpec = { type: 'number' };

/**
 * Amazon Nova's `messages-v1` body (Nova user guide, "complete request schema"): Converse-shaped system,
 * messages and toolConfig; `inferenceConfig` spells the limit `maxTokens` (AWS examples also use
 * `max_new_tokens`, so both are taken).
 */
const SPEC: ObjectSpec = {
  closed: true,
  required: ['messages'],
  fields: {
    schemaVersion: { type: 'string', enum: ['messages-v1'] },
    messages: { type: 'array', minItems: 1 },
    system: { type: 'array' },
    inferenceConfig: {
      type: 'object',
      object: {
        closed: true,
        fields: {
          maxTokens: { type: 'integer', minimum: 1 },
          max_new_tokens: { type: 'integer', minimum: 1 },
          temperature: { type: 'number', minimum: 0, maximum: 1 },
          topP: NUMBER,
          top_p: NUMBER,
          topK: { type: 'integer', minimum: 0 },
          top_k: { type: 'integer', minimum: 0 },
          stopSequences: { type: 'array', items: { type: 'string' } },
          reasoningConfig: { type: 'object' },
        },
      },
    },
    toolConfig: {
      type: 'object',
      object: { required: ['tools'], fields: { tools: { type: 'array', minItems: 1 } } },
    },
  },
};

function usage(ctx: NativeContext): Json {
  return {
    inputTokens: ctx.inputTokens,
    outputTokens: ctx.outputTokens,
    totalTokens: ctx.inputTokens + ctx.outputTokens,
  };
}

function contentOf(b: OutBlock): Json {
  if (b.kind === 'toolUse') return { toolUse: { toolUseId: b.toolUseId, name: b.name, input: b.input } };
  if (b.kind === 'reasoning') return { reasoningContent: { reasoningText: { text: b.text } } };
  return { text: b.text };
}

/** Nova streams ConverseStream's own events, one per chunk. */
function blockChunks(b: OutBlock, index: number): Json[] {
  const delta = (d: Json) => ({ contentBlockDelta: { delta: d, contentBlockIndex: index } });
  const out: Json[] = [];
  if (b.kind === 'toolUse') {
    out.push({
      contentBlockStart: {
        start: { toolUse: { toolUseId: b.toolUseId, name: b.name } },
        contentBlockIndex: index,
      },
    });
    out.push(delta({ toolUse: { input: JSON.stringify(b.input) } }));
  } else {
    for (const text of wordChunks(b.text))
      out.push(delta(b.kind === 'text' ? { text } : { reasoningContent: { text } }));
  }
  out.push({ contentBlockStop: { contentBlockIndex: index } });
  return out;
}

export const novaNative: NativeChatAdapter = {
  spec: SPEC,
  turn(body, model) {
    const config = (body.inferenceConfig ?? {}) as Json;
    const limit = config.maxTokens ?? config.max_new_tokens;
    return {
      request: {
        messages: body.messages as Message[],
        system: body.system as SystemBlock[] | undefined,
        toolConfig: body.toolConfig as ToolConfig | undefined,
      },
      maxTokens: typeof limit === 'number' ? limit : (model.chat?.maxOutputTokens ?? 5000),
      stopSequences: config.stopSequences as string[] | undefined,
    };
  },
  response: (reply: FinalReply, ctx) => ({
    output: { message: { role: 'assistant', content: reply.blocks.map(contentOf) } },
    stopReason: reply.stopReason,
    usage: usage(ctx),
  }),
  chunks: (reply, ctx) => [
    { messageStart: { role: 'assistant' } },
    ...reply.blocks.flatMap(blockChunks),
    { messageStop: { stopReason: reply.stopReason } },
    { metadata: { usage: usage(ctx), metrics: {}, trace: {} } },
  ],
};
