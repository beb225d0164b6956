import type { ContentBlock, Message, ToolSpecification } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { fieldName, type InferenceRequest } from '../../../inference/inference-request';
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
import { toolSchema } from '../../native/native-tools';

type Json = Record<string, unknown>;
type Call = { name: string; parameters: unknown };

const PY_TYPES: Record<string, string> = {
  string: 'str',
  integer: 'int',
  number: 'float',
  boolean: 'bool',
  object: 'Dict',
};

/** A JSON Schema type in the Python-style names Cohere's parameter_definitions use (`List[str]`, `Dict`). */
function pyType(schema: Json): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'array') {
    const items = typeof schema.items === 'object' && schema.items ? (schema.items as Json) : {};
    return `List[${items.type ? pyType(items) : 'Any'}]`;
  }
  return PY_TYPES[String(type)] ?? 'Any';
}

/**
 * Cohere's tools name their top-level parameters (type, description, required); deeper structure has no
 * place there beyond a `Dict`/`List[…]` type, so nested schemas reach the model only through descriptions.
 */
export function cohereTool(spec: ToolSpecification): Json {
  const schema = toolSchema(spec);
  const props = (
    typeof schema.properties === 'object' && schema.properties ? schema.properties : {}
  ) as Record<string, Json>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const definitions: Record<string, Json> = {};
  for (const [name, prop] of Object.entries(props)) {
    definitions[name] = compact({
      description: typeof prop.description === 'string' ? prop.description : undefined,
      type: pyType(prop),
      required: required.includes(name),
    });
  }
  return compact({
    name: spec.name,
    description: spec.description ?? spec.name,
    parameter_definitions: definitions,
  });
}

const textOf = (blocks: ContentBlock[]) =>
  blocks.flatMap((b) => (b.text !== undefined ? [b.text] : [])).join('\n');

/** Cohere's tool results carry the call they answer (it has no call ids) and a list of JSON objects. */
function toolResults(
  blocks: ContentBlock[],
  calls: Map<string, Call>,
  model: ResolvedModel,
  at: string,
): Json[] {
  return blocks.flatMap((b) => {
    if (!b.toolResult) return [];
    const call = calls.get(b.toolResult.toolUseId ?? '');
    if (!call) throw nativeLacks(model, 'a tool result without the call it answers', at);
    const outputs = (b.toolResult.content ?? []).map((c) => {
      if (c.text !== undefined) return { text: c.text };
      if (c.json !== undefined)
        return typeof c.json === 'object' && c.json !== null && !Array.isArray(c.json)
          ? c.json
          : { result: c.json };
      throw nativeLacks(model, 'images or documents inside tool results', at);
    });
    return [{ call, outputs }];
  });
}

function checkBlocks(m: Message, where: string, model: ResolvedModel): void {
  (m.content ?? []).forEach((b, j) => {
    const at = `${where}.content[${j}]`;
    if (b.image) throw nativeLacks(model, 'image input', at);
    if (b.document) throw nativeLacks(model, 'document input', at);
    if (b.video || b.audio) throw nativeLacks(model, 'audio or video input', at);
  });
}

/**
 * Cohere Command R / R+ chat body (docs/bedrock-native-apis.md): the last user turn is `message` (its tool
 * results go to `tool_results`), earlier turns are `chat_history` (USER, CHATBOT with tool_calls, TOOL with
 * tool_results), the system prompt is the `preamble`.
 */
export function buildCohereBody(req: InferenceRequest, model: ResolvedModel): Json {
  rejectReasoning(req, model);
  rejectStructuredOutput(req, model);
  const p = req.inference;
  const choice = req.tools?.choice;
  if (choice === 'any' || typeof choice === 'object')
    throw nativeLacks(model, 'forcing a tool call', fieldName(req, 'toolChoice'));
  const messages = chatMessages(req, model);
  const at = (i: number) => `${fieldName(req, 'messages')}[${i}]`;
  messages.forEach((m, i) => checkBlocks(m, at(i), model));
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'user')
    throw nativeLacks(model, 'a prefilled answer (a final assistant message)', fieldName(req, 'messages'));
  const calls = new Map<string, Call>();
  const history: Json[] = [];
  messages.slice(0, -1).forEach((m, i) => {
    const blocks = m.content ?? [];
    if (m.role === 'assistant') {
      const toolCalls: Call[] = [];
      for (const b of blocks) {
        if (!b.toolUse) continue;
        const call = { name: b.toolUse.name ?? '', parameters: b.toolUse.input ?? {} };
        calls.set(b.toolUse.toolUseId ?? '', call);
        toolCalls.push(call);
      }
      history.push(
        compact({
          role: 'CHATBOT',
          message: textOf(blocks),
          tool_calls: toolCalls.length ? toolCalls : undefined,
        }),
      );
      return;
    }
    const results = toolResults(blocks, calls, model, at(i));
    if (results.length > 0) history.push({ role: 'TOOL', tool_results: results });
    const text = textOf(blocks);
    if (text !== '' || results.length === 0) history.push({ role: 'USER', message: text });
  });
  const lastBlocks = last.content ?? [];
  const results = toolResults(lastBlocks, calls, model, at(messages.length - 1));
  const system = systemText(req.system);
  const tools = offeredTools(req);
  return withPassThrough(
    compact({
      message: textOf(lastBlocks),
      chat_history: history.length > 0 ? history : undefined,
      preamble: system !== '' ? system : undefined,
      tools: tools?.specs.map(cohereTool),
      tool_results: results.length > 0 ? results : undefined,
      max_tokens: p.maxTokens,
      temperature: p.temperature,
      p: p.topP,
      k: p.topK,
      stop_sequences: p.stopSequences?.length ? p.stopSequences : undefined,
    }),
    req,
  );
}
