import { hash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry } from '../config/gateway-config';

// One-shot hashing: no Hash object per request (crypto.hash, Node >= 20.12).
const digest = (key: string) => hash('sha256', key, 'buffer');

/**
 * Finds which configured key a presented key is, in time that does not depend on how much of it matches:
 * both sides are hashed to fixed-length digests and every configured key is compared, never stopping early.
 */
export class KeyMatcher {
  private readonly entries: { entry: ApiKeyEntry; digest: Buffer }[];

  constructor(keys: ApiKeyEntry[]) {
    // A policy file may hold only the digest (key_sha256): the same digest this matcher compares anyway.
    this.entries = keys.map((k) => ({
      entry: k,
      digest: k.keySha256 !== undefined ? Buffer.from(k.keySha256, 'hex') : digest(k.key ?? ''),
    }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The key's name, or undefined when it matches none. */
  match(presented: string): string | undefined {
    return this.find(presented)?.name;
  }

  /** The configured entry (name and policy) of the presented key, or undefined. */
  find(presented: string): ApiKeyEntry | undefined {
    const candidate = digest(presented);
    let found: ApiKeyEntry | undefined;
    for (const e of this.entries) {
      if (timingSafeEqual(e.digest, candidate)) found = e.entry;
    }
    return found;
  }
}
