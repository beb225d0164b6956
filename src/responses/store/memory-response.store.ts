import { ResponseStore, StoredResponse } from './response-store';

export interface MemoryStoreLimits {
  maxEntries: number;
  maxBytes: number;
  ttlMs: number;
}

interface Entry {
  record: StoredResponse;
  bytes: number;
  expiresAt: number;
}

/**
 * Responses kept in this process: oldest evicted first once there are more than `maxEntries` or their JSON
 * passes `maxBytes`, and none served after `ttlMs`. One replica's responses are invisible to the others.
 */
export class MemoryResponseStore extends ResponseStore {
  /** Insertion order is age order: the first entry is always the oldest. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly limits: MemoryStoreLimits,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  put(record: StoredResponse): Promise<void> {
    const bytes = JSON.stringify(record).length;
    this.remove(record.response.id);
    if (bytes <= this.limits.maxBytes) {
      this.entries.set(record.response.id, { record, bytes, expiresAt: this.now() + this.limits.ttlMs });
      this.bytes += bytes;
    }
    this.evict();
    return Promise.resolve();
  }

  get(id: string, owner: string): Promise<StoredResponse | undefined> {
    const entry = this.entries.get(id);
    if (!entry || entry.record.owner !== owner) return Promise.resolve(undefined);
    if (entry.expiresAt <= this.now()) {
      this.remove(id);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry.record);
  }

  async delete(id: string, owner: string): Promise<boolean> {
    if (!(await this.get(id, owner))) return false;
    this.remove(id);
    return true;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      const over = this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes;
      if (!over && entry.expiresAt > now) break;
      this.remove(id);
    }
  }
}
