import type { InputItem } from '../dto/responses-request.types';
import { newId } from './response-ids';

/**
 * The request's `input` as items with ids (a string is one user message), as `input_items` lists them and
 * the store keeps them. The client's objects are not modified.
 */
export function normalizeInput(input: string | InputItem[] | undefined): InputItem[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return [{ type: 'message', id: newId('msg'), role: 'user', content: input }];
  return input.map((item) => {
    const type = item.type ?? 'message';
    if (item.id && item.type) return item;
    const prefix =
      type === 'message' ? 'msg' : type === 'function_call' ? 'fc' : type === 'reasoning' ? 'rs' : 'fco';
    return { ...item, type, id: item.id ?? newId(prefix) } as InputItem;
  });
}
