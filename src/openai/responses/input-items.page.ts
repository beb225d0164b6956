import { invalidRequest } from '../../common/errors/api-error';
import { invalidValue } from '../../common/validation/checks';
import type { InputItem } from './dto/responses-request.types';

export interface InputItemsQuery {
  limit?: string;
  order?: string;
  after?: string;
  before?: string;
}

export interface InputItemList {
  object: 'list';
  data: InputItem[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/**
 * GET /v1/responses/{id}/input_items: a page of the response's input items, newest first by default
 * (`order=desc`), `limit` 1–100 (default 20), cursors `after` / `before` by item id.
 */
export function pageInputItems(items: InputItem[], query: InputItemsQuery): InputItemList {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest(
      `Invalid 'limit': expected an integer between 1 and 100, but got '${query.limit}'.`,
      'limit',
      'invalid_value',
    );
  }
  const order = query.order ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw invalidValue('order', order, ['asc', 'desc']);
  let list = order === 'asc' ? items : [...items].reverse();
  const cut = (id: string, param: string) => {
    const at = list.findIndex((i) => i.id === id);
    if (at < 0)
      throw invalidRequest(`No input item with id '${id}' in this response.`, param, 'invalid_value');
    return at;
  };
  if (query.after) list = list.slice(cut(query.after, 'after') + 1);
  if (query.before) list = list.slice(0, cut(query.before, 'before'));
  const data = list.slice(0, limit);
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: list.length > limit,
  };
}
