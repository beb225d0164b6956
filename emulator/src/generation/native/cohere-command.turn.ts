import type { ContentBlock, Message, ToolConfig } from '../../engine/converse.types';
import type { NativeTurn } from './native.types';

type Json = Record<string, unknown>;

const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

const JSON_TYPES: Record<string, string> = {
  str: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
};

/** Cohere's Python-style parameter types → JSON Schema (`List[…]` an array, `Dict` an object). */
function jsonType(py: unknown): Json {
  const t = String(py ?? 'str');
  if (/^list/i.test(t))
    return { type: 'array', items: jsonType(t.replace(/^list\[?/i, '').replace(/\]$/, '') || 'str') };
  if (/^dict/i.test(t)) return { type: 'object' };
  return { type: JSON_TYPES[t] ?? 'string' };
}

/** `parameter_definitions` → the JSON Schema the generator samples tool inputs from. */
function toolConfig(body: Json): ToolConfig | undefined {
  const tools = asArray(body.tools);
  if (tools.length === 0) return undefined;
  return {
    tools: tools.map((t) => {
      const defs = asObject(t.parameter_definitions) as Record<string, Json>;
      const properties: Json = {};
      const required: string[] = [];
      for (const [name, def] of Object.entries(defs)) {
        properties[name] = {
          ...jsonType(def.type),
          ...(def.description ? { description: def.description } : {}),
        };
        if (def.required === true) required.push(name);
      }
      return {
        toolSpec: {
          name: String(t.name),
          description: t.description as string | undefined,
          inputSchema: { json: { type: 'object', properties, required } },
        },
      };
    }),
  };
}

/**
 * Cohere's body as Converse turns. Cohere's calls carry no ids, so each gets one by position; tool results
 * find theirs by the call's name among the calls not answered yet.
 */
export function cohereTurn(body: Json, maxTokens: number): NativeTurn {
  const messages: Message[] = [];
  let open: { id: string; name: string }[] = [];
  let n = 0;
  const push = (role: string, blocks: ContentBlock[]) => {
    if (blocks.length === 0) return;
    const last = messages[messages.length - 1];
    if (last?.role === role) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  const calls = (list: unknown): ContentBlock[] => {
    open = asArray(list).map((c) => ({ id: `cohere_call_${n++}`, name: String(c.name) }));
    return asArray(list).map((c, i) => ({
      toolUse: { toolUseId: open[i].id, name: open[i].name, input: c.parameters ?? {} },
    }));
  };
  const results = (list: unknown): ContentBlock[] =>
    asArray(list).map((r) => {
      const name = String(asObject(r.call).name);
      const at = open.findIndex((c) => c.name === name);
      const id = at >= 0 ? open.splice(at, 1)[0].id : `cohere_call_${n++}`;
      const content = asArray(r.outputs).map((o) =>
        typeof o.text === 'string' ? { text: o.text } : { json: o },
      );
      return { toolResult: { toolUseId: id, content } };
    });
  for (const h of asArray(body.chat_history)) {
    const text = typeof h.message === 'string' && h.message.trim() ? [{ text: h.message }] : [];
    if (h.role === 'CHATBOT') push('assistant', [...text, ...calls(h.tool_calls)]);
    else if (h.role === 'TOOL') push('user', results(h.tool_results));
    else push('user', text);
  }
  const lastResults = results(body.tool_results);
  const message = String(body.message ?? '').trim();
  push('user', [...lastResults, ...(message || lastResults.length === 0 ? [{ text: message || ' ' }] : [])]);
  return {
    request: { messages, toolConfig: toolConfig(body) },
    maxTokens,
    stopSequences: body.stop_sequences as string[] | undefined,
  };
}
