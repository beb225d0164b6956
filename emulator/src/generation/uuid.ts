import { createHash } from 'node:crypto';

/** A UUID-v4-shaped id derived from `seed` (Cohere response/generation ids), stable per input. */
export function deterministicUuid(seed: string | Buffer): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
