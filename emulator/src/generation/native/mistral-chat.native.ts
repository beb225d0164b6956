import type { ContentBlock, Message, SystemBlock, ToolConfig } from '../../engine/converse.types';
import type { FieldSpec, ObjectSpec } from '../../validation/native-schema';
import type { FinalReply, OutBlock } from '../reply.types';
import { wordChunks } from '../words';
import type { NativeChatAdapter } from './native.types';
import { replyText } from './prompt.native';

type Json = Record<string, unknown>;

const NUMBER_0_1: FieldSpec = { type: 'number', minimum: 0, maximum: 1 };

/** Mistral AI chat completion on Bedrock (Mistral Large; AWS "Mistral AI chat completion" page). */
const SPEC: ObjectSpec = {
  closed: true,
  required: ['messages'],
  fields: {
    messages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        object: {
          required: ['role'],
          fields: {
            role: { type: 'string', enum: ['system', 'user', 'assistant', 'tool'] },
            content: { type: ['string', 'any'] },
            tool_calls: { type: 'array' },
            tool_call_id: { type: 'string' },
          },
        },
      },
    },
    tools: { type: 'array' },
    tool_choice: { type: 'string', enum: ['auto', 'any', 'none'] },
    max_tokens: { type: 'integer', minimum: 1 },
    temperature: NUMBER_0_1,
    top_p: NUMBER_0_1,
  },
};

const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

function parseArgs(args: unknown): unknown {
  try {
    return typeof args === 'string' ? (JSON.parse(args) as unknown) : (args ?? {});
  } catch {
    return {};
  }
}

/** Chat messages → Converse turns: tool messages become toolResult blocks of the next user turn. */
function conversation(messages: Json[]): { system: SystemBlock[]; messages: Message[] } {
  const system: SystemBlock[] = [];
  const out: Message[] = [];
  const push = (role: string, blocks: ContentBlock[]) => {
    const last = out[out.length - 1];
    if (last?.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const m of messages) {
    const text = typeof m.content === 'string' ? m.content : '';
    if (m.role === 'system') system.push({ text });
    else if (m.role === 'tool')
      push('user', [{ toolResult: { toolUseId: String(m.tool_call_id), content: [{ text }] } }]);
    else if (m.role === 'assistant') {
      const calls = asArray(m.tool_calls).map((c): ContentBlock => {
        const fn = asObject(c.function);
        return {
          toolUse: { toolUseId: String(c.id), name: String(fn.name), input: parseArgs(fn.arguments) },
        };
      });
      push('assistant', [...(text.trim() ? [{ text }] : []), ...calls]);
    } else push('user', [{ text }]);
  }
  return { system, messages: out };
}

function toolConfig(body: Json): ToolConfig | undefined {
  const tools = asArray(body.tools);
  if (tools.length === 0 || body.tool_choice === 'none') return undefined;
  return {
    tools: tools.map((t) => {
      const fn = asObject(t.function);
      return {
        toolSpec: {
          name: String(fn.name),
          description: fn.description as string | undefined,
          inputSchema: { json: fn.parameters ?? { type: 'object' } },
        },
      };
    }),
    toolChoice: body.tool_choice === 'any' ? { any: {} } : undefined,
  };
}

/** Bedrock's Mistral ids are 22 URL-safe characters; ours are the Converse id's. */
const callId = (id: string) => id.replace(/^tooluse_/, '');

function toolCalls(reply: FinalReply): Json[] {
  return reply.blocks
    .filter((b): b is Extract<OutBlock, { kind: 'toolUse' }> => b.kind === 'toolUse')
    .map((b) => ({
      id: callId(b.toolUseId),
      function: { name: b.name, arguments: JSON.stringify(b.input) },
    }));
}

function stopReason(reply: FinalReply): string {
  if (reply.stopReason === 'tool_use') return 'tool_calls';
  return reply.stopReason === 'max_tokens' ? 'length' : 'stop';
}

function message(content: string, calls: Json[]): Json {
  return { role: 'assistant', content, ...(calls.length > 0 ? { tool_calls: calls } : {}) };
}

export const mistralChatNative: NativeChatAdapter = {
  spec: SPEC,
  turn(body, model) {
    const { system, messages } = conversation(asArray(body.messages));
    return {
      request: { system, messages, toolConfig: toolConfig(body) },
      maxTokens:
        typeof body.max_tokens === 'number' ? body.max_tokens : (model.chat?.maxOutputTokens ?? 8192),
    };
  },
  response: (reply) => ({
    choices: [
      { index: 0, message: message(replyText(reply), toolCalls(reply)), stop_reason: stopReason(reply) },
    ],
  }),
  chunks(reply) {
    const pieces = wordChunks(replyText(reply));
    const calls = toolCalls(reply);
    const out: Json[] = pieces.map((piece) => ({
      choices: [{ index: 0, message: message(piece, []), stop_reason: null }],
    }));
    if (calls.length > 0 || out.length === 0)
      out.push({ choices: [{ index: 0, message: message('', calls), stop_reason: null }] });
    (out[out.length - 1].choices as Json[])[0].stop_reason = stopReason(reply);
    return out;
  },
};
