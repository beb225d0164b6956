import type {
  ContentBlock,
  ConverseStreamOutput,
  Message,
  StopReason,
} from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { fieldName, type InferenceRequest } from '../../../inference/inference-request';
import {
  chunkObject,
  ConverseEventWriter,
  invocationMetrics,
  tokenUsage,
} from '../../native/converse-events';
import type { NativeChatCodec, NativeCounts } from '../../native/native-chat.codec';
import {
  chatMessages,
  compact,
  nativeLacks,
  offeredTools,
  rejectReasoning,
  rejectStructuredOutput,
  withPassThrough,
} from '../../native/native-request';
import { systemText } from '../../native/prompt-turns';
import { parseArguments, toolResultText, toolSchema } from '../../native/native-tools';
import { asRecord, first, str } from '../../native/text-codec';

type Json = Record<string, unknown>;

function userMessages(m: Message, where: string, model: ResolvedModel): Json[] {
  const out: Json[] = [];
  const texts: string[] = [];
  (m.content ?? []).forEach((b, j) => {
    const at = `${where}.content[${j}]`;
    if (b.text !== undefined) texts.push(b.text);
    else if (b.toolResult) {
      const r = b.toolResult;
      out.push({ role: 'tool', tool_call_id: r.toolUseId, content: toolResultText(r.content, model, at) });
    } else if (b.image) throw nativeLacks(model, 'image input', at);
    else if (b.document) throw nativeLacks(model, 'document input', at);
    else if (!b.cachePoint) throw nativeLacks(model, `the '${Object.keys(b)[0]}' content block`, at);
  });
  // Tool answers come right after the assistant's calls; the user's words follow them.
  if (texts.length > 0) out.push({ role: 'user', content: texts.join('\n') });
  return out;
}

function assistantMessage(m: Message): Json {
  const text = (m.content ?? []).flatMap((b) => (b.text !== undefined ? [b.text] : [])).join('');
  const calls = (m.content ?? []).flatMap((b) =>
    b.toolUse
      ? [
          {
            id: b.toolUse.toolUseId,
            function: { name: b.toolUse.name, arguments: JSON.stringify(b.toolUse.input ?? {}) },
          },
        ]
      : [],
  );
  return compact({ role: 'assistant', content: text, tool_calls: calls.length > 0 ? calls : undefined });
}

function toolChoice(req: InferenceRequest, model: ResolvedModel): string | undefined {
  const choice = req.tools?.choice;
  if (typeof choice === 'object')
    throw nativeLacks(model, 'forcing one named tool', fieldName(req, 'toolChoice'));
  return choice;
}

function build(req: InferenceRequest, model: ResolvedModel): Json {
  rejectReasoning(req, model);
  rejectStructuredOutput(req, model);
  const p = req.inference;
  if (p.stopSequences?.length) throw nativeLacks(model, "stop sequences ('stop')", 'stop');
  if (p.topK !== undefined) throw nativeLacks(model, "top_k sampling ('top_k')", 'top_k');
  const system = systemText(req.system);
  const messages: Json[] = system !== '' ? [{ role: 'system', content: system }] : [];
  chatMessages(req, model).forEach((m, i) => {
    if (m.role === 'assistant') messages.push(assistantMessage(m));
    else messages.push(...userMessages(m, `${fieldName(req, 'messages')}[${i}]`, model));
  });
  const tools = offeredTools(req);
  return withPassThrough(
    compact({
      messages,
      tools: tools?.specs.map((s) => ({
        type: 'function',
        function: compact({ name: s.name, description: s.description, parameters: toolSchema(s) }),
      })),
      tool_choice: tools ? toolChoice(req, model) : undefined,
      max_tokens: p.maxTokens,
      temperature: p.temperature,
      top_p: p.topP,
    }),
    req,
  );
}

function stopReason(native: unknown): StopReason {
  if (native === 'tool_calls') return 'tool_use';
  return native === 'length' || native === 'model_length' ? 'max_tokens' : 'end_turn';
}

function calls(message: Json): { id: string; name: string; input: unknown }[] {
  const list = Array.isArray(message.tool_calls) ? (message.tool_calls as Json[]) : [];
  return list.map((c) => {
    const fn = asRecord(c.function);
    return { id: str(c.id), name: str(fn.name), input: parseArguments(fn.arguments) };
  });
}

/** Bedrock streams this API's choices with a `message` (older captures: `delta`) per chunk. */
const choiceMessage = (choice: Json): Json => asRecord(choice.message ?? choice.delta);

function parseResponse(body: unknown, counts: NativeCounts) {
  const choice = first(asRecord(body).choices);
  const message = choiceMessage(choice);
  const content: ContentBlock[] = [];
  if (str(message.content) !== '') content.push({ text: str(message.content) });
  for (const c of calls(message))
    content.push({ toolUse: { toolUseId: c.id, name: c.name, input: c.input as never } });
  if (content.length === 0) content.push({ text: '' });
  return {
    content,
    stopReason: stopReason(choice.stop_reason ?? choice.finish_reason),
    usage: tokenUsage(counts.inputTokens ?? 0, counts.outputTokens ?? 0),
  };
}

function streamDecoder() {
  const writer = new ConverseEventWriter();
  return {
    decode(chunk: unknown): ConverseStreamOutput[] {
      const out: ConverseStreamOutput[] = [];
      if (writer.done) return out;
      const obj = chunkObject(chunk);
      const choice = first(obj.choices);
      const message = choiceMessage(choice);
      writer.text(str(message.content), out);
      for (const c of calls(message)) writer.tool(c.id, c.name, c.input, out);
      const stop = choice.stop_reason ?? choice.finish_reason;
      const metrics = invocationMetrics(obj);
      if ((stop !== undefined && stop !== null) || metrics) {
        const usage = tokenUsage(metrics?.inputTokenCount ?? 0, metrics?.outputTokenCount ?? 0);
        writer.finish(stopReason(stop), usage, metrics, out);
      }
      return out;
    },
  };
}

/** Mistral Large's chat-completion body: messages with a tool role, functions, `choices[0].message`. */
export const mistralChatCodec: NativeChatCodec = {
  api: 'mistral-chat',
  buildBody: build,
  parseResponse,
  streamDecoder,
};
