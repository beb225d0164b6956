import { describeAuth, type AuthSummary } from '../auth/auth.check';
import type { FaultSpec } from '../faults/fault.types';
import type { OperationName } from '../routing/route.types';
import type { HttpProtocol } from '../transport/exchange.types';
import type { RequestLogEntry, RequestOutcome } from './request-log.types';

export interface RequestLogOptions {
  /** Entries kept (oldest dropped first). Default 10,000. */
  capacity?: number;
  /** Keep request bodies. Default true. */
  captureBodies?: boolean;
  /** Bodies larger than this are not kept. Default 1 MiB. */
  maxBodyBytes?: number;
}

/**
 * One in-flight or finished request. Kept cheap on the hot path: the raw body and header object are held
 * by reference and only parsed/sanitised when a test reads the log.
 */
export class LogRecord {
  finishedAt: number | undefined;
  operation: OperationName | 'Unknown' = 'Unknown';
  modelId: string | undefined;
  auth: AuthSummary | undefined;
  body: Buffer | undefined;
  bodyBytes = 0;
  bodyOmitted = false;
  status: number | undefined;
  errorType: string | undefined;
  streamEvents = 0;
  outcome: RequestOutcome = 'pending';
  faults: FaultSpec['kind'][] = [];

  constructor(
    readonly seq: number,
    readonly receivedAt: number,
    readonly protocol: HttpProtocol,
    readonly method: string,
    readonly path: string,
    readonly headers: Record<string, string>,
    private readonly onFinish: (record: LogRecord) => void,
  ) {}

  finish(outcome: Exclude<RequestOutcome, 'pending'>): void {
    if (this.outcome !== 'pending') return;
    this.outcome = outcome;
    this.finishedAt = Date.now();
    this.onFinish(this);
  }

  toEntry(): RequestLogEntry {
    const entry: RequestLogEntry = {
      seq: this.seq,
      receivedAt: new Date(this.receivedAt).toISOString(),
      protocol: this.protocol,
      method: this.method,
      path: this.path,
      operation: this.operation,
      headers: sanitiseHeaders(this.headers, this.auth),
      bodyBytes: this.bodyBytes,
      streamEvents: this.streamEvents,
      outcome: this.outcome,
      faults: [...this.faults],
    };
    if (this.finishedAt !== undefined) entry.finishedAt = new Date(this.finishedAt).toISOString();
    if (this.modelId !== undefined) entry.modelId = this.modelId;
    if (this.auth !== undefined) entry.auth = this.auth;
    if (this.status !== undefined) entry.status = this.status;
    if (this.errorType !== undefined) entry.errorType = this.errorType;
    if (this.bodyOmitted) entry.bodyOmitted = true;
    if (this.body !== undefined && this.body.length > 0) {
      const parsed = parseJson(this.body);
      if (parsed.ok) entry.body = parsed.value;
      else entry.bodyBase64 = this.body.toString('base64');
    }
    return entry;
  }
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

function sanitiseHeaders(
  headers: Record<string, string>,
  auth: AuthSummary | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    if (name === 'authorization') out[name] = describeAuth(auth, headers[name]) ?? '';
    else if (name === 'x-amz-security-token') out[name] = '[redacted]';
    else out[name] = headers[name];
  }
  return out;
}

interface Waiter {
  predicate: (entry: RequestLogEntry) => boolean;
  resolve: (entry: RequestLogEntry) => void;
}

/** Bounded, arrival-ordered log of requests the emulator served (ring buffer). */
export class RequestLog {
  private readonly capacity: number;
  private readonly captureBodies: boolean;
  private readonly maxBodyBytes: number;
  private readonly ring: (LogRecord | undefined)[];
  private start = 0;
  private count = 0;
  private nextSeq = 1;
  private readonly waiters = new Set<Waiter>();

  constructor(options: RequestLogOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? 10_000);
    this.captureBodies = options.captureBodies ?? true;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.ring = new Array<LogRecord | undefined>(this.capacity);
  }

  begin(protocol: HttpProtocol, method: string, path: string, headers: Record<string, string>): LogRecord {
    const record = new LogRecord(this.nextSeq++, Date.now(), protocol, method, path, headers, (r) =>
      this.finished(r),
    );
    if (this.count < this.capacity) {
      this.ring[(this.start + this.count) % this.capacity] = record;
      this.count += 1;
    } else {
      this.ring[this.start] = record;
      this.start = (this.start + 1) % this.capacity;
    }
    return record;
  }

  /** Keeps the body on the record unless capture is off or it is too large. */
  attachBody(record: LogRecord, body: Buffer): void {
    record.bodyBytes = body.length;
    if (this.captureBodies && body.length <= this.maxBodyBytes) record.body = body;
    else if (body.length > 0) record.bodyOmitted = true;
  }

  entries(sinceSeq = 0): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    for (let i = 0; i < this.count; i++) {
      const record = this.ring[(this.start + i) % this.capacity] as LogRecord;
      if (record.seq > sinceSeq) out.push(record.toEntry());
    }
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.count = 0;
  }

  /**
   * Resolves with the first finished entry matching `predicate` (already finished or finishing later);
   * rejects after `timeoutMs`. Lets tests wait for e.g. "the emulator saw the client go away".
   */
  waitFor(predicate: (entry: RequestLogEntry) => boolean, timeoutMs = 5_000): Promise<RequestLogEntry> {
    const done = this.entries().find((e) => e.outcome !== 'pending' && predicate(e));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (entry) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(entry);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No matching request finished within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private finished(record: LogRecord): void {
    if (this.waiters.size === 0) return;
    const entry = record.toEntry();
    for (const waiter of [...this.waiters]) if (waiter.predicate(entry)) waiter.resolve(entry);
  }
}
