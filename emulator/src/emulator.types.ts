import type { EngineResult, EngineState, RuntimeRequest } from './engine/engine.types';
import type { PaddingSource } from './eventstream/event-stream.encoder';
import type { FaultSpec, FaultState } from './faults/fault.types';
import type { RequestLogOptions } from './log/request-log';
import type { RequestLogEntry } from './log/request-log.types';
import type { ParameterInput } from './secrets/secret-store';

/** What the protocol layer needs from the engine (the real one: `createEngine()` in engine/engine.ts). */
export interface EmulatorEngine {
  handle(request: RuntimeRequest): EngineResult;
  state?: EngineState;
}

/** Settings that can change while the emulator runs (`PATCH /_emulator/config`). */
export interface EmulatorConfig {
  /** Added model latency before the first byte of a successful runtime response. */
  latencyMs: number;
  /** Pause between stream events. */
  chunkDelayMs: number;
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  latencyMs?: number;
  chunkDelayMs?: number;
  /** Passed to the engine: replies padded/trimmed to exactly this many words. */
  replyWords?: number;
  /** Secrets Manager secrets by name (restored by reset()). */
  secrets?: Record<string, string>;
  /** SSM parameters by name: a plain value (String) or { value, type }. */
  parameters?: Record<string, string | ParameterInput>;
  /** Replaces the default engine (tests of the protocol layer use a stand-in). */
  engine?: EmulatorEngine;
  /** Request-log bounds and body capture (`captureBodies: false` for benchmarks). */
  requestLog?: RequestLogOptions;
  /** Largest request body accepted; InvokeModel's modeled limit is 25,000,000 bytes (§2.2). */
  maxBodyBytes?: number;
  /** Event padding source; fixed padding makes frames byte-for-byte reproducible. */
  padding?: PaddingSource;
}

export interface FaultControl {
  /** Arms a fault for the next `times` matching requests; returns its id. */
  add(spec: FaultSpec): string;
  clear(): void;
  list(): FaultState[];
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:4010 (use as the SDK `endpoint`). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Mutable at run time. */
  readonly config: EmulatorConfig;
  readonly faults: FaultControl;
  /** Closes the listener and every open connection (stalled responses included). */
  close(): Promise<void>;
  /** The request log in arrival order (entries with seq > sinceSeq). */
  requests(sinceSeq?: number): RequestLogEntry[];
  clearRequests(): void;
  /** Resolves with the first finished request matching `predicate` (waits up to timeoutMs, default 5 s). */
  waitForRequest(
    predicate: (entry: RequestLogEntry) => boolean,
    timeoutMs?: number,
  ): Promise<RequestLogEntry>;
  setSecret(name: string, value: string | Buffer): void;
  setParameter(name: string, value: string | ParameterInput): void;
  /** Clears faults, the request log and engine state (prompt cache); restores seeded secrets/parameters. */
  reset(): void;
}
