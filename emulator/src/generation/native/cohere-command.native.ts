import type { ObjectSpec } from '../../validation/native-schema';
import type { FinalReply, OutBlock } from '../reply.types';
import { deterministicUuid } from '../uuid';
import { wordChunks } from '../words';
import { cohereTurn } from './cohere-command.turn';
import { replyText } from './prompt.native';
import type { NativeChatAdapter, NativeContext } from './native.types';

type Json = Record<string, unknown>;

const NUMBER = { type: 'number' as const };

/** Cohere Command R / R+ chat (docs/bedrock-protocol.md §8.10). */
const SPEC: ObjectSpec = {
  closed: true,
  required: ['message'],
  fields: {
    message: { type: 'string' },
    chat_history: { type: 'array' },
    documents: { type: 'array' },
    search_queries_only: { type: 'boolean' },
    preamble: { type: 'string' },
    max_tokens: { type: 'integer', minimum: 1 },
    temperature: NUMBER,
    p: NUMBER,
    k: NUMBER,
    prompt_truncation: { type: 'string' },
    frequency_penalty: NUMBER,
    presence_penalty: NUMBER,
    seed: { type: 'integer' },
    return_prompt: { type: 'boolean' },
    tools: { type: 'array' },
    tool_results: { type: 'array' },
    stop_sequences: { type: 'array', items: { type: 'string' } },
    raw_prompting: { type: 'boolean' },
  },
};

function finishReason(reply: FinalReply): string {
  return reply.stopReason === 'max_tokens' ? 'MAX_TOKENS' : 'COMPLETE';
}

/** Cohere's tool calls: a name and parameters, no id. */
function toolCalls(reply: FinalReply): Json[] {
  return reply.blocks
    .filter((b): b is Extract<OutBlock, { kind: 'toolUse' }> => b.kind === 'toolUse')
    .map((b) => ({ name: b.name, parameters: b.input }));
}

function response(reply: FinalReply, ctx: NativeContext): Json {
  const body = JSON.parse(ctx.rawBody.toString('utf8')) as Json;
  const responseId = deterministicUuid(ctx.rawBody);
  const generationId = deterministicUuid(Buffer.concat([ctx.rawBody, Buffer.from('#generation')]));
  const text = replyText(reply);
  const history = Array.isArray(body.chat_history) ? body.chat_history : [];
  const calls = toolCalls(reply);
  const answer =
    calls.length > 0
      ? { role: 'CHATBOT', message: text, tool_calls: calls }
      : { role: 'CHATBOT', message: text };
  return {
    response_id: responseId,
    text,
    generation_id: generationId,
    chat_history: [...history, { role: 'USER', message: body.message }, answer],
    finish_reason: finishReason(reply),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
  };
}

export const cohereCommandNative: NativeChatAdapter = {
  spec: SPEC,
  turn: (body) => cohereTurn(body, typeof body.max_tokens === 'number' ? body.max_tokens : 4000),
  response,
  chunks(reply, ctx) {
    const final = response(reply, ctx);
    return [
      { is_finished: false, event_type: 'stream-start', generation_id: final.generation_id },
      ...wordChunks(replyText(reply)).map((text) => ({
        is_finished: false,
        event_type: 'text-generation',
        text,
      })),
      ...(toolCalls(reply).length > 0
        ? [{ is_finished: false, event_type: 'tool-calls-generation', tool_calls: toolCalls(reply) }]
        : []),
      { is_finished: true, event_type: 'stream-end', finish_reason: final.finish_reason, response: final },
    ];
  },
};
