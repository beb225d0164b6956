import type { EngineResult, RuntimeRequest } from '../../src/engine/engine.types';
import type { EmulatorEngine } from '../../src/emulator.types';

/**
 * A test double for the model engine that records exactly what the protocol layer hands over and answers
 * every operation with a fixed minimal success. The SDK specs otherwise run on the real engine.
 */
export function createStandInEngine(): EmulatorEngine & { calls: RuntimeRequest[] } {
  const calls: RuntimeRequest[] = [];
  return {
    calls,
    handle(req: RuntimeRequest): EngineResult {
      calls.push(req);
      switch (req.operation) {
        case 'InvokeModel':
          return { kind: 'raw', body: Buffer.from('{}'), headers: { 'content-type': 'application/json' } };
        case 'ConverseStream':
        case 'InvokeModelWithResponseStream':
          return { kind: 'events', events: [], headers: {} };
        default:
          return { kind: 'json', body: {} };
      }
    },
  };
}
