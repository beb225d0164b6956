import type { AuthSummary } from '../auth/auth.check';
import type { FaultSpec } from '../faults/fault.types';
import type { OperationName } from '../routing/route.types';
import type { HttpProtocol } from '../transport/exchange.types';

/**
 * - completed: the whole response was written (2xx).
 * - error: an error response or an in-stream exception frame was written in full.
 * - aborted: the client went away before the response ended.
 * - dropped: the emulator destroyed the connection on purpose (drop fault).
 * - pending: still in progress.
 */
export type RequestOutcome = 'pending' | 'completed' | 'error' | 'aborted' | 'dropped';

export interface RequestLogEntry {
  /** 1-based arrival order, never reused (not reset by clearRequests). */
  seq: number;
  receivedAt: string;
  finishedAt?: string;
  protocol: HttpProtocol;
  method: string;
  /** Raw path and query as received. */
  path: string;
  operation: OperationName | 'Unknown';
  /** Percent-decoded model id (runtime) or resource id (control plane). */
  modelId?: string;
  /** Lower-cased names; `authorization` reduced to scheme + credential scope; session tokens redacted. */
  headers: Record<string, string>;
  auth?: AuthSummary;
  /** Parsed JSON body (InvokeModel: the native body when it is JSON). */
  body?: unknown;
  /** Body as base64 when it is not JSON. */
  bodyBase64?: string;
  bodyBytes: number;
  /** True when the body was larger than the capture limit (or capture is off) and was not kept. */
  bodyOmitted?: boolean;
  status?: number;
  /** Error code of an error response or in-stream exception. */
  errorType?: string;
  /** Event-stream frames written (events plus an exception frame). */
  streamEvents: number;
  outcome: RequestOutcome;
  faults: FaultSpec['kind'][];
}
