export { startEmulator } from './emulator';
export type {
  EmulatorConfig,
  EmulatorEngine,
  EmulatorOptions,
  FaultControl,
  RunningEmulator,
} from './emulator.types';
export type { FaultMatch, FaultSpec, FaultState } from './faults/fault.types';
export type { RequestLogEntry, RequestOutcome } from './log/request-log.types';
export type { ParameterInput, ParameterType } from './secrets/secret-store';
