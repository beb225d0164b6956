import type { OperationName } from '../routing/route.types';

export interface FaultMatch {
  /** Operation name(s), e.g. 'ConverseStream'; any operation when absent. */
  operation?: OperationName | OperationName[];
  /** Decoded model id(s) exactly as the client sent them; any model when absent. */
  modelId?: string | string[];
}

interface FaultBase {
  match?: FaultMatch;
  /** How many matching requests the fault applies to: a count (default 1) or 'always'. */
  times?: number | 'always';
}

/** An exception instead of a response (before any stream frame), with its real status and message. */
export interface ErrorFault extends FaultBase {
  kind: 'error';
  /** `ThrottlingException`, `throttling`, `ModelNotReady`, … */
  errorType: string;
  status?: number;
  message?: string;
  extra?: Record<string, unknown>;
}

/** A stream that starts normally and ends with an in-stream exception frame after `afterEvents` events. */
export interface StreamErrorFault extends FaultBase {
  kind: 'stream-error';
  afterEvents?: number;
  /** lowerCamel or PascalCase; default `modelStreamErrorException`. */
  exceptionType?: string;
  message?: string;
  extra?: Record<string, unknown>;
}

export interface LatencyFault extends FaultBase {
  kind: 'latency';
  ms: number;
}

/** Headers (and `afterEvents` frames) are sent, then nothing until the client or the emulator gives up. */
export interface StallFault extends FaultBase {
  kind: 'stall';
  afterEvents?: number;
}

/** The connection is destroyed mid-response (after `afterEvents` frames for streams). */
export interface DropFault extends FaultBase {
  kind: 'drop';
  afterEvents?: number;
}

/** The whole response is written in slices of `bytes` bytes (proves clients reassemble frames). */
export interface SliceFault extends FaultBase {
  kind: 'slice';
  bytes: number;
}

export type FaultSpec = ErrorFault | StreamErrorFault | LatencyFault | StallFault | DropFault | SliceFault;

export type TerminalFault = ErrorFault | StreamErrorFault | StallFault | DropFault;

/** What applies to one request: at most one terminal fault, plus added latency and slicing. */
export interface AppliedFaults {
  terminal?: TerminalFault;
  latencyMs: number;
  sliceBytes?: number;
  /** Kinds applied, for the request log. */
  kinds: FaultSpec['kind'][];
}

export interface FaultState {
  id: string;
  spec: FaultSpec;
  /** Remaining matching requests, or 'always'. */
  remaining: number | 'always';
}
