import { InflightGate } from './inflight.gate';

describe('InflightGate', () => {
  it('admits up to the cap at once, queues a few, refuses the rest fast', async () => {
    const gate = new InflightGate(2, 1, 1000);
    expect(gate.enter()).toBeUndefined();
    expect(gate.enter()).toBeUndefined();
    const waiting = gate.enter();
    expect(waiting).toBeInstanceOf(Promise);
    expect(() => gate.enter()).toThrow(expect.objectContaining({ status: 503, code: 'gateway_overloaded' }));
    expect(gate.counts).toEqual({ inflight: 2, queued: 1 });
    gate.leave(); // the slot goes to the waiter, not back to the pool
    await expect(waiting).resolves.toBeUndefined();
    expect(gate.counts).toEqual({ inflight: 2, queued: 0 });
    gate.leave();
    gate.leave();
    expect(gate.counts).toEqual({ inflight: 0, queued: 0 });
  });

  it('gives up on a waiter after the queue timeout, and skips it when a slot frees later', async () => {
    const gate = new InflightGate(1, 5, 20);
    gate.enter();
    const waiting = gate.enter();
    await expect(waiting).rejects.toMatchObject({ status: 503 });
    expect(gate.refused).toBe(1);
    expect(gate.counts).toEqual({ inflight: 1, queued: 0 });
    gate.leave();
    expect(gate.counts).toEqual({ inflight: 0, queued: 0 });
  });
});
