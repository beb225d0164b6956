import { ApiError } from '../common/errors/api-error';

interface Waiter {
  resolve: () => void;
  timer: NodeJS.Timeout;
  done: boolean;
}

const overloaded = (why: string) =>
  new ApiError(503, `The gateway is overloaded (${why}); retry shortly.`, {
    code: 'gateway_overloaded',
    headers: { 'retry-after': '1' },
  });

/**
 * The global cap on model requests in flight (MAX_INFLIGHT_REQUESTS), with a short queue in front
 * (MAX_QUEUED_REQUESTS, each waiting at most QUEUE_TIMEOUT_MS). Past that a burst gets fast 503s instead of
 * piling up streams and buffers until the process runs out of memory.
 */
export class InflightGate {
  private inflight = 0;
  private readonly queue: Waiter[] = [];
  private head = 0;
  /** Waiters still waiting (timed-out ones stay in the array until skipped). */
  private waiting = 0;
  /** Refusals since start. */
  refused = 0;

  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
    private readonly timeoutMs: number,
  ) {}

  get counts(): { inflight: number; queued: number } {
    return { inflight: this.inflight, queued: this.waiting };
  }

  /** Takes a slot: synchronously (returns undefined) when one is free, else a promise that waits in the queue. */
  enter(): Promise<void> | undefined {
    if (this.inflight < this.max) {
      this.inflight++;
      return undefined;
    }
    if (this.waiting >= this.maxQueued) {
      this.refused++;
      throw overloaded('too many requests in flight');
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        done: false,
        timer: setTimeout(() => {
          waiter.done = true;
          this.waiting--;
          this.refused++;
          reject(overloaded(`no slot freed within ${this.timeoutMs} ms`));
        }, this.timeoutMs),
      };
      this.queue.push(waiter);
      this.waiting++;
    });
  }

  /** Frees a slot, handing it straight to the oldest waiter still waiting. */
  leave(): void {
    while (this.head < this.queue.length) {
      const next = this.queue[this.head++];
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      if (next.done) continue;
      next.done = true;
      this.waiting--;
      clearTimeout(next.timer);
      next.resolve();
      return;
    }
    this.inflight--;
  }
}
