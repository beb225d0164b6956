/**
 * Counts failed authentications per source address in fixed windows and says when an address must wait:
 * once it has failed `limit` times in a window, every attempt from it (a right key included, or guessing
 * would still pay off) is refused until the window ends.
 *
 * In-process, so each gateway instance counts its own; the interface is what a shared store (Redis, once
 * per-key rate limits bring one) would implement to count across instances.
 */
export interface AuthFailureLimiter {
  /** Seconds `source` must still wait, or 0 when it may try. */
  blockedFor(source: string): number;
  /** Counts one failure of `source`; the seconds it must now wait (0 while under the limit). */
  recordFailure(source: string): number;
}

interface Window {
  failures: number;
  endsAt: number;
}

/** Addresses tracked at most: past it, windows that ended are swept, then the oldest dropped. */
const MAX_TRACKED = 10_000;

export class InProcessAuthFailureLimiter implements AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  blockedFor(source: string): number {
    if (this.limit <= 0) return 0;
    const window = this.current(source);
    return window && window.failures >= this.limit ? this.secondsLeft(window) : 0;
  }

  recordFailure(source: string): number {
    if (this.limit <= 0) return 0;
    let window = this.current(source);
    if (!window) {
      this.makeRoom();
      window = { failures: 0, endsAt: this.now() + this.windowMs };
      this.windows.set(source, window);
    }
    window.failures++;
    return window.failures >= this.limit ? this.secondsLeft(window) : 0;
  }

  /** Addresses currently tracked (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  private current(source: string): Window | undefined {
    const window = this.windows.get(source);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(source);
      return undefined;
    }
    return window;
  }

  private secondsLeft(window: Window): number {
    return Math.max(1, Math.ceil((window.endsAt - this.now()) / 1000));
  }

  /** Keeps memory bounded however many addresses fail (a spoofing botnet, say). */
  private makeRoom(): void {
    if (this.windows.size < MAX_TRACKED) return;
    // Every window lasts windowMs, so insertion order is also the order they end in: the first is the oldest.
    const now = this.now();
    for (const [source, window] of this.windows) {
      if (window.endsAt > now && this.windows.size < MAX_TRACKED) break;
      this.windows.delete(source);
    }
  }
}
