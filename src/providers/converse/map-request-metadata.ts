import type { ChatCompletionRequest } from '../../chat/dto/chat-request.types';

/** RequestMetadata key and value rules from the Converse service model (keys 1–256, values 0–256 chars). */
const KEY = /^[a-zA-Z0-9\s:_@$#=/+,\-.]{1,256}$/;
const VALUE = /^[a-zA-Z0-9\s:_@$#=/+,\-.]{0,256}$/;

/**
 * OpenAI's `metadata` pairs and `user` → Converse `requestMetadata`, which Bedrock's invocation logs can be
 * filtered by. Pairs Bedrock would reject (characters outside its set, more than 16) are left out rather
 * than failing a request over bookkeeping.
 */
export function mapRequestMetadata(req: ChatCompletionRequest): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let count = 0;
  const add = (k: string, v: string) => {
    if (count < 16 && KEY.test(k) && VALUE.test(v) && !(k in out)) {
      out[k] = v;
      count++;
    }
  };
  if (req.user) add('user', req.user);
  for (const [k, v] of Object.entries(req.metadata ?? {})) add(k, v);
  return count > 0 ? out : undefined;
}
