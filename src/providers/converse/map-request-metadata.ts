/** RequestMetadata key and value rules from the Converse service model (keys 1–256, values 0–256 chars). */
const KEY = /^[a-zA-Z0-9\s:_@$#=/+,\-.]{1,256}$/;
const VALUE = /^[a-zA-Z0-9\s:_@$#=/+,\-.]{0,256}$/;
const MAX_PAIRS = 16;

/**
 * The request's metadata pairs → Converse `requestMetadata`, which Bedrock's invocation logs can be filtered
 * by. Pairs Bedrock would reject (characters outside its set, more than 16) are left out rather than failing
 * a request over bookkeeping.
 */
export function mapRequestMetadata(
  metadata: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [k, v] of Object.entries(metadata ?? {})) {
    if (count < MAX_PAIRS && KEY.test(k) && VALUE.test(v) && !(k in out)) {
      out[k] = v;
      count++;
    }
  }
  return count > 0 ? out : undefined;
}
