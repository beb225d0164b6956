import { hash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry } from '../config/gateway-config';

// One-shot hashing: no Hash object per request (crypto.hash, Node >= 20.12).
const digest = (key: string) => hash('sha256', key, 'buffer');

/**
 * Finds which configured key a presented key is, in time that does not depend on how much of it matches:
 * both sides are hashed to fixed-length digests and every configured key is compared, never stopping early.
 */
export class KeyMatcher {
  private readonly entries: { name: string; digest: Buffer }[];

  constructor(keys: ApiKeyEntry[]) {
    this.entries = keys.map((k) => ({ name: k.name, digest: digest(k.key) }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The key's name, or undefined when it matches none. */
  match(presented: string): string | undefined {
    const candidate = digest(presented);
    let found: string | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, candidate)) found = entry.name;
    }
    return found;
  }
}
