import { FaultRegistry } from './fault.registry';

describe('FaultRegistry', () => {
  it('applies a fault to the next N matching requests only', () => {
    const faults = new FaultRegistry();
    faults.add({
      kind: 'error',
      errorType: 'ThrottlingException',
      times: 2,
      match: { operation: 'Converse' },
    });
    expect(faults.take('ConverseStream', 'm')).toBeUndefined();
    expect(faults.take('Converse', 'm')?.terminal).toMatchObject({ errorType: 'ThrottlingException' });
    expect(faults.take('Converse', 'm')?.terminal).toBeDefined();
    expect(faults.take('Converse', 'm')).toBeUndefined();
    expect(faults.list()).toEqual([]);
  });

  it('matches model ids and lists of operations', () => {
    const faults = new FaultRegistry();
    faults.add({
      kind: 'drop',
      match: { operation: ['Converse', 'InvokeModel'], modelId: 'a' },
      times: 'always',
    });
    expect(faults.take('InvokeModel', 'b')).toBeUndefined();
    expect(faults.take('InvokeModel', 'a')?.terminal?.kind).toBe('drop');
    expect(faults.take('Converse', 'a')?.terminal?.kind).toBe('drop');
    expect(faults.list()).toHaveLength(1);
  });

  it('takes one terminal fault but combines latency and slicing with it', () => {
    const faults = new FaultRegistry();
    faults.add({ kind: 'latency', ms: 10 });
    faults.add({ kind: 'latency', ms: 5 });
    faults.add({ kind: 'stall' });
    faults.add({ kind: 'drop' });
    faults.add({ kind: 'slice', bytes: 3 });
    const applied = faults.take('Converse', 'm');
    expect(applied).toEqual({
      terminal: { kind: 'stall' },
      latencyMs: 15,
      sliceBytes: 3,
      kinds: ['latency', 'latency', 'stall', 'slice'],
    });
    // The drop was not consumed and waits for the next request.
    expect(faults.take('Converse', 'm')?.terminal?.kind).toBe('drop');
  });

  it('never applies stream-error faults to non-streaming operations', () => {
    const faults = new FaultRegistry();
    faults.add({ kind: 'stream-error' });
    expect(faults.take('Converse', 'm')).toBeUndefined();
    expect(faults.take('InvokeModelWithResponseStream', 'm')?.terminal?.kind).toBe('stream-error');
  });

  it.each([
    [{ kind: 'explode' }],
    [{ kind: 'error' }],
    [{ kind: 'latency', ms: -1 }],
    [{ kind: 'slice', bytes: 0 }],
    [{ kind: 'drop', times: 0 }],
    [{ kind: 'stall', afterEvents: 1.5 }],
    [{ kind: 'drop', match: { operation: 3 } }],
  ])('rejects the invalid fault %j', (spec) => {
    expect(() => new FaultRegistry().add(spec as never)).toThrow(TypeError);
  });
});
