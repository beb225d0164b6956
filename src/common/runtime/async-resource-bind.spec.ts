import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installAsyncResourceBind } from './async-resource-bind';

describe('installAsyncResourceBind', () => {
  // Node's core modules are shared by every test file in a Jest worker, so another file's app may have
  // installed it already; what is checked is the state after installing.
  installAsyncResourceBind();
  const accessor = Object.getOwnPropertyDescriptor(
    AsyncResource.bind(() => undefined),
    'asyncResource',
  );

  it('leaves no deprecated accessor behind, and installs once', () => {
    // Node's deprecated getter is util.deprecate's wrapper, named "deprecated".
    if (accessor) expect(accessor.get?.name).not.toBe('deprecated');
    expect(installAsyncResourceBind()).toBe(false);
  });

  it('runs the bound function in the async context of the bind, not of the call', async () => {
    const als = new AsyncLocalStorage<string>();
    const bound = als.run('at-bind', () => AsyncResource.bind(() => als.getStore()));
    expect(als.run('at-call', () => bound())).toBe('at-bind');
    await new Promise<void>((resolve) =>
      als.run('other', () =>
        setImmediate(() => {
          expect(bound()).toBe('at-bind');
          resolve();
        }),
      ),
    );
  });

  it('passes this, arguments and the return value through, and keeps length', () => {
    const target = { base: 10 };
    function add(this: unknown, a: number, b: number): number {
      return (this as { base: number }).base + a + b;
    }
    const bound = AsyncResource.bind(add);
    expect(bound.length).toBe(2);
    expect(bound.call(target, 1, 2)).toBe(13);
    // Node's two-argument form (thisArg); @types/node declares only the first.
    const bindWithThis = AsyncResource.prototype.bind as unknown as (
      this: AsyncResource,
      fn: typeof add,
      thisArg: unknown,
    ) => typeof add;
    const withThis = bindWithThis.call(new AsyncResource('t'), add, { base: 100 });
    expect(withThis.call(target, 1, 2)).toBe(103);
    expect(withThis.length).toBe(2);
  });

  (accessor ? it : it.skip)('keeps a readable and writable asyncResource property, without a warning', () => {
    const warn = jest.spyOn(process, 'emitWarning');
    const resource = new AsyncResource('r');
    const bound = resource.bind(() => 1) as unknown as { asyncResource: AsyncResource };
    expect(bound.asyncResource).toBe(resource);
    const other = new AsyncResource('r2');
    bound.asyncResource = other;
    expect(bound.asyncResource).toBe(other);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('rejects a non-function like Node does', () => {
    expect(() => AsyncResource.bind(42 as unknown as () => void)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }) as Error,
    );
  });

  it('propagates exceptions from the bound function', () => {
    const bound = AsyncResource.bind(() => {
      throw new Error('boom');
    });
    expect(() => bound()).toThrow('boom');
  });
});
