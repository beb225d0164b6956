import type { OutputItem, ResponseObject } from '../dto/response-object.types';

/**
 * What the client sees of an output item: the sealed reasoning is kept for the store, but shown only when the
 * request asked for it with `include: ["reasoning.encrypted_content"]`.
 */
export function visibleItem<T extends OutputItem>(item: T, reveal: boolean): T {
  if (reveal || item.type !== 'reasoning' || item.encrypted_content === undefined) return item;
  const { encrypted_content: _sealed, ...rest } = item;
  return rest as T;
}

export function visibleResponse(response: ResponseObject, reveal: boolean): ResponseObject {
  if (reveal) return response;
  return { ...response, output: response.output.map((item) => visibleItem(item, false)) };
}
