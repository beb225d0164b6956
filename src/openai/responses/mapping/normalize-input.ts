import type { ContentPart, InputItem, MessageItem } from '../dto/responses-request.types';
import { newId } from './response-ids';

const PREFIX = { message: 'msg', function_call: 'fc', function_call_output: 'fco', reasoning: 'rs' } as const;

function parts(m: MessageItem): ContentPart[] {
  if (typeof m.content !== 'string') return m.content;
  return m.role === 'assistant'
    ? [{ type: 'output_text', text: m.content, annotations: [] }]
    : [{ type: 'input_text', text: m.content }];
}

/**
 * The request's `input` as the items OpenAI lists under `input_items` and the store keeps: each with its
 * type, an id and a status, message content as a list of parts (a string input is one user message). The
 * client's objects are not modified.
 */
export function normalizeInput(input: string | InputItem[] | undefined): InputItem[] {
  if (input === undefined) return [];
  const items: InputItem[] = typeof input === 'string' ? [{ role: 'user', content: input }] : input;
  return items.map((item) => {
    const type = item.type ?? 'message';
    const base = { ...item, type, id: item.id ?? newId(PREFIX[type]) } as InputItem;
    if (type === 'reasoning') return base;
    const resource = { ...base, status: 'completed' } as InputItem;
    if (type === 'message') (resource as MessageItem).content = parts(item as MessageItem);
    return resource;
  });
}
