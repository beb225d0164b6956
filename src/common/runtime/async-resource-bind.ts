import { AsyncResource } from 'node:async_hooks';

type BindFn = (this: AsyncResource, fn: (...args: never[]) => unknown, thisArg?: unknown) => unknown;

const MARK = Symbol.for('bedrock-gateway.async-resource-bind');

/**
 * `AsyncResource#bind` without the cost of its deprecated `asyncResource` accessor.
 *
 * Node 20 (and 22/24 before their fix for nodejs/node#58218) attach to every bound function a getter and a
 * setter wrapped in `util.deprecate()` (DEP0172), and `deprecate()` re-parents each wrapper's prototype. Measured
 * here: ~17 µs per bind, against under 1 µs without that accessor. NestJS binds once per interceptor layer plus
 * once more on every request that has interceptors (its `InterceptorsConsumer`), and Fastify's body parser
 * binds once per request, so on this gateway's chat route it cost more than the rest of Nest's routing.
 *
 * The replacement keeps the behaviour: the function runs in the bound resource's async scope (so
 * AsyncLocalStorage and APM context are the same), `this` and arguments pass through, `length` is kept, and
 * `asyncResource` still reads and writes the resource — as a plain accessor, without the deprecation warning.
 * It is installed only where Node still has the deprecated accessor; elsewhere Node's own `bind` stays.
 * Returns whether it was installed by this call.
 */
export function installAsyncResourceBind(): boolean {
  const proto = AsyncResource.prototype as unknown as Record<PropertyKey, unknown> & { bind: BindFn };
  if (proto[MARK]) return false;
  const probe = new AsyncResource('bedrock-gateway-probe').bind(() => undefined);
  const descriptor = Object.getOwnPropertyDescriptor(probe, 'asyncResource');
  if (!descriptor?.get) return false;

  proto.bind = function bind(this: AsyncResource, fn, thisArg) {
    if (typeof fn !== 'function') {
      throw Object.assign(
        new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`),
        { code: 'ERR_INVALID_ARG_TYPE' },
      );
    }
    let resource = this;
    const bound =
      thisArg === undefined
        ? function (this: unknown, ...args: unknown[]): unknown {
            return resource.runInAsyncScope(fn as (...a: unknown[]) => unknown, this, ...args);
          }
        : (...args: unknown[]): unknown =>
            resource.runInAsyncScope(fn as (...a: unknown[]) => unknown, thisArg, ...args);
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    Object.defineProperty(bound, 'asyncResource', {
      configurable: true,
      enumerable: true,
      get: () => resource,
      set: (value: AsyncResource) => {
        resource = value;
      },
    });
    return bound;
  };
  Object.defineProperty(proto, MARK, { value: true });
  return true;
}
