/**
 * The floor, part (a): a Bedrock runtime client by itself, in-process, no HTTP front end — N concurrent
 * Converse calls in a closed loop against the emulator. Run on the gateway's core; prints
 * `FLOOR_JSON {"calls","seconds","cpuMs"}` for the measured window (after a warm-up).
 * argv[2]: JSON `{ mode, concurrency, warmupSec, seconds, request }`; the endpoint and credentials come from the
 * same environment variables the gateway reads.
 */
import { BedrockRuntimeClient, ConverseCommand, ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { createLeanBedrockClient } from '../../src/bedrock/lean/lean-bedrock-client.factory';
import { tunedRequestHandler } from '../../src/bedrock/sdk-request-handler';

export type ClientMode = 'sdk-h2-default' | 'sdk-h2-multiplexed' | 'sdk-http1' | 'lean';

interface Options {
  mode: ClientMode;
  concurrency: number;
  warmupSec: number;
  seconds: number;
  request: ConverseRequest;
}

type Call = () => Promise<unknown>;

async function caller(options: Options): Promise<Call> {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const signal = new AbortController().signal;
  if (options.mode === 'lean') {
    const lean = await createLeanBedrockClient({ region, maxAttempts: 3, maxConnections: 1024 });
    return () => lean.converse(options.request, signal);
  }
  const requestHandler =
    options.mode === 'sdk-http1'
      ? tunedRequestHandler(1024)
      : options.mode === 'sdk-h2-multiplexed'
        ? new NodeHttp2Handler({ disableConcurrentStreams: false })
        : undefined; // the client's default: HTTP/2, one session per request
  const client = new BedrockRuntimeClient({ region, requestHandler });
  return () => client.send(new ConverseCommand(options.request));
}

async function loop(call: Call, concurrency: number, until: number): Promise<number> {
  let calls = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await call();
        calls++;
      }
    }),
  );
  return calls;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as Options;
  const call = await caller(options);
  await loop(call, options.concurrency, performance.now() + options.warmupSec * 1000);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const calls = await loop(call, options.concurrency, start + options.seconds * 1000);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `FLOOR_JSON ${JSON.stringify({ calls, seconds, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
  );
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
