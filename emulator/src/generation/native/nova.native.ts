import type { Message, SystemBlock } from '../../engine/converse.types';
import type { ObjectSpec } from '../../validation/native-schema';
import type { FinalReply } from '../reply.types';
import { wordChunks } from '../words';
import { replyText } from './prompt.native';
import type { NativeChatAdapter, NativeContext } from './native.types';

type Json = Record<string, unknown>;

/** Amazon Nova's `messages-v1` body: Converse-shaped messages plus `max_new_tokens` [3P/UNVERIFIED details]. */
const SPEC: ObjectSpec = {
  closed: true,
  required: ['messages'],
  fields: {
    schemaVersion: { type: 'string' },
    messages: { type: 'array', minItems: 1 },
    system: { type: 'array' },
    inferenceConfig: { type: 'object' },
    toolConfig: { type: 'object' },
  },
};

function usage(ctx: NativeContext): Json {
  return {
    inputTokens: ctx.inputTokens,
    outputTokens: ctx.outputTokens,
    totalTokens: ctx.inputTokens + ctx.outputTokens,
  };
}

export const novaNative: NativeChatAdapter = {
  spec: SPEC,
  turn(body, model) {
    const config = (body.inferenceConfig ?? {}) as Json;
    return {
      request: { messages: body.messages as Message[], system: body.system as SystemBlock[] | undefined },
      maxTokens:
        typeof config.max_new_tokens === 'number'
          ? config.max_new_tokens
          : (model.chat?.maxOutputTokens ?? 5000),
      stopSequences: config.stopSequences as string[] | undefined,
    };
  },
  response: (reply: FinalReply, ctx) => ({
    output: { message: { role: 'assistant', content: [{ text: replyText(reply) }] } },
    stopReason: reply.stopReason,
    usage: usage(ctx),
  }),
  chunks: (reply, ctx) => [
    { messageStart: { role: 'assistant' } },
    ...wordChunks(replyText(reply)).map((text) => ({
      contentBlockDelta: { delta: { text }, contentBlockIndex: 0 },
    })),
    { contentBlockStop: { contentBlockIndex: 0 } },
    { messageStop: { stopReason: reply.stopReason } },
    { metadata: { usage: usage(ctx) } },
  ],
};
