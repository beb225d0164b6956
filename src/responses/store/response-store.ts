import type { InputItem } from '../../openai/responses/dto/responses-request.types';
import type { ResponseObject } from '../../openai/responses/dto/response-object.types';

/** One stored response: what GET returns, what `input_items` lists, and what `previous_response_id` continues. */
export interface StoredResponse {
  /** The API key name that created it: the only one that may read or delete it. */
  owner: string;
  /** The response, reasoning items sealed in `encrypted_content` (stripped when shown without `include`). */
  response: ResponseObject;
  /** This response's own input items, with ids. */
  input: InputItem[];
  /** Everything before this response's input that the model saw (the chain of previous responses). */
  history: InputItem[];
}

/**
 * Where responses created with `store: true` are kept. In memory by default (bounded by count, bytes and
 * age); in Redis when REDIS_URL is set, so every replica sees every response. Reads by another key's owner
 * find nothing (a 404, not a 403: ids of other teams are not confirmed).
 */
export abstract class ResponseStore {
  abstract put(record: StoredResponse): Promise<void>;
  abstract get(id: string, owner: string): Promise<StoredResponse | undefined>;
  /** True when it existed (and belonged to `owner`) and is now gone. */
  abstract delete(id: string, owner: string): Promise<boolean>;
}
