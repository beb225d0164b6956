import type { EmulatorConfig, EmulatorEngine } from './emulator.types';
import type { EventStreamEncoder } from './eventstream/event-stream.encoder';
import type { FaultRegistry } from './faults/fault.registry';
import type { RequestLog } from './log/request-log';
import type { SecretStore } from './secrets/secret-store';

/** Everything a request handler may touch, owned by one running emulator. */
export interface EmulatorContext {
  readonly log: RequestLog;
  readonly faults: FaultRegistry;
  readonly engine: EmulatorEngine;
  readonly secrets: SecretStore;
  readonly encoder: EventStreamEncoder;
  readonly config: EmulatorConfig;
  readonly maxBodyBytes: number;
  /** Clears faults, log, engine state; restores seeded secrets. */
  reset(): void;
}
