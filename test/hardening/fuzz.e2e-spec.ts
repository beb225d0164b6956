import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { schemaViolations } from '../support/openai-schema';
import { BODY_ARBITRARIES, byteMutation, textMutation } from '../support/fuzz/body-arbitraries';
import { anthropicEnvelopeViolations, POST_ROUTES } from '../support/routes-under-test';

/**
 * Fuzzing every POST route with near-valid bodies and damaged JSON (fast-check, seeded). For each case:
 * no 5xx, an error is in the route's envelope, nothing hangs, and nothing reached Bedrock that Bedrock
 * refused with a 400 (the gateway should have caught it; the emulator's request log tells). Across the run
 * the process stays up and its heap bounded.
 *
 * FUZZ_RUNS (cases per route, default 120) and FUZZ_SEED (default 16) set the size and the seed; `npm run
 * fuzz:long` runs 100,000 cases in all.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const CASE_TIMEOUT_MS = 15_000;

let gw: TestGateway;
const tally: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  gw = await startTestGateway(
    { BEDROCK_MAX_ATTEMPTS: '1', MAX_REQUEST_BYTES: String(1024 * 1024) },
    {
      requestLog: { capacity: 2_000, captureBodies: false },
    },
  );
});
afterAll(async () => {
  await gw.close();
  if (process.env.FUZZ_REPORT) process.stdout.write(`fuzz tally (seed ${SEED}): ${JSON.stringify(tally)}\n`);
});

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1024 / 1024);

/**
 * The heap that stays after a full collection: what a run retains, not the garbage it has not yet collected
 * (a point reading mid-run swings by hundreds of MB). Node exposes gc() only with --expose-gc, which the
 * flag can still switch on for a function made after it.
 */
function retainedHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** Fails a case with what was sent and what came back, for fast-check to shrink. */
function fail(why: string, sent: Buffer, status: number, text: string): never {
  throw new Error(
    `${why}\n  sent: ${sent.toString('utf8').slice(0, 600)}\n  got ${status}: ${text.slice(0, 600)}`,
  );
}

describe.each(POST_ROUTES.map((r) => [r.path, r] as const))('fuzzing %s', (path, route) => {
  const bodies = BODY_ARBITRARIES[path];

  it(
    `${RUNS} seeded cases: 4xx, never 5xx, in the envelope; nothing Bedrock refuses gets through`,
    async () => {
      expect(bodies).toBeDefined();
      const counts: Record<string, number> = (tally[path] = {});
      const heapBefore = retainedHeap();
      const started = Date.now();
      let done = 0;
      let since = mark(gw.emulator);
      await fc.assert(
        fc.asyncProperty(bodies, textMutation, byteMutation, async (body, mutateText, mutateBytes) => {
          const sent = mutateBytes(Buffer.from(mutateText(JSON.stringify(body))));
          const res = await fetch(`${gw.url}${route.path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
            body: sent,
            signal: AbortSignal.timeout(CASE_TIMEOUT_MS),
          });
          const text = await res.text();
          const code = res.status >= 400 ? (/"code":"?([\w.-]+)/.exec(text)?.[1] ?? '') : '';
          const key = `${res.status}${code ? ` ${code}` : ''}`;
          counts[key] = (counts[key] ?? 0) + 1;
          if (process.env.FUZZ_REPORT && ++done % 5_000 === 0) {
            process.stdout.write(
              `${path}: ${done} cases, ${Math.round((Date.now() - started) / 1000)} s, heap ${heapMb()} MB\n`,
            );
          }
          if (process.env.FUZZ_DEBUG && key.includes(process.env.FUZZ_DEBUG))
            process.stdout.write(`${text.slice(0, 300)}\n`);
          if (res.status >= 500) fail(`a ${res.status}`, sent, res.status, text);
          if (res.status >= 400) {
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              fail('an error that is not JSON', sent, res.status, text);
            }
            const violations =
              route.envelope === 'anthropic'
                ? anthropicEnvelopeViolations(json)
                : schemaViolations(json, 'ErrorResponse');
            if (violations.length > 0)
              fail(`an error outside the envelope: ${violations[0]}`, sent, res.status, text);
          }
          // Only the entries since the last case are read (mark() would convert the whole log every time).
          const reached = runtimeRequests(gw.emulator, since);
          since = gw.emulator.requests(since).at(-1)?.seq ?? since;
          const refused = reached.filter((e) => e.status === 400);
          if (refused.length > 0) {
            fail(
              `Bedrock refused what the gateway let through (${refused[0].errorType})`,
              sent,
              res.status,
              text,
            );
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: false },
      );
      const res = await fetch(`${gw.url}/health`);
      expect(res.status).toBe(200);
      // Bounded: what the run leaves behind (stored responses and the emulator's log are capped) stays under a
      // generous ceiling after a full collection.
      expect(retainedHeap() - heapBefore).toBeLessThan(256 * 1024 * 1024);
    },
    120_000 + RUNS * 200,
  );
});
