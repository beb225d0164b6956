import type { OperationName } from '../routing/route.types';
import type { AppliedFaults, FaultSpec, FaultState, TerminalFault } from './fault.types';
import { assertFault } from './fault.validate';

const STREAMING: ReadonlySet<string> = new Set(['ConverseStream', 'InvokeModelWithResponseStream']);

function matchesOne(expected: string | string[] | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  return typeof expected === 'string' ? expected === actual : expected.includes(actual);
}

/** Faults that only make sense mid-stream never match a non-streaming operation. */
function appliesTo(
  spec: FaultSpec,
  operation: OperationName | undefined,
  modelId: string | undefined,
): boolean {
  if (spec.kind === 'stream-error' && (operation === undefined || !STREAMING.has(operation))) return false;
  return matchesOne(spec.match?.operation, operation) && matchesOne(spec.match?.modelId, modelId);
}

/** Faults waiting for their next N matching requests, in the order they were added. */
export class FaultRegistry {
  private faults: FaultState[] = [];
  private nextId = 1;

  add(spec: FaultSpec): string {
    assertFault(spec);
    const id = `fault-${this.nextId++}`;
    this.faults.push({ id, spec, remaining: spec.times ?? 1 });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultState[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * Consumes what applies to one request: the first matching terminal fault (error, stream-error, stall,
   * drop) and every matching latency/slice fault. Cheap when no fault is armed (the benchmark case).
   */
  take(operation: OperationName | undefined, modelId: string | undefined): AppliedFaults | undefined {
    if (this.faults.length === 0) return undefined;
    let terminal: TerminalFault | undefined;
    let latencyMs = 0;
    let sliceBytes: number | undefined;
    const kinds: FaultSpec['kind'][] = [];
    for (const fault of this.faults) {
      const spec = fault.spec;
      if (!appliesTo(spec, operation, modelId)) continue;
      if (spec.kind === 'latency') latencyMs += spec.ms;
      else if (spec.kind === 'slice') sliceBytes = spec.bytes;
      else if (terminal) continue;
      else terminal = spec;
      kinds.push(spec.kind);
      if (fault.remaining !== 'always') fault.remaining -= 1;
    }
    this.faults = this.faults.filter((f) => f.remaining === 'always' || f.remaining > 0);
    return kinds.length === 0 ? undefined : { terminal, latencyMs, sliceBytes, kinds };
  }
}
