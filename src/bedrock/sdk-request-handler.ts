import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * The stock runtime client's request handler, tuned. The SDK's default for bedrock-runtime is an HTTP/2
 * handler that opens a session per request (`disableConcurrentStreams: true`, docs/bedrock-protocol.md §0.1), the costliest
 * of the options measured in `docs/performance.md`; a keep-alive HTTP/1.1 agent costs the least CPU per call,
 * and a connection cut mid-stream then fails the iteration instead of ending it quietly (emulator README).
 * The socket cap also replaces NodeHttpHandler's default of 50, which would queue long-held streams.
 */
export function tunedRequestHandler(maxConnections: number): NodeHttpHandler {
  const agent = { keepAlive: true, maxSockets: maxConnections, scheduling: 'lifo' as const };
  return new NodeHttpHandler({
    httpAgent: new HttpAgent(agent),
    httpsAgent: new HttpsAgent(agent),
    // Timeouts are the gateway's own (UPSTREAM_TIMEOUT_MS, STREAM_IDLE_TIMEOUT_MS), per call.
    requestTimeout: 0,
  });
}
