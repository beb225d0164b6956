import { createDispatcher } from './dispatcher';
import { createEngine } from './engine/engine';
import type { EmulatorContext } from './emulator.context';
import type { EmulatorConfig, EmulatorEngine, EmulatorOptions, RunningEmulator } from './emulator.types';
import { EventStreamEncoder } from './eventstream/event-stream.encoder';
import { FaultRegistry } from './faults/fault.registry';
import { RequestLog } from './log/request-log';
import { SecretStore } from './secrets/secret-store';
import { listen } from './transport/listener';

/** InvokeModel's modeled body limit (docs/bedrock-protocol.md §2.2). */
const DEFAULT_MAX_BODY_BYTES = 25_000_000;

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts a Bedrock emulator (runtime, control plane, Secrets Manager, SSM) on one port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const engine: EmulatorEngine = options.engine ?? createEngine({ replyWords: options.replyWords });
  const config: EmulatorConfig = {
    latencyMs: options.latencyMs ?? 0,
    chunkDelayMs: options.chunkDelayMs ?? 0,
  };
  const log = new RequestLog(options.requestLog);
  const faults = new FaultRegistry();
  const secrets = new SecretStore(options.secrets, options.parameters);

  const ctx: EmulatorContext = {
    log,
    faults,
    engine,
    secrets,
    encoder: new EventStreamEncoder(options.padding),
    config,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    reset() {
      faults.clear();
      log.clear();
      engine.state?.cachePrefixes.clear();
      secrets.reset();
    },
  };

  const listener = await listen(options.port ?? 0, host, createDispatcher(ctx));
  return {
    url: `http://${urlHost(host)}:${listener.port}`,
    port: listener.port,
    host,
    config,
    faults: {
      add: (spec) => faults.add(spec),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    close: () => listener.close(),
    requests: (sinceSeq) => log.entries(sinceSeq),
    clearRequests: () => log.clear(),
    waitForRequest: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    setSecret: (name, value) => secrets.setSecret(name, value),
    setParameter: (name, value) => secrets.setParameter(name, value),
    reset: () => ctx.reset(),
  };
}
