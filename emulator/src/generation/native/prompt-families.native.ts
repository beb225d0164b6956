import type { ObjectSpec } from '../../validation/native-schema';
import type { FinalReply } from '../reply.types';
import { lastSegment, promptAdapter, replyText } from './prompt.native';

type Json = Record<string, unknown>;

const STRINGS = { type: 'array' as const, items: { type: 'string' as const } };
const NUMBER_0_1 = { type: 'number' as const, minimum: 0, maximum: 1 };

function promptSpec(extra: ObjectSpec['fields']): ObjectSpec {
  return { closed: true, required: ['prompt'], fields: { prompt: { type: 'string' }, ...extra } };
}

function finished(reply: FinalReply): boolean {
  return reply.stopReason !== 'max_tokens';
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** Meta Llama (docs/bedrock-protocol.md §8.6). */
export const llamaNative = promptAdapter({
  spec: promptSpec({
    max_gen_len: { type: 'integer', minimum: 1 },
    temperature: NUMBER_0_1,
    top_p: NUMBER_0_1,
    images: STRINGS,
  }),
  promptKey: 'prompt',
  userText: (p) => lastSegment(p, /<\|start_header_id\|>user<\|end_header_id\|>/, '<|eot_id|>'),
  maxTokens: (b) => num(b.max_gen_len, 512),
  response: (text, reply, ctx) => ({
    generation: text,
    prompt_token_count: ctx.inputTokens,
    generation_token_count: ctx.outputTokens,
    stop_reason: finished(reply) ? 'stop' : 'length',
  }),
  chunk: (piece, last, reply, ctx, emitted) => ({
    generation: piece,
    prompt_token_count: emitted === 1 ? ctx.inputTokens : null,
    generation_token_count: emitted,
    stop_reason: last ? (finished(reply) ? 'stop' : 'length') : null,
  }),
});

/** Mistral text completion (docs/bedrock-protocol.md §8.7). */
export const mistralNative = promptAdapter({
  spec: promptSpec({
    max_tokens: { type: 'integer', minimum: 1 },
    stop: STRINGS,
    temperature: NUMBER_0_1,
    top_p: NUMBER_0_1,
    top_k: { type: 'integer', minimum: 0 },
  }),
  promptKey: 'prompt',
  userText: (p) => lastSegment(p, /\[INST\]/, '[/INST]'),
  maxTokens: (b, m) => num(b.max_tokens, m.modelId.includes('large') ? 8192 : 512),
  stopSequences: (b) => b.stop as string[] | undefined,
  response: (text, reply) => ({ outputs: [{ text, stop_reason: finished(reply) ? 'stop' : 'length' }] }),
  chunk: (piece, last, reply) => ({
    outputs: [{ text: piece, stop_reason: last ? (finished(reply) ? 'stop' : 'length') : null }],
  }),
});

const TITAN_REASONS = {
  end_turn: 'FINISH',
  tool_use: 'FINISH',
  max_tokens: 'LENGTH',
  stop_sequence: 'STOP_CRITERIA_MET',
};

/** Amazon Titan Text (docs/bedrock-protocol.md §8.8). */
export const titanTextNative = promptAdapter({
  spec: {
    closed: true,
    required: ['inputText'],
    fields: {
      inputText: { type: 'string', minLength: 1 },
      textGenerationConfig: {
        type: 'object',
        object: {
          closed: true,
          fields: {
            maxTokenCount: { type: 'integer', minimum: 0 },
            temperature: NUMBER_0_1,
            topP: NUMBER_0_1,
            stopSequences: STRINGS,
          },
        },
      },
    },
  },
  promptKey: 'inputText',
  userText: (p) => lastSegment(p, /User:/, 'Bot:'),
  maxTokens: (b) => num((b.textGenerationConfig as Json | undefined)?.maxTokenCount, 512),
  stopSequences: (b) => (b.textGenerationConfig as Json | undefined)?.stopSequences as string[] | undefined,
  response: (text, reply, ctx) => ({
    inputTextTokenCount: ctx.inputTokens,
    results: [
      { tokenCount: ctx.outputTokens, outputText: text, completionReason: TITAN_REASONS[reply.stopReason] },
    ],
  }),
  chunk: (piece, last, reply, ctx, emitted) => ({
    outputText: piece,
    index: 0,
    totalOutputTextTokenCount: emitted,
    completionReason: last ? TITAN_REASONS[reply.stopReason] : null,
    inputTextTokenCount: emitted === 1 ? ctx.inputTokens : null,
  }),
});

/** DeepSeek R1 returns its reasoning before `</think>`, then the answer (docs/bedrock-protocol.md §8.9). */
function r1Text(reply: FinalReply): string {
  const reasoning = reply.blocks.flatMap((b) => (b.kind === 'reasoning' ? [b.text] : [])).join('');
  return reasoning.length > 0 ? `${reasoning}\n</think>\n\n${replyText(reply)}` : replyText(reply);
}

export const deepseekNative = promptAdapter({
  spec: promptSpec({
    temperature: NUMBER_0_1,
    top_p: NUMBER_0_1,
    max_tokens: { type: 'integer', minimum: 1, maximum: 32768 },
    stop: { ...STRINGS, maxItems: 10 },
  }),
  promptKey: 'prompt',
  userText: (p) => lastSegment(p, /<｜User｜>/, '<｜Assistant｜>'),
  maxTokens: (b) => num(b.max_tokens, 8192),
  stopSequences: (b) => b.stop as string[] | undefined,
  outputText: r1Text,
  response: (text, reply) => ({ choices: [{ text, stop_reason: finished(reply) ? 'stop' : 'length' }] }),
  chunk: (piece, last, reply) => ({
    choices: [{ text: piece, stop_reason: last ? (finished(reply) ? 'stop' : 'length') : null }],
  }),
});
